// The offline verifier against tampering: for each class — a modified entry (a changed value, or
// any byte of its line), a deleted entry, reordered entries, an inserted entry, a forged
// checkpoint — 1,000 random cases, every one detected and the first changed entry named; and no
// false alarm on 1,000 untouched logs. Synthetic logs of random sizes, built and signed exactly as
// the server builds them.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <sstream>

#include "core/crypto.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/verifier.hpp"

using namespace aims;
using namespace aims::ledger;

namespace {

constexpr int kCases = 1000;

const LogSigner& signer() {
  static const LogSigner s = [] {
    crypto::init();
    return LogSigner(note::SigningKey::generate(), "aims.invalid");
  }();
  return s;
}

const LogSigner& other_signer() {
  static const LogSigner s(note::SigningKey::generate(), "aims.invalid");
  return s;
}

const std::string kOrg = "org_tamper";

struct Log {
  std::vector<std::string> entries;       // entry bytes
  std::vector<std::int64_t> checkpoints;  // sizes signed (ascending), the last is entries.size()
  std::vector<std::string> notes;         // the signed checkpoints, in the same order
};

std::string pick(std::mt19937& rng, std::initializer_list<const char*> xs) {
  std::uniform_int_distribution<std::size_t> d(0, xs.size() - 1);
  return *(xs.begin() + static_cast<std::ptrdiff_t>(d(rng)));
}

std::string random_hex(std::mt19937& rng) {
  std::string s(64, '0');
  for (auto& c : s) c = "0123456789abcdef"[rng() % 16];
  return s;
}

Entry random_entry(std::mt19937& rng, std::int64_t seq) {
  Entry e;
  e.actor = pick(rng, {"system", "alice@acme.test", "bob@acme.test", "r\xc3\xa9mi@acme.test"});
  char at[32];
  std::snprintf(at, sizeof at, "2026-11-%02dT%02d:%02d:%02d.%03dZ", 1 + static_cast<int>(seq / 1000) % 28,
                static_cast<int>(seq / 60) % 24, static_cast<int>(seq) % 60, static_cast<int>(rng() % 60),
                static_cast<int>(rng() % 1000));
  e.at = at;
  e.op = pick(rng, {"create", "update", "delete"});
  e.content_sha256 = e.op == "delete" ? deleted_content_hash() : random_hex(rng);
  e.org = kOrg;
  e.record_type = pick(rng, {"system", "soa_entry", "risk", "answer", "membership"});
  e.record_id = e.record_type + "_" + std::to_string(rng() % 50);
  e.seq = seq;
  return e;
}

merkle::Hash root_of(const std::vector<std::string>& entries, std::size_t size) {
  merkle::TreeBuilder b;
  for (std::size_t i = 0; i < size; ++i) b.add(merkle::leaf_hash(entries[i]));
  return b.root();
}

Log random_log(std::mt19937& rng, int min_size = 1) {
  Log log;
  int n = std::uniform_int_distribution<int>(min_size, 70)(rng);
  for (int i = 0; i < n; ++i) log.entries.push_back(entry_bytes(random_entry(rng, i)));
  std::set<std::int64_t> sizes{n};
  for (int k = std::uniform_int_distribution<int>(0, 3)(rng); k > 0; --k)
    sizes.insert(std::uniform_int_distribution<int>(1, n)(rng));
  for (auto s : sizes) {
    log.checkpoints.push_back(s);
    log.notes.push_back(signer().sign(kOrg, s, root_of(log.entries, static_cast<std::size_t>(s))));
  }
  return log;
}

/// The export as lines: header, entries, recorded leaf hashes, checkpoints.
std::vector<std::string> lines_of(const Log& log) {
  auto strip = [](std::string s) {
    s.pop_back();
    return s;
  };
  std::vector<std::string> out{strip(header_line(
      ExportHeader{kOrg, signer().origin(kOrg), static_cast<std::int64_t>(log.entries.size())}))};
  ExportLeafHashes leaves;
  for (const auto& e : log.entries) {
    out.push_back(strip(entry_line(ExportEntry{e})));
    leaves.hashes.push_back(merkle::to_hex(merkle::leaf_hash(e)));
  }
  out.push_back(strip(leaf_hashes_line(leaves)));
  for (const auto& n : log.notes) out.push_back(strip(checkpoint_line(ExportCheckpoint{n})));
  return out;
}

VerifyResult verify(const std::vector<std::string>& lines, std::optional<std::string> checkpoint,
                    std::optional<std::string> old = std::nullopt) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  std::istringstream in(text);
  return verify_export(in, VerifyOptions{signer().verifier(kOrg), std::move(checkpoint), std::move(old)});
}

std::size_t first_entry_line = 1;  // line index of entry 0

/// Whether a case verifies against the newest checkpoint, or at random against it or none.
enum class Given { newest, newest_or_none };

/// kCases times: a random log (of at least `min_size` entries) whose export's lines `tamper`
/// changes, answering the index of the first entry it changed; verifying must fail naming it.
template <class Tamper>
void expect_first_bad_named(unsigned seed, Given given, Tamper tamper, int min_size = 1) {
  std::mt19937 rng(seed);
  for (int c = 0; c < kCases; ++c) {
    auto log = random_log(rng, min_size);
    auto lines = lines_of(log);
    std::size_t first_bad = tamper(rng, log, lines);
    auto r = verify(lines, given == Given::newest || rng() % 2 ? std::optional(log.notes.back()) : std::nullopt);
    ASSERT_FALSE(r.ok) << "case " << c;
    ASSERT_EQ(r.first_bad, static_cast<std::int64_t>(first_bad)) << "case " << c << ": " << r.summary;
  }
}

}  // namespace

TEST(Tamper, UntouchedLogsAlwaysVerify) {
  std::mt19937 rng(1);
  for (int c = 0; c < kCases; ++c) {
    auto log = random_log(rng);
    auto lines = lines_of(log);
    std::optional<std::string> given, old;
    if (rng() % 2) given = log.notes.back();
    if (log.notes.size() > 1 && rng() % 2) old = log.notes.front();
    auto r = verify(lines, given, old);
    ASSERT_TRUE(r.ok) << "case " << c << ": " << r.summary;
    EXPECT_EQ(r.entries, static_cast<std::int64_t>(log.entries.size()));
    EXPECT_EQ(r.checkpoint_size, log.checkpoints.back());
  }
}

TEST(Tamper, AChangedValueInAnEntryIsFoundAndNamed) {
  std::mt19937 rng(2);
  for (int c = 0; c < kCases; ++c) {
    auto log = random_log(rng);
    auto lines = lines_of(log);
    auto i = std::uniform_int_distribution<std::size_t>(0, log.entries.size() - 1)(rng);
    auto e = parse_entry(log.entries[i]).value();
    switch (rng() % 6) {
      case 0: e.actor = e.actor == "mallory@acme.test" ? "eve@acme.test" : "mallory@acme.test"; break;
      case 1: e.op = e.op == "update" ? "create" : "update"; break;
      case 2: {
        char& ch = e.content_sha256[rng() % 64];
        ch = ch == 'f' ? '0' : 'f';
        break;
      }
      case 3: e.content_sha256 = random_hex(rng); break;
      case 4: e.at = e.at == "2020-01-01T00:00:00.000Z" ? "2020-01-02T00:00:00.000Z" : "2020-01-01T00:00:00.000Z"; break;
      default: e.record_id += "x"; break;
    }
    auto changed = entry_bytes(e);
    ASSERT_NE(changed, log.entries[i]);
    lines[first_entry_line + i] = entry_line(ExportEntry{changed});
    lines[first_entry_line + i].pop_back();
    auto r = verify(lines, rng() % 2 ? std::optional(log.notes.back()) : std::nullopt);
    ASSERT_FALSE(r.ok) << "case " << c;
    ASSERT_EQ(r.first_bad, static_cast<std::int64_t>(i)) << "case " << c << ": " << r.summary;
  }
}

TEST(Tamper, AnyChangedByteOfAnEntryLineIsFoundAndNamed) {
  expect_first_bad_named(3, Given::newest, [](std::mt19937& rng, const Log& log, std::vector<std::string>& lines) {
    auto i = std::uniform_int_distribution<std::size_t>(0, log.entries.size() - 1)(rng);
    auto& line = lines[first_entry_line + i];
    auto pos = std::uniform_int_distribution<std::size_t>(0, line.size() - 1)(rng);
    char b;
    do b = static_cast<char>(rng() % 256); while (b == line[pos] || b == '\n');
    line[pos] = b;
    return i;
  });
}

TEST(Tamper, ADeletedEntryIsFoundAndNamed) {
  expect_first_bad_named(4, Given::newest_or_none, [](std::mt19937& rng, const Log& log, std::vector<std::string>& lines) {
    auto i = std::uniform_int_distribution<std::size_t>(0, log.entries.size() - 1)(rng);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(first_entry_line + i));
    return i;
  });
}

TEST(Tamper, ReorderedEntriesAreFoundAndTheFirstMovedOneNamed) {
  auto reorder = [](std::mt19937& rng, const Log& log, std::vector<std::string>& lines) {
    std::uniform_int_distribution<std::size_t> d(0, log.entries.size() - 1);
    std::size_t i = d(rng), j = d(rng);
    while (j == i) j = d(rng);
    if (i > j) std::swap(i, j);
    auto from = lines.begin() + static_cast<std::ptrdiff_t>(first_entry_line);
    if (rng() % 2) std::swap(from[static_cast<std::ptrdiff_t>(i)], from[static_cast<std::ptrdiff_t>(j)]);
    else std::rotate(from + static_cast<std::ptrdiff_t>(i), from + static_cast<std::ptrdiff_t>(i) + 1, from + static_cast<std::ptrdiff_t>(j) + 1);
    return i;
  };
  expect_first_bad_named(5, Given::newest, reorder, 2);
}

TEST(Tamper, AnInsertedEntryIsFoundAndNamed) {
  expect_first_bad_named(6, Given::newest_or_none, [](std::mt19937& rng, const Log& log, std::vector<std::string>& lines) {
    auto i = std::uniform_int_distribution<std::size_t>(0, log.entries.size())(rng);
    // A plausible entry: the seq of its place, or a copy of a neighbour.
    // (A copy of entry i put before it makes position i + 1 the first that differs.)
    bool copy = rng() % 2 && i < log.entries.size();
    std::string added = copy ? log.entries[i] : entry_bytes(random_entry(rng, static_cast<std::int64_t>(i)));
    auto line = entry_line(ExportEntry{added});
    line.pop_back();
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first_entry_line + i), line);
    return copy ? i + 1 : i;
  });
}

TEST(Tamper, AForgedCheckpointIsRefused) {
  std::mt19937 rng(7);
  for (int c = 0; c < kCases; ++c) {
    auto log = random_log(rng);
    auto lines = lines_of(log);
    auto size = log.checkpoints.back();
    auto real = log.notes.back();
    std::string forged;
    switch (rng() % 6) {
      case 0: {  // another size
        forged = real;
        auto nl = forged.find('\n');
        forged.replace(nl + 1, std::to_string(size).size(), std::to_string(size + 1 + rng() % 5));
        break;
      }
      case 1: {  // another root, same signature
        forged = real;
        auto at = forged.find('\n', forged.find('\n') + 1) + 1 + rng() % 43;
        forged[at] = forged[at] == 'A' ? 'B' : 'A';
        break;
      }
      case 2: {  // a flipped bit in the signature
        forged = real;
        auto at = forged.rfind(' ') + 6 + rng() % 80;
        forged[at] = forged[at] == 'A' ? 'B' : 'A';
        break;
      }
      case 3:  // signed by another key under the log's name
        forged = other_signer().sign(kOrg, size, root_of(log.entries, static_cast<std::size_t>(size)));
        break;
      case 4:  // signed by another key over a rewritten root
        forged = other_signer().sign(kOrg, size, merkle::sha256(std::to_string(rng())));
        break;
      default:  // a checkpoint of another organization's log
        forged = signer().sign("org_other", size, root_of(log.entries, static_cast<std::size_t>(size)));
        break;
    }
    ASSERT_NE(forged, real);
    // Given as the checkpoint to trust …
    auto r = verify(lines, forged);
    ASSERT_FALSE(r.ok) << "case " << c;
    EXPECT_NE(r.summary.find("checkpoint is not valid"), std::string::npos) << r.summary;
    // … or slipped into the file in place of the server's.
    lines.back() = checkpoint_line(ExportCheckpoint{forged});
    lines.back().pop_back();
    r = verify(lines, std::nullopt);
    ASSERT_FALSE(r.ok) << "case " << c << ": " << r.summary;
  }
}

TEST(Tamper, AnOldCheckpointMustBeAPrefixOfTheLog) {
  std::mt19937 rng(8);
  for (int c = 0; c < 200; ++c) {
    auto log = random_log(rng, 2);
    auto lines = lines_of(log);
    // An honest old checkpoint of a log that was later rewritten at entry i.
    auto i = std::uniform_int_distribution<std::size_t>(0, log.entries.size() - 2)(rng);
    auto old_size = static_cast<std::int64_t>(i + 1);
    auto old = signer().sign(kOrg, old_size, root_of(log.entries, i + 1));
    auto rewritten = log;
    rewritten.entries[i] = entry_bytes(random_entry(rng, static_cast<std::int64_t>(i)));
    rewritten.notes.clear();
    rewritten.checkpoints = {static_cast<std::int64_t>(rewritten.entries.size())};
    rewritten.notes.push_back(
        signer().sign(kOrg, rewritten.checkpoints[0], root_of(rewritten.entries, rewritten.entries.size())));
    EXPECT_TRUE(verify(lines_of(rewritten), rewritten.notes[0]).ok);
    auto r = verify(lines_of(rewritten), rewritten.notes[0], old);
    ASSERT_FALSE(r.ok) << "case " << c;
    EXPECT_TRUE(verify(lines, log.notes.back(), old).ok);
  }
}
