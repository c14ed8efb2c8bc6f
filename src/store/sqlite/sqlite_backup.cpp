#include "store/database_copy.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "store/sqlite/migrations.hpp"

namespace aims::store {
namespace {

Error copy_failure(const std::string& detail) { return make_error(errc::unavailable, detail); }

struct BackupDb {
  sqlite3* db = nullptr;
  ~BackupDb() { sqlite3_close(db); }
  std::string message() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

status open_backup_db(BackupDb& d, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &d.db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return copy_failure("cannot open SQLite database '" + path + "': " + d.message());
  sqlite3_busy_timeout(d.db, 5000);
  return ok();
}

status exec_backup(BackupDb& d, const char* sql, const std::string& what) {
  char* err = nullptr;
  if (sqlite3_exec(d.db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : d.message();
    sqlite3_free(err);
    return copy_failure(what + ": " + msg);
  }
  return ok();
}

/// The rows of a query whose columns are text or integers, as text.
result<std::vector<std::vector<std::string>>> backup_rows(BackupDb& d, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(d.db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return copy_failure("cannot read the database: " + d.message());
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(st, sqlite3_finalize);
  std::vector<std::vector<std::string>> out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
      row.emplace_back(p ? p : "");
    }
    out.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return copy_failure("cannot read the database: " + d.message());
  return out;
}

}  // namespace

status copy_sqlite_database(const std::string& source, const std::string& dest) {
  std::error_code ec;
  if (std::filesystem::exists(dest, ec)) return copy_failure("the copy's file " + dest + " exists already");
  BackupDb src, dst;
  // Read-write without create: a WAL reader may need to set up the shared-memory index.
  if (!std::filesystem::exists(source, ec)) return copy_failure("there is no database at " + source);
  if (auto s = open_backup_db(src, source, SQLITE_OPEN_READWRITE); !s) return s;
  if (auto s = exec_backup(src, "PRAGMA query_only=ON", "cannot open the database"); !s) return s;
  if (auto s = open_backup_db(dst, dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !s) return s;
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) return copy_failure("cannot start the backup of '" + source + "': " + dst.message());
  // All pages in one step: one read transaction of the source, so the copy is one moment's state.
  // A busy source (a checkpoint holding a lock) is waited for and tried again.
  int rc;
  for (int attempt = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; ++attempt) {
    if (attempt >= 50) break;
    sqlite3_sleep(100);
  }
  int done = sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE || done != SQLITE_OK)
    return copy_failure("the backup of '" + source + "' failed: " + std::string(sqlite3_errstr(rc == SQLITE_DONE ? done : rc)));
  // The copy is a file of its own: no write-ahead log beside it.
  if (auto s = exec_backup(dst, "PRAGMA journal_mode=DELETE", "cannot finish the copy"); !s) return s;
  auto check = backup_rows(dst, "PRAGMA integrity_check");
  if (!check) return check.error();
  if (check->empty() || check->front().empty() || check->front().front() != "ok")
    return copy_failure("the copy of '" + source + "' fails SQLite's integrity check: " +
                       (check->empty() || check->front().empty() ? std::string("no answer") : check->front().front()));
  return ok();
}

result<DatabaseFacts> sqlite_database_facts(const std::string& path) {
  BackupDb d;
  if (auto s = open_backup_db(d, path, SQLITE_OPEN_READONLY); !s) return s.error();
  DatabaseFacts f;
  auto v = backup_rows(d, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!v) return v.error();
  if (v->empty() || v->front().empty()) return copy_failure("the database " + path + " has no schema version");
  f.schema_version = std::stoll(v->front().front());
  auto tables = backup_rows(d, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  if (!tables) return tables.error();
  for (const auto& t : *tables) {
    std::string quoted = "\"" + t.front() + "\"";  // names from sqlite_master: no quote in them
    if (t.front().find('"') != std::string::npos) continue;
    auto n = backup_rows(d, "SELECT COUNT(*) FROM " + quoted);
    if (!n) return n.error();
    f.tables[t.front()] = std::stoll(n->front().front());
  }
  return f;
}

std::int64_t known_sqlite_schema_version() { return static_cast<std::int64_t>(sqlite::migrations().size()); }

}  // namespace aims::store
