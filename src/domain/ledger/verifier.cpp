#include "domain/ledger/verifier.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"

namespace aims::ledger {

namespace {

constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();

std::string n(std::int64_t v) { return std::to_string(v); }

VerifyResult failed(VerifyResult r, std::string summary) {
  r.ok = false;
  r.summary = std::move(summary);
  return r;
}

/// A signed checkpoint and where it came from.
struct Signed {
  Checkpoint c;
  std::string name;  // "the checkpoint", "the old checkpoint", "the file's checkpoint of size N"
};

}  // namespace

VerifyResult verify_export(std::istream& in, const VerifyOptions& opt) {
  VerifyResult r;
  std::optional<Checkpoint> trusted, old;
  if (opt.checkpoint) {
    auto c = open_checkpoint(*opt.checkpoint, opt.key);
    if (!c) return failed(r, "The checkpoint is not valid: " + c.error().detail + ".");
    trusted = *c;
  }
  if (opt.old_checkpoint) {
    auto c = open_checkpoint(*opt.old_checkpoint, opt.key);
    if (!c) return failed(r, "The old checkpoint is not valid: " + c.error().detail + ".");
    old = *c;
    r.old_size = c->size;
  }
  if (old && trusted && old->size > trusted->size)
    return failed(r, "The old checkpoint (size " + n(old->size) + ") is larger than the checkpoint (size " +
                         n(trusted->size) + ").");

  std::string line;
  if (!std::getline(in, line)) return failed(r, "The file is empty: it is not an audit log export.");
  auto first = parse_line(line);
  if (!first || !std::holds_alternative<ExportHeader>(*first))
    return failed(r, "Line 1 is not the header of an audit log export" +
                         (first ? std::string(".") : ": it " + first.error().detail + "."));
  auto header = std::get<ExportHeader>(*first);
  r.origin = header.origin;
  if (header.origin != opt.key.name)
    return failed(r, "The file is the log of '" + header.origin + "', but the key is of '" + opt.key.name + "'.");

  // Sections in order: entries, recorded leaf hashes, checkpoints. A line that cannot be read
  // counts as a line of the section it is in.
  enum class Section { entries, leaf_hashes, checkpoints } section = Section::entries;
  merkle::MemoryTree computed;
  std::vector<merkle::Hash> recorded;
  bool recorded_ok = true;
  std::optional<std::pair<std::int64_t, std::string>> structural;  // the first entry found malformed
  std::vector<Checkpoint> embedded;
  std::vector<std::string> problems;  // findings not tied to one entry
  auto note_bad = [&](std::int64_t seq, std::string why) {
    r.details.push_back("entry " + n(seq) + ": " + why);
    if (!structural) structural = {seq, std::move(why)};
  };
  auto problem = [&](std::string what) {
    problems.push_back(what);
    r.details.push_back(std::move(what));
  };
  std::int64_t p = 0, lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    auto parsed = parse_line(line);
    if (parsed && std::holds_alternative<ExportLeafHashes>(*parsed) && section != Section::checkpoints)
      section = Section::leaf_hashes;
    if (parsed && std::holds_alternative<ExportCheckpoint>(*parsed)) section = Section::checkpoints;
    if (section == Section::entries && (!parsed || std::holds_alternative<ExportEntry>(*parsed))) {
      merkle::Hash leaf;
      if (!parsed) {
        leaf = merkle::leaf_hash(line);
        note_bad(p, "line " + n(lineno) + " is not an entry line: it " + parsed.error().detail);
      } else {
        const auto& bytes = std::get<ExportEntry>(*parsed).entry;
        leaf = merkle::leaf_hash(bytes);
        auto entry = parse_entry(bytes);
        if (!entry) note_bad(p, "it " + entry.error().detail);
        else if (entry->seq != p)
          note_bad(p, "the entry at this position has seq " + n(entry->seq) +
                          ": an entry is missing, was added or is out of order");
        else if (entry->org != header.org)
          note_bad(p, "it belongs to organization " + entry->org + ", not " + header.org);
      }
      computed.add(leaf);
      ++p;
    } else if (section == Section::leaf_hashes && parsed && std::holds_alternative<ExportLeafHashes>(*parsed)) {
      for (const auto& hex : std::get<ExportLeafHashes>(*parsed).hashes) {
        auto h = merkle::from_hex(hex);
        if (!h) recorded_ok = false;
        recorded.push_back(h.value_or(merkle::Hash{}));
      }
    } else if (section == Section::checkpoints && parsed && std::holds_alternative<ExportCheckpoint>(*parsed)) {
      auto c = open_checkpoint(std::get<ExportCheckpoint>(*parsed).note, opt.key);
      if (c) embedded.push_back(*c);
      else problem("line " + n(lineno) + ": a checkpoint in the file is not valid: " + c.error().detail);
    } else if (!parsed) {
      if (section == Section::leaf_hashes) recorded_ok = false;
      problem("line " + n(lineno) + " cannot be read: it " + parsed.error().detail);
    } else {
      problem("line " + n(lineno) + " is out of place");
    }
  }
  r.entries = p;
  r.file_checkpoints = static_cast<std::int64_t>(embedded.size());
  if (!trusted) {
    if (embedded.empty())
      return failed(r, "There is no checkpoint to verify against: give one, or export the log with its checkpoints.");
    trusted = embedded.back();
    r.details.push_back("verified against the last checkpoint in the file; a checkpoint obtained separately is a "
                        "stronger reference");
  }
  r.checkpoint_size = trusted->size;
  r.root_hash = merkle::to_hex(trusted->root);
  if (header.size != p) problem("the header says " + n(header.size) + " entries, the file has " + n(p));
  if (static_cast<std::int64_t>(recorded.size()) != header.size || !recorded_ok) {
    recorded_ok = false;
    problem("the file's recorded leaf hashes are not " + n(header.size) + " hashes");
  }

  // Every signed checkpoint pins the root of a prefix of the log.
  std::vector<Signed> all;
  for (const auto& c : embedded) all.push_back({c, "the file's checkpoint of size " + n(c.size)});
  if (old) all.push_back({*old, "the old checkpoint"});
  all.push_back({*trusted, "the checkpoint"});
  std::map<std::int64_t, merkle::Hash> root_at_size;
  std::int64_t lo = 0, hi = kNone;  // entries [0, lo) are proven; the first bad one is < hi
  std::optional<std::int64_t> authenticated;  // recorded leaf hashes proven for [0, authenticated)
  std::optional<merkle::MemoryTree> recorded_tree;
  for (const auto& s : all) {
    auto [it, fresh] = root_at_size.emplace(s.c.size, s.c.root);
    if (!fresh && it->second != s.c.root)
      problem("two checkpoints of size " + n(s.c.size) + " have different roots: the log was rewritten");
    bool matches = false;
    if (s.c.size > p) {
      hi = std::min(hi, p + 1);
      problem("the file ends after " + n(p) + " entries, but " + s.name + " covers " + n(s.c.size));
    } else if (computed.root_at(static_cast<std::uint64_t>(s.c.size)) == s.c.root) {
      lo = std::max(lo, s.c.size);
      matches = true;
    } else {
      hi = std::min(hi, s.c.size);
      r.details.push_back("the entries do not give the root of " + s.name);
    }
    if (matches || !recorded_ok || s.c.size > static_cast<std::int64_t>(recorded.size())) continue;
    if (!recorded_tree) recorded_tree.emplace(recorded);
    if (recorded_tree->root_at(static_cast<std::uint64_t>(s.c.size)) == s.c.root)
      authenticated = std::max(authenticated.value_or(0), s.c.size);
  }
  if (hi == kNone && recorded_ok && static_cast<std::int64_t>(recorded.size()) == p) {
    auto leaves = computed.source();
    for (std::int64_t i = 0; i < p; ++i)
      if (leaves(0, static_cast<std::uint64_t>(i)) != recorded[static_cast<std::size_t>(i)]) {
        problem("the recorded leaf hash of entry " + n(i) + " does not match the entry");
        break;
      }
  }
  if (trusted->size < p)
    r.details.push_back("entries " + n(trusted->size) + " to " + n(p - 1) + " are not covered by the checkpoint");

  r.ok = !structural && problems.empty() && hi == kNone;
  if (r.ok) return r;

  // Name the first entry that does not match, as exactly as the signed data allows.
  if (structural && structural->first < lo) {  // signed as it is: the log itself holds a bad entry
    r.first_bad = structural->first;
    return failed(r, "Entry " + n(structural->first) + " does not match: " + structural->second + ".");
  }
  if (authenticated) {  // the leaf hashes the server recorded are the signed ones: compare each
    auto leaves = computed.source();
    for (std::int64_t i = 0; i < *authenticated; ++i) {
      const auto& want = recorded[static_cast<std::size_t>(i)];
      if (i < p && leaves(0, static_cast<std::uint64_t>(i)) == want) continue;
      r.first_bad = i;
      std::string why = i >= p ? "it is missing from the file"
                        : structural && structural->first == i
                            ? structural->second
                            : "it differs from the entry that was logged (leaf hash " +
                                  merkle::to_hex(leaves(0, static_cast<std::uint64_t>(i))) + ", logged " +
                                  merkle::to_hex(want) + ")";
      return failed(r, "Entry " + n(i) + " does not match: " + why + ".");
    }
  }
  if (hi != kNone && lo >= hi)
    return failed(r, "The signed checkpoints contradict each other: the log of size " + n(lo) +
                         " matches one, but its prefix of size " + n(hi) + " does not match another (the log was forked).");
  if (structural) hi = std::min(hi, structural->first + 1);
  // The header counts the exported entries: one more is an addition, one fewer a loss.
  if (p != header.size) hi = std::min(hi, std::min(p, header.size) + 1);
  if (hi != kNone && hi - lo == 1) {
    r.first_bad = lo;
    std::string why = structural && structural->first == lo ? structural->second
                      : lo == p                             ? "it is missing from the file"
                      : lo == header.size                   ? "it was added: the export holds " + n(header.size) + " entries"
                                                            : "the log differs from the checkpoints from here on";
    return failed(r, "Entry " + n(lo) + " does not match: " + why + ".");
  }
  if (hi != kNone) {
    r.bad_range = std::pair{lo, hi - 1};
    std::string s = "The log does not match its checkpoints: the first entry that differs is one of " + n(lo) +
                    " to " + n(hi - 1) + (lo > 0 ? " (entries before " + n(lo) + " match a signed checkpoint)" : "");
    if (structural) s += "; entry " + n(structural->first) + " is certainly wrong: " + structural->second;
    return failed(r, s + ".");
  }
  return failed(r, "The file is not a faithful export: " + problems.front() + ".");
}

VerifyResult verify_checkpoints(const std::string& old_checkpoint, const std::string& checkpoint,
                                const std::vector<std::string>& proof_hex, const note::Verifier& key) {
  VerifyResult r;
  auto old = open_checkpoint(old_checkpoint, key);
  if (!old) return failed(r, "The old checkpoint is not valid: " + old.error().detail + ".");
  auto cur = open_checkpoint(checkpoint, key);
  if (!cur) return failed(r, "The checkpoint is not valid: " + cur.error().detail + ".");
  r.origin = cur->origin;
  r.old_size = old->size;
  r.checkpoint_size = cur->size;
  r.root_hash = merkle::to_hex(cur->root);
  std::vector<merkle::Hash> proof;
  for (const auto& h : proof_hex) {
    auto x = merkle::from_hex(h);
    if (!x) return failed(r, "The consistency proof holds something that is not a hash: '" + h + "'.");
    proof.push_back(*x);
  }
  if (old->size > cur->size)
    return failed(r, "The old checkpoint (size " + n(old->size) + ") is larger than the checkpoint (size " +
                         n(cur->size) + ").");
  if (!merkle::verify_consistency(static_cast<std::uint64_t>(old->size), static_cast<std::uint64_t>(cur->size),
                                  old->root, cur->root, proof))
    return failed(r, "The checkpoints are not consistent: the log of size " + n(old->size) +
                         " is not a prefix of the log of size " + n(cur->size) + " (or the proof is not theirs).");
  r.ok = true;
  return r;
}

}  // namespace aims::ledger
