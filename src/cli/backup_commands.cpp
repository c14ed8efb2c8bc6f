// aims backup and aims restore (docs/operations.md): one archive (POSIX ustar) of a SQLite
// installation taken while its server runs — the database through SQLite's online backup API, every
// evidence file checked against its SHA-256 as it is copied, the public keys of the audit logs (never
// the private signing key) and a manifest with the SHA-256 of every member — and its restore into an
// empty data directory, which checks every member against the manifest before it writes anything.
#include "cli/backup_commands.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "cli/api_session.hpp"
#include "cli/audit_key.hpp"
#include "cli/config.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/sha256_hasher.hpp"
#include "core/tar.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/stored_log_check.hpp"
#include <fstream>
#include "store/database_copy.hpp"
#include "store/store.hpp"

namespace aims::cli {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr std::string_view kBackupFormat = "aims-backup/1";
constexpr std::string_view kManifest = "manifest.json";
constexpr std::string_view kDatabase = "aims.db";
constexpr std::size_t kPiece = 256 * 1024;
constexpr std::uint64_t kMaxManifest = 64ULL << 20;

/// A failure of a backup or restore: the exit code and what to tell the operator.
struct Refusal : std::runtime_error {
  int code;
  Refusal(int c, const std::string& m) : std::runtime_error(m), code(c) {}
};
[[noreturn]] void refuse(int code, const std::string& message) { throw Refusal(code, message); }

std::string sys_error(const std::string& what, int err) { return what + ": " + std::strerror(err); }

void write_all(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    auto n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) refuse(1, sys_error("cannot write " + path, errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// Reads up to n bytes (fewer only at the end of the file).
std::size_t read_full(int fd, char* buf, std::size_t n, const std::string& path) {
  std::size_t got = 0;
  while (got < n) {
    auto r = ::read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) refuse(1, sys_error("cannot read " + path, errno));
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

void fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string human_bytes(std::uint64_t n) {
  if (n < 1024) return std::to_string(n) + " B";
  const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(n);
  int u = -1;
  do {
    v /= 1024;
    ++u;
  } while (v >= 1024 && u < 3);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

bool plain_id(std::string_view s) {
  return !s.empty() && s.size() <= 200 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

/// An evidence member's organization and hash, if `name` is "evidence/<org>/sha256/ab/cd/<abcd…>".
std::optional<std::pair<std::string, std::string>> evidence_member(std::string_view name) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    auto slash = name.find('/', at);
    parts.push_back(name.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  if (parts.size() != 6 || parts[0] != "evidence" || !plain_id(parts[1]) || parts[2] != "sha256") return std::nullopt;
  auto hash = parts[5];
  if (!evidence::is_sha256_hex(hash) || parts[3] != hash.substr(0, 2) || parts[4] != hash.substr(2, 2)) return std::nullopt;
  return std::make_pair(std::string(parts[1]), std::string(hash));
}

/// An audit key member's organization, if `name` is "audit-keys/<org>.verifier-key".
std::optional<std::string> key_member(std::string_view name) {
  constexpr std::string_view dir = "audit-keys/", ext = ".verifier-key";
  if (!name.starts_with(dir) || !name.ends_with(ext)) return std::nullopt;
  auto org = name.substr(dir.size(), name.size() - dir.size() - ext.size());
  if (!plain_id(org)) return std::nullopt;
  return std::string(org);
}

// ---------------------------------------------------------------------------------------------
// aims backup

/// The archive being written, under a temporary name until finish() renames it into place.
class ArchiveWriter {
 public:
  ArchiveWriter(std::string final_path, std::string temp_path) : final_(std::move(final_path)), temp_(std::move(temp_path)) {
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ < 0) refuse(1, sys_error("cannot create " + temp_, errno));
  }
  ~ArchiveWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!done_) ::unlink(temp_.c_str());
  }
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  /// Copies the file at `path` as member `name`, hashing it as it goes; returns its SHA-256. With
  /// `expected`, a file whose bytes do not have that hash fails the backup, naming the file.
  std::string add_file(const std::string& name, const std::string& path, const std::string& expected = "") {
    int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) refuse(1, sys_error("cannot read " + path, errno));
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{in};
    struct stat st {};
    if (::fstat(in, &st) != 0) refuse(1, sys_error("cannot read " + path, errno));
    auto size = static_cast<std::uint64_t>(st.st_size);
    put_header(name, size);
    crypto::Sha256Hasher hasher;
    std::string buf(kPiece, '\0');
    std::uint64_t copied = 0;
    for (;;) {
      auto n = read_full(in, buf.data(), std::min<std::uint64_t>(kPiece, size - copied), path);
      if (n == 0) break;
      hasher.update(std::string_view(buf.data(), n));
      write_all(fd_, std::string_view(buf.data(), n), temp_);
      copied += n;
      if (copied == size) break;
    }
    if (copied != size) refuse(1, "the file " + path + " changed size while it was copied");
    write_all(fd_, tar::padding(size), temp_);
    auto sha = hasher.finish_hex();
    if (!expected.empty() && sha != expected)
      refuse(1, "the evidence file " + path + " does not match its SHA-256: its content hashes to " + sha +
                    ". It was changed or damaged on disk; the backup was not written (restore that file, e.g. "
                    "from an earlier backup, then run aims backup again).");
    record(name, size, sha);
    return sha;
  }

  void add_bytes(const std::string& name, std::string_view bytes) {
    put_header(name, bytes.size());
    write_all(fd_, bytes, temp_);
    write_all(fd_, tar::padding(bytes.size()), temp_);
    record(name, bytes.size(), crypto::sha256_hex(bytes));
  }

  const json::array& members() const { return members_; }

  /// Ends the archive, makes it durable and renames it to its final name; returns its size.
  std::uint64_t finish() {
    write_all(fd_, tar::end(), temp_);
    if (::fsync(fd_) != 0) refuse(1, sys_error("cannot write " + temp_, errno));
    struct stat st {};
    ::fstat(fd_, &st);
    ::close(fd_);
    fd_ = -1;
    if (::rename(temp_.c_str(), final_.c_str()) != 0) refuse(1, sys_error("cannot rename " + temp_ + " to " + final_, errno));
    done_ = true;
    auto dir = fs::path(final_).parent_path();
    fsync_dir(dir.empty() ? fs::path(".") : dir);
    return static_cast<std::uint64_t>(st.st_size);
  }

 private:
  void put_header(const std::string& name, std::uint64_t size) {
    auto h = tar::header({name, size, 0600, static_cast<std::int64_t>(::time(nullptr))});
    if (!h) refuse(1, h.error().detail);
    write_all(fd_, *h, temp_);
  }
  void record(const std::string& name, std::uint64_t size, const std::string& sha) {
    members_.push_back(json::object{{"name", name}, {"size", size}, {"sha256", sha}});
  }

  std::string final_, temp_;
  int fd_ = -1;
  bool done_ = false;
  json::array members_;
};

/// Removes a scratch file (and SQLite's files beside it) when the backup ends, however it ends.
struct Scratch {
  std::string path;
  ~Scratch() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
  }
};

/// The evidence blobs under `root`, by their member name, in name order.
std::map<std::string, std::string> evidence_files(const fs::path& root) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::exists(root, ec)) return out;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it.depth() == 0 && it->path().filename() == "tmp") {  // uploads in progress
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    auto name = "evidence/" + fs::relative(it->path(), root, ec).generic_string();
    if (evidence_member(name)) out.emplace(name, it->path().string());
  }
  if (ec) refuse(1, "cannot list the evidence directory " + root.string() + ": " + ec.message());
  return out;
}

struct Snapshot {
  std::vector<store::Organization> orgs;
  std::set<std::pair<std::string, std::string>> live_blobs;  // (org, sha256) of live evidence
  std::map<std::pair<std::string, std::string>, std::string> blob_owner;  // → an evidence id
};

/// What the copied database holds that the backup must check: its organizations and the files
/// their live evidence records name (ref = the SHA-256 while live, docs/evidence.md).
Snapshot read_snapshot(const std::string& db) {
  auto st = store::open_store(db);
  if (!st) refuse(1, st.error().detail);
  Snapshot s;
  auto r = (*st)->read([&](store::ReadTx& tx) -> status {
    s.orgs = tx.list_orgs();
    for (const auto& o : s.orgs) {
      store::RecordQuery q;
      q.org_id = o.id;
      q.kind = "evidence";
      q.parent_id = "";
      q.limit = 0;
      q.count = false;
      for (const auto& row : tx.query_records(q).items) {
        if (row.ref.empty()) continue;
        s.live_blobs.emplace(o.id, row.ref);
        s.blob_owner[{o.id, row.ref}] = row.id;
      }
    }
    return ok();
  });
  if (!r) refuse(1, "cannot read the copied database: " + r.error().detail);
  return s;
}

std::int64_t table_count(const store::DatabaseFacts& f, const std::string& table) {
  auto it = f.tables.find(table);
  return it == f.tables.end() ? 0 : it->second;
}

struct BackupOpts {
  std::string config_file, data, database, output;
  bool force = false;
};

int run_backup(const BackupOpts& o) {
  Config cfg;
  if (!o.config_file.empty())
    if (auto s = cfg.load_file(o.config_file); !s) return usage_error(s.error().detail);
  if (auto s = cfg.load_env(); !s) return usage_error(s.error().detail);
  if (!o.data.empty()) cfg.data = o.data;
  if (!o.database.empty()) cfg.database = o.database;
  if (store::is_postgres_location(cfg.database))
    return usage_error(
        "aims backup copies installations whose database is SQLite. With PostgreSQL, back up the database "
        "with pg_dump (e.g. pg_dump --format=custom): it holds the evidence files too (move any still in " +
        (fs::path(cfg.data) / "evidence").string() + " in with 'aims evidence migrate'); keep the signing key "
        "apart: see docs/operations.md, \"PostgreSQL\".");
  const std::string db = cfg.database_location();
  std::error_code ec;
  if (!fs::exists(db, ec))
    return fail("there is no database at " + db + ": " + cfg.data + " is not an initialized data directory.");
  if (fs::exists(o.output, ec) && !o.force)
    return usage_error(o.output + " exists; give another name or --force to replace it.");
  if (fs::is_directory(o.output, ec)) return usage_error(o.output + " is a directory; give a file name.");

  const std::string salt = crypto::random_base32(10);
  ArchiveWriter archive(o.output, o.output + ".partial-" + salt);
  Scratch copy{o.output + ".db-" + salt};

  // 1. The database, as of one moment, while the server goes on writing.
  if (auto s = store::copy_sqlite_database(db, copy.path); !s) return fail(s.error().detail);
  auto snapshot = read_snapshot(copy.path);
  auto facts = store::sqlite_database_facts(copy.path);
  if (!facts) return fail(facts.error().detail);
  archive.add_file(std::string(kDatabase), copy.path);

  // 2. The public half of the signing key: every organization's verifier key.
  auto key = load_signing_key(cfg.audit_key_path(), false);
  if (!key)
    return fail(key.error().detail + ". The backup needs it to write the audit logs' public keys (the key itself "
                "is never put in the archive); give its place with AIMS_AUDIT_KEY or --config.");
  ledger::LogSigner signer(*key, cfg.audit_origin);
  for (const auto& org : snapshot.orgs)
    archive.add_bytes("audit-keys/" + org.id + ".verifier-key", signer.verifier_key(org.id) + "\n");

  // 3. The evidence files, each checked against its hash (its name) while it is copied.
  std::set<std::pair<std::string, std::string>> copied;
  std::uint64_t evidence_bytes = 0;
  for (const auto& [name, path] : evidence_files(fs::path(cfg.data) / "evidence")) {
    auto key_of = *evidence_member(name);
    if (!fs::exists(path, ec) && !snapshot.live_blobs.contains(key_of)) continue;  // deleted meanwhile
    archive.add_file(name, path, key_of.second);
    evidence_bytes += fs::file_size(path, ec);
    copied.insert(key_of);
  }
  for (const auto& blob : snapshot.live_blobs)
    if (!copied.contains(blob))
      return fail("the file of evidence " + snapshot.blob_owner[blob] + " (organization " + blob.first + ", sha256 " +
                  blob.second + ") is missing from " + (fs::path(cfg.data) / "evidence").string() +
                  "; the backup was not written.");

  // 4. The manifest, last: what the archive holds and the SHA-256 of every member.
  json::object counts{{"organizations", snapshot.orgs.size()},
                      {"records", table_count(*facts, "records")},
                      {"audit_entries", table_count(*facts, "audit_entries")},
                      {"audit_checkpoints", table_count(*facts, "audit_checkpoints")},
                      {"evidence_files", copied.size()},
                      {"evidence_bytes", evidence_bytes}};
  json::object tables;
  for (const auto& [t, n] : facts->tables) tables[t] = n;
  counts["tables"] = std::move(tables);
  auto pub = key->public_key();
  json::object manifest{
      {"format", kBackupFormat},
      {"created_at", SystemClock().now_text()},
      {"aims_version", "0.1.0"},
      {"database", "sqlite"},
      {"schema_version", facts->schema_version},
      {"counts", std::move(counts)},
      {"signing_key",
       json::object{{"algorithm", "Ed25519"},
                    {"public_key", note::base64_encode(std::string(reinterpret_cast<const char*>(pub.data()), pub.size()))},
                    {"private_key_included", false},
                    {"audit_origin", cfg.audit_origin}}},
      {"members", archive.members()}};
  archive.add_bytes(std::string(kManifest), json::serialize(manifest) + "\n");
  auto size = archive.finish();

  std::cout << "Wrote " << o.output << " (" << human_bytes(size) << "): the database at schema version "
            << facts->schema_version << " (" << snapshot.orgs.size() << " organization(s), "
            << table_count(*facts, "records") << " records, " << table_count(*facts, "audit_entries")
            << " audit log entries), " << copied.size() << " evidence file(s) (" << human_bytes(evidence_bytes)
            << ", each checked against its SHA-256) and the public keys of " << snapshot.orgs.size()
            << " audit log(s).\n"
            << "The private signing key (" << cfg.audit_key_path()
            << ") is not in the backup and never leaves this server: keep a copy of it somewhere safe, apart from "
               "the backups (docs/operations.md).\n";
  return 0;
}

// ---------------------------------------------------------------------------------------------
// aims restore

struct MemberFacts {
  std::uint64_t size = 0;
  std::string sha256;
};

/// Reads the archive member by member: `on_member(header, fd)` must consume exactly the member's
/// size bytes from the reader through `read`.
class ArchiveReader {
 public:
  explicit ArchiveReader(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) refuse(1, sys_error("cannot read " + path, errno));
  }
  ~ArchiveReader() { ::close(fd_); }
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  /// The next member's header, or nullopt at the end of the archive.
  std::optional<tar::Member> next() {
    std::string block(tar::kBlock, '\0');
    auto n = read_full(fd_, block.data(), block.size(), path_);
    if (n == 0) bad("it ends without the end-of-archive blocks");
    block.resize(n);
    auto h = tar::parse_header(block);
    if (!h) bad(h.error().detail);
    return *h;
  }

  /// Streams the member's `size` bytes to `sink` in pieces, then skips its padding.
  template <class Sink>
  void body(std::uint64_t size, Sink&& sink) {
    std::string buf(kPiece, '\0');
    for (std::uint64_t left = size; left > 0;) {
      auto want = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, left));
      auto n = read_full(fd_, buf.data(), want, path_);
      if (n != want) bad("it is cut short inside a member");
      sink(std::string_view(buf.data(), n));
      left -= n;
    }
    auto pad = tar::padding(size).size();
    if (pad && read_full(fd_, buf.data(), pad, path_) != pad) bad("it is cut short inside a member");
  }

  [[noreturn]] void bad(const std::string& why) const {
    refuse(1, path_ + " is not a readable aims backup: " + why + ". Nothing was restored.");
  }

 private:
  std::string path_;
  int fd_ = -1;
};

/// The checked contents of an archive: its manifest and every member's facts.
struct CheckedArchive {
  json::object manifest;
  std::vector<std::string> order;  // member names in archive order, the manifest excluded
  std::map<std::string, MemberFacts> members;
};

CheckedArchive check_archive(const std::string& file) {
  CheckedArchive c;
  std::string manifest_text;
  bool have_manifest = false;
  ArchiveReader in(file);
  while (auto m = in.next()) {
    bool is_manifest = m->name == kManifest;
    if (!is_manifest && m->name != kDatabase && !evidence_member(m->name) && !key_member(m->name))
      in.bad("it holds a member named '" + m->name + "', which an aims backup never has");
    if (c.members.contains(m->name) || (is_manifest && have_manifest)) in.bad("the member " + m->name + " appears twice");
    if (is_manifest && m->size > kMaxManifest) in.bad("its manifest is larger than any manifest aims writes");
    crypto::Sha256Hasher hasher;
    in.body(m->size, [&](std::string_view piece) {
      if (is_manifest) manifest_text.append(piece);
      else hasher.update(piece);
    });
    if (is_manifest) {
      have_manifest = true;
      continue;
    }
    c.order.push_back(m->name);
    c.members[m->name] = {m->size, hasher.finish_hex()};
  }
  if (!have_manifest) in.bad("it has no manifest.json");
  boost::system::error_code ec;
  auto parsed = json::parse(manifest_text, ec);
  if (ec || !parsed.is_object()) in.bad("its manifest is not a JSON object");
  c.manifest = parsed.as_object();
  auto* format = c.manifest.if_contains("format");
  if (!format || !format->is_string() || format->as_string() != kBackupFormat)
    in.bad("its manifest's format is not " + std::string(kBackupFormat));
  auto* listed = c.manifest.if_contains("members");
  if (!listed || !listed->is_array()) in.bad("its manifest lists no members");
  std::set<std::string> seen;
  for (const auto& v : listed->as_array()) {
    const auto* o = v.if_object();
    const json::value* name = o ? o->if_contains("name") : nullptr;
    const json::value* sha = o ? o->if_contains("sha256") : nullptr;
    const json::value* size = o ? o->if_contains("size") : nullptr;
    if (!name || !name->is_string() || !sha || !sha->is_string() || !size || !(size->is_uint64() || size->is_int64()))
      in.bad("its manifest has a member without a name, size and sha256");
    std::string n(name->as_string());
    seen.insert(n);
    auto it = c.members.find(n);
    if (it == c.members.end())
      refuse(1, "The member " + n + " that the manifest of " + file + " lists is missing from the archive. Nothing was restored.");
    auto want_size = size->is_uint64() ? size->as_uint64() : static_cast<std::uint64_t>(size->as_int64());
    if (it->second.sha256 != std::string(sha->as_string()) || it->second.size != want_size)
      refuse(1, "The member " + n + " of " + file + " does not match the manifest (its SHA-256 is " + it->second.sha256 +
                    ", the manifest says " + std::string(sha->as_string()) +
                    "): the archive was altered or damaged. Nothing was restored.");
  }
  for (const auto& n : c.order)
    if (!seen.contains(n))
      refuse(1, "The member " + n + " of " + file + " is not in its manifest: the archive was altered. Nothing was restored.");
  if (!c.members.contains(std::string(kDatabase))) in.bad("it holds no database");
  return c;
}

std::int64_t manifest_number(const json::object& m, std::initializer_list<const char*> path) {
  const json::value* v = nullptr;
  const json::object* o = &m;
  for (const char* k : path) {
    v = o ? o->if_contains(k) : nullptr;
    if (!v) return 0;
    o = v->if_object();
  }
  return v->is_int64() ? v->as_int64() : v->is_uint64() ? static_cast<std::int64_t>(v->as_uint64()) : 0;
}

std::string manifest_text(const json::object& m, std::initializer_list<const char*> path) {
  const json::value* v = nullptr;
  const json::object* o = &m;
  for (const char* k : path) {
    v = o ? o->if_contains(k) : nullptr;
    if (!v) return "";
    o = v->if_object();
  }
  return v->is_string() ? std::string(v->as_string()) : "";
}

/// Removes what a failed restore wrote: the directory if it made it, else what it put inside.
struct RestoreCleanup {
  fs::path dir;
  bool made_dir = false;
  bool done = false;
  ~RestoreCleanup() {
    if (done) return;
    std::error_code ec;
    if (made_dir) {
      fs::remove_all(dir, ec);
      return;
    }
    for (const auto& e : fs::directory_iterator(dir, ec)) fs::remove_all(e.path(), ec);
  }
};

struct RestoreOpts {
  std::string data = "./data", file, signing_key;
};

int run_restore(const RestoreOpts& o) {
  std::error_code ec;
  const fs::path dir(o.data);
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) return usage_error(o.data + " is not a directory. Nothing was changed.");
  if (exists && !fs::is_empty(dir, ec))
    return usage_error(o.data + " is not empty: aims restore writes only into an empty or new directory, so that it "
                       "never mixes a backup with other data. Nothing was changed.");
  if (!fs::is_regular_file(o.file, ec)) return usage_error("there is no backup file " + o.file + ".");

  // 1. Every member against the manifest, before anything is written.
  auto archive = check_archive(o.file);
  auto version = manifest_number(archive.manifest, {"schema_version"});
  if (version > store::known_sqlite_schema_version())
    return fail("the backup's database is at schema version " + std::to_string(version) + ", newer than this aims (" +
                std::to_string(store::known_sqlite_schema_version()) + "); restore it with a newer aims. Nothing was restored.");
  const std::string public_key = manifest_text(archive.manifest, {"signing_key", "public_key"});
  std::optional<note::SigningKey> key;
  if (!o.signing_key.empty()) {
    auto k = load_signing_key(o.signing_key, false);
    if (!k) return fail(k.error().detail + ". Nothing was restored.");
    auto pub = k->public_key();
    if (note::base64_encode(std::string(reinterpret_cast<const char*>(pub.data()), pub.size())) != public_key)
      return fail("the signing key " + o.signing_key + " is not the key of this backup (its public key differs from "
                  "the one in the manifest). Nothing was restored.");
    key = std::move(*k);
  }

  // 2. The members, each checked again as it is written.
  RestoreCleanup cleanup{dir, !exists};
  fs::create_directories(dir, ec);
  if (ec) return fail("cannot create " + o.data + ": " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  std::unique_ptr<evidence::FileBlobStore> blobs;
  try {
    blobs = std::make_unique<evidence::FileBlobStore>((dir / "evidence").string());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::uint64_t evidence_files = 0, evidence_bytes = 0;
  std::size_t keys = 0;
  ArchiveReader in(o.file);
  while (auto m = in.next()) {
    crypto::Sha256Hasher hasher;
    auto changed = [&](const std::string& name, const std::string& sha) {
      if (name != kManifest && archive.members.at(name).sha256 != sha)
        refuse(1, "The member " + name + " of " + o.file + " changed while it was restored. Nothing was restored.");
    };
    if (m->name == kManifest) {
      in.body(m->size, [](std::string_view) {});
    } else if (auto ev = evidence_member(m->name)) {
      auto w = blobs->create();
      if (!w) refuse(1, w.error().detail);
      in.body(m->size, [&](std::string_view piece) {
        hasher.update(piece);
        if (auto s = (*w)->write(piece); !s) refuse(1, s.error().detail);
      });
      auto sha = hasher.finish_hex();
      changed(m->name, sha);
      bool existed = false;
      if (auto s = (*w)->commit(ev->first, ev->second, existed); !s) refuse(1, s.error().detail);
      blobs->release(ev->first, ev->second);  // the restored database holds its record
      ++evidence_files;
      evidence_bytes += m->size;
    } else {
      // The database, or an audit log's verifier key: a new file, made durable before it is renamed.
      fs::path target = m->name == kDatabase ? dir / kDatabase : dir / m->name;
      fs::create_directories(target.parent_path(), ec);
      auto temp = target.string() + ".restoring";
      int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0) refuse(1, sys_error("cannot create " + temp, errno));
      in.body(m->size, [&](std::string_view piece) {
        hasher.update(piece);
        write_all(fd, piece, temp);
      });
      bool synced = ::fsync(fd) == 0;
      ::close(fd);
      if (!synced) refuse(1, sys_error("cannot write " + temp, errno));
      changed(m->name, hasher.finish_hex());
      if (::rename(temp.c_str(), target.c_str()) != 0) refuse(1, sys_error("cannot rename " + temp, errno));
      fsync_dir(target.parent_path());
      if (key_member(m->name)) ++keys;
    }
  }
  if (key)
    if (auto s = save_signing_key((dir / "audit-signing.key").string(), *key); !s) refuse(1, s.error().detail);

  // 3. The database opens (and is migrated if the backup is older than this aims).
  // 4. Each organization's audit log against the public keys the backup kept: the leaves from the
  // entries' bytes, every stored checkpoint's signature and root.
  std::size_t orgs = 0;
  std::vector<std::string> log_lines, log_problems;
  {
    auto st = store::open_store((dir / kDatabase).string());
    if (!st) refuse(1, "the restored database does not open: " + st.error().detail);
    note::PublicKey installation{};
    std::string raw;
    bool have_installation = note::base64_decode(public_key, raw) && raw.size() == installation.size();
    if (have_installation) std::memcpy(installation.data(), raw.data(), raw.size());
    auto r = (*st)->read([&](store::ReadTx& tx) -> status {
      auto list = tx.list_orgs();
      orgs = list.size();
      for (const auto& org : list) {
        std::ifstream f(dir / "audit-keys" / (org.id + ".verifier-key"));
        std::string line;
        std::getline(f, line);
        auto v = note::parse_verifier_key(line);
        if (!v) {
          log_problems.push_back("the audit log of " + org.id + " cannot be checked: the backup holds no valid verifier key for it");
          continue;
        }
        std::vector<note::Verifier> keys{*v};
        if (have_installation) keys.push_back({v->name, note::key_id(v->name, installation), installation});
        auto c = ledger::check_stored_log(tx, org.id, keys);
        if (!c.ok) log_problems.push_back("the audit log of " + org.id + " does not verify: " + c.problem);
        else
          log_lines.push_back("The audit log of " + org.id + " verifies with the key in the backup: " +
                              std::to_string(c.entries) + " entries, " + std::to_string(c.checkpoints) +
                              " signed checkpoint(s).");
      }
      return ok();
    });
    if (!r) refuse(1, "the restored database cannot be read: " + r.error().detail);
  }
  fsync_dir(dir);
  cleanup.done = true;

  std::cout << "Restored " << o.file << " (made " << manifest_text(archive.manifest, {"created_at"}) << ") into " << o.data
            << ": the database at schema version " << version << " (" << orgs << " organization(s), "
            << manifest_number(archive.manifest, {"counts", "records"}) << " records, "
            << manifest_number(archive.manifest, {"counts", "audit_entries"}) << " audit log entries), " << evidence_files
            << " evidence file(s) (" << human_bytes(evidence_bytes) << "), every member checked against its SHA-256.\n"
            << "The public keys of the " << keys << " audit log(s) are in " << (dir / "audit-keys").string()
            << "/ (aims audit verify --key FILE).\n";
  for (const auto& l : log_lines) std::cout << l << "\n";
  if (key) {
    std::cout << "The signing key " << o.signing_key << " matches the backup and was put in "
              << (dir / "audit-signing.key").string() << ": the server signs new checkpoints with the same key.\n";
  } else {
    std::cout << "The backup holds no private signing key. Before you start the server, put the installation's key "
                 "file (kept apart from the backups) at "
              << (dir / "audit-signing.key").string()
              << " with mode 0600, or restore again with --signing-key FILE. A server started without it makes a new "
                 "key: checkpoints signed before then verify only with the old public keys ("
              << (dir / "audit-keys").string()
              << "/), new ones only with the new key, so an export of the whole log no longer verifies with one key "
                 "(docs/operations.md).\n";
  }
  if (!log_problems.empty()) {
    for (const auto& p : log_problems) std::cerr << "aims: " << p << ".\n";
    std::cerr << "aims: the data was restored into " << o.data << " as it was backed up, but its audit log does not "
                 "verify; keep the backup and compare with an earlier one before trusting it.\n";
    return 1;
  }
  return 0;
}

/// A command callback that stores the exit code of `run` in `exit_code`; a Refusal is reported on stderr
/// and its code stored.
std::function<void()> reporting_refusals(int& exit_code, std::function<int()> run) {
  return [&exit_code, run = std::move(run)] {
    try {
      exit_code = run();
    } catch (const Refusal& r) {
      std::cerr << "aims: " << r.what() << "\n";
      exit_code = r.code;
    }
  };
}

}  // namespace

void register_backup_commands(CLI::App& app, int& exit_code) {
  static BackupOpts b;
  auto* backup = app.add_subcommand(
      "backup", "Write one archive of a SQLite installation while its server runs: database, evidence files, the audit "
                "logs' public keys (never the private signing key)");
  backup->add_option("--config", b.config_file, "Configuration file of key = value lines (as for aims serve)");
  backup->add_option("--data", b.data, "Data directory (default ./data, or AIMS_DATA)");
  backup->add_option("--database", b.database, "Database: default <data>/aims.db; PostgreSQL is refused (use pg_dump)");
  backup->add_option("-o,--output", b.output, "The archive to write (a tar file)")->required();
  backup->add_flag("--force", b.force, "Replace the archive if it exists");
  backup->callback(reporting_refusals(exit_code, [] { return run_backup(b); }));

  static RestoreOpts r;
  auto* restore = app.add_subcommand(
      "restore", "Restore a backup archive into an empty data directory, after checking every member against its manifest");
  restore->add_option("--data", r.data, "The data directory to restore into: new or empty")->envname("AIMS_DATA")->capture_default_str();
  restore->add_option("file", r.file, "The backup archive (aims backup -o FILE)")->required();
  restore->add_option("--signing-key", r.signing_key,
                      "The installation's signing key file, kept apart from the backups: checked against the backup's "
                      "public key and put in <data>/audit-signing.key");
  restore->callback(reporting_refusals(exit_code, [] { return run_restore(r); }));
}

}  // namespace aims::cli
