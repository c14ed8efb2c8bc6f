// aims evidence migrate: files of <data>/evidence → PostgreSQL's evidence tables (store::open_database_blob_store).
// Each file is streamed into a new blob while its SHA-256 is computed; the blob is committed only
// if that hash is the one the file's name says, and is then read back from the database and hashed
// again. The first mismatch stops the run (exit 2) with the file named, and no file is removed.
// Files already in the database are counted, not sent again. With --remove-files the files go only
// once every file of the run verified.
#include "cli/evidence_migrate.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "cli/api_session.hpp"
#include "cli/data_dir.hpp"
#include "cli/download.hpp"
#include "core/sha256_hasher.hpp"
#include "domain/evidence/blob_store.hpp"
#include "store/database_copy.hpp"
#include "store/store.hpp"

namespace aims::cli {
namespace {
namespace fs = std::filesystem;

constexpr int kExitMismatch = 2;
constexpr std::size_t kMigrateBuffer = 1 << 20;

struct MigrateOpts {
  DataOpts data;
  bool remove_files = false;
};

/// One file of the evidence directory: <root>/<org>/sha256/<2 hex>/<2 hex>/<64 hex>.
struct EvidenceFile {
  fs::path path;
  std::string org_id;
  std::string sha256;
  std::uint64_t size = 0;
};

bool is_hex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// The evidence files under `root`, in a fixed order; other files are named on stderr and skipped.
std::vector<EvidenceFile> list_evidence_files(const fs::path& root, int& skipped) {
  std::vector<EvidenceFile> files;
  for (const auto& org : fs::directory_iterator(root)) {
    if (!org.is_directory() || org.path().filename() == "tmp") continue;
    for (const auto& e : fs::recursive_directory_iterator(org.path())) {
      if (!e.is_regular_file()) continue;
      const fs::path rel = fs::relative(e.path(), org.path());
      std::vector<std::string> parts;
      for (const auto& p : rel) parts.push_back(p.string());
      const std::string name = e.path().filename().string();
      if (parts.size() != 4 || parts[0] != "sha256" || !is_hex64(name) || parts[1] != name.substr(0, 2) ||
          parts[2] != name.substr(2, 2)) {
        std::cerr << "aims: skipped " << e.path().string() << ": not where an evidence file is kept\n";
        ++skipped;
        continue;
      }
      files.push_back({e.path(), org.path().filename().string(), name, static_cast<std::uint64_t>(e.file_size())});
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

/// The SHA-256 of the blob as the database gives it back.
result<std::string> stored_hash(evidence::BlobStore& blobs, const EvidenceFile& f) {
  auto r = blobs.open(f.org_id, f.sha256);
  if (!r) return r.error();
  crypto::Sha256Hasher h;
  std::string buf(kMigrateBuffer, '\0');
  std::uint64_t total = 0;
  for (;;) {
    auto n = (*r)->read(buf.data(), buf.size());
    if (!n) return n.error();
    if (*n == 0) break;
    total += *n;
    h.update(std::string_view(buf.data(), *n));
  }
  if (total != f.size) return make_error(errc::internal, "the stored blob has " + std::to_string(total) + " bytes, the file " + std::to_string(f.size));
  return h.finish_hex();
}

/// Streams the file into a new blob, committing it only if its hash is the one its name says.
/// Sets `hash` to the file's content hash.
status send_file(evidence::BlobStore& blobs, const EvidenceFile& f, std::string& hash) {
  std::ifstream in(f.path, std::ios::binary);
  if (!in) return make_error(errc::unavailable, "cannot open " + f.path.string());
  auto w = blobs.create();
  if (!w) return w.error();
  crypto::Sha256Hasher h;
  std::string buf(kMigrateBuffer, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    h.update(std::string_view(buf.data(), got));
    if (auto st = (*w)->write(std::string_view(buf.data(), got)); !st) return st;
  }
  if (in.bad()) return make_error(errc::unavailable, "cannot read " + f.path.string());
  hash = h.finish_hex();
  if (hash != f.sha256) return ok();  // not committed: the writer's staging goes with it
  bool existed = false;
  auto st = (*w)->commit(f.org_id, f.sha256, existed);
  if (st) blobs.release(f.org_id, f.sha256);  // its evidence record exists already
  return st;
}

int run_migrate(const MigrateOpts& o) {
  const std::string& db = o.data.database;
  if (db.empty() || !store::is_postgres_location(db))
    return usage_error(
        "aims evidence migrate moves evidence files into a PostgreSQL database: pass --database postgresql://... "
        "(with SQLite, evidence files stay in <data>/evidence)");
  const fs::path root = fs::path(o.data.data) / "evidence";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    std::cout << "Nothing to move: there is no evidence directory at " << root.string() << ".\n";
    return 0;
  }
  // Brings the schema to this build's version (the evidence tables are v16) before using them.
  auto st = store::open_store(db);
  if (!st) return report(st.error());
  auto opened = store::open_database_blob_store(db);
  if (!opened) return report(opened.error());
  evidence::BlobStore& blobs = **opened;

  int skipped = 0;
  std::vector<EvidenceFile> files;
  try {
    files = list_evidence_files(root, skipped);
  } catch (const fs::filesystem_error& e) {
    std::cerr << "aims: cannot list " << root.string() << ": " << e.what() << "\n";
    return 1;
  }
  std::size_t moved = 0, already = 0;
  std::uint64_t moved_bytes = 0;
  std::vector<fs::path> verified;  // files whose blob in the database has their hash
  const std::string stop = "; stopped: no file was removed";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const EvidenceFile& f = files[i];
    std::cout << "[" << i + 1 << "/" << files.size() << "] " << f.org_id << "/" << f.sha256.substr(0, 12) << "… ("
              << size_text(f.size) << "): " << std::flush;
    bool there = blobs.exists(f.org_id, f.sha256);
    if (!there) {
      std::string hash;
      if (auto s = send_file(blobs, f, hash); !s) {
        std::cout << "failed\n";
        std::cerr << "aims: " << f.path.string() << ": " << s.error().detail << stop << ".\n";
        return 1;
      }
      if (hash != f.sha256) {
        std::cout << "refused\n";
        std::cerr << "aims: " << f.path.string() << " is damaged: its content's SHA-256 is " << hash
                  << ", not the " << f.sha256 << " its name records" << stop << ".\n";
        return kExitMismatch;
      }
    }
    if (!there || o.remove_files) {
      auto back = stored_hash(blobs, f);
      if (!back || *back != f.sha256) {
        std::cout << "refused\n";
        std::cerr << "aims: " << f.path.string() << ": the blob in the database does not match the file ("
                  << (back ? "SHA-256 " + *back : back.error().detail) << ")" << stop << ".\n";
        return back ? kExitMismatch : 1;
      }
      verified.push_back(f.path);
    }
    if (there) {
      ++already;
      std::cout << "already in the database\n";
    } else {
      ++moved;
      moved_bytes += f.size;
      std::cout << "moved, SHA-256 checked\n";
    }
  }
  if (moved == 0)
    std::cout << "Nothing to move: " << (files.empty() ? "no evidence files in " + root.string()
                                                        : "all " + std::to_string(files.size()) + " evidence file(s) of " +
                                                              root.string() + " are in the database already")
              << ".\n";
  else
    std::cout << "Moved " << moved << " evidence file(s) (" << size_text(moved_bytes) << ") into the database, each checked "
              << "against its SHA-256 before and after; " << already << " were there already.\n";
  if (skipped > 0) std::cout << skipped << " file(s) skipped: not evidence files (named above).\n";
  if (!o.remove_files) {
    if (!files.empty())
      std::cout << "The files stay in " << root.string() << "; run again with --remove-files to remove them.\n";
    return 0;
  }
  std::size_t removed = 0;
  for (const auto& p : verified) {
    if (fs::remove(p, ec)) ++removed;
    else if (ec) std::cerr << "aims: cannot remove " << p.string() << ": " << ec.message() << "\n";
  }
  std::cout << "Removed " << removed << " file(s) from " << root.string() << ", each after its blob in the database verified.\n";
  return removed == verified.size() ? 0 : 1;
}

}  // namespace

void register_evidence_migrate(CLI::App* parent, int& exit_code) {
  auto o = std::make_shared<MigrateOpts>();
  auto* cmd = parent->add_subcommand(
      "migrate", "Move the evidence files of a data directory into the PostgreSQL database (on the server; hashes checked)");
  add_data_option(cmd, o->data);
  cmd->add_flag("--remove-files", o->remove_files,
                "Remove each file from <data>/evidence once every file's blob in the database verified");
  cmd->callback([o, &exit_code] { exit_code = run_migrate(*o); });
}

}  // namespace aims::cli
