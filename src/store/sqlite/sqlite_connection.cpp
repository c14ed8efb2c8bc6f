// SQLite connection: open with settings, cached prepared statements, error classification.
#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

namespace aims::store::sqlite {
namespace {

sql::ErrorKind classify(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return sql::ErrorKind::busy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return sql::ErrorKind::connection;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return sql::ErrorKind::unique_violation;
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return sql::ErrorKind::foreign_key;
      return sql::ErrorKind::other;
    default:
      return sql::ErrorKind::other;
  }
}

/// Resets a cached statement and drops its bindings when a call ends, however it ends.
struct ResetGuard {
  sqlite3_stmt* st;
  ~ResetGuard() {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
};

}  // namespace

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::string& path, bool reader,
                                                         std::chrono::milliseconds busy_timeout) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw sql::SqlError(sql::ErrorKind::connection, "cannot open SQLite database '" + path + "': " + msg);
  }
  std::unique_ptr<SqliteConnection> c(new SqliteConnection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(busy_timeout.count()));
  // WAL lets readers run beside the one writer; FULL syncs the WAL on every commit, so a commit
  // that returned survives power loss. foreign_keys is off by default in SQLite.
  sql::Rows mode = c->query("PRAGMA journal_mode=WAL");
  if (mode.empty() || mode.front().text(0) != "wal")
    throw sql::SqlError(sql::ErrorKind::connection,
                        "SQLite database '" + path + "' cannot use write-ahead logging (journal_mode=" +
                            (mode.empty() ? std::string("?") : mode.front().text(0)) + ")");
  c->exec_script("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  // Pages are read through a memory map of the file (shared by every connection, kept by the OS
  // page cache) instead of a read() call per page missing from the connection's own small cache:
  // a list page at 100,000 records reads index and table pages spread over the whole file.
  c->exec_script("PRAGMA mmap_size=17179869184;");
  if (reader) c->exec_script("PRAGMA query_only=ON;");
  return c;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, st] : cache_) sqlite3_finalize(st);
  sqlite3_close(db_);
}

void SqliteConnection::fail(int rc, std::string_view what) {
  std::string msg(what);
  msg.append(": ").append(sqlite3_errmsg(db_));
  throw sql::SqlError(classify(rc), msg);
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCachedStatements) {
    for (auto& [k, st] : cache_) sqlite3_finalize(st);
    cache_.clear();
  }
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
  if (rc != SQLITE_OK) fail(rc, "prepare");
  cache_.emplace(std::move(key), st);
  return st;
}

void SqliteConnection::bind(sqlite3_stmt* st, const sql::Params& params) {
  if (sqlite3_bind_parameter_count(st) != static_cast<int>(params.size()))
    throw sql::SqlError(sql::ErrorKind::other, "wrong number of parameters for: " + std::string(sqlite3_sql(st)));
  int i = 0;
  for (const sql::Param& p : params) {
    ++i;
    int rc = SQLITE_OK;
    if (const auto* s = std::get_if<std::string>(&p))
      rc = sqlite3_bind_text64(st, i, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    else if (const auto* n = std::get_if<std::int64_t>(&p))
      rc = sqlite3_bind_int64(st, i, *n);
    else if (const auto* b = std::get_if<bool>(&p))
      rc = sqlite3_bind_int(st, i, *b ? 1 : 0);
    else
      rc = sqlite3_bind_null(st, i);
    if (rc != SQLITE_OK) fail(rc, "bind");
  }
}

void SqliteConnection::run(sqlite3_stmt* st, const sql::Params& params, sql::Rows* rows) {
  ResetGuard guard{st};
  bind(st, params);
  for (;;) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) return;
    if (rc != SQLITE_ROW) fail(rc, sqlite3_sql(st));
    if (!rows) continue;
    int n = sqlite3_column_count(st);
    std::vector<sql::Value> cells;
    cells.reserve(static_cast<std::size_t>(n));
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_NULL: cells.emplace_back(std::monostate{}); break;
        case SQLITE_INTEGER: cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(st, c))); break;
        default: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
          cells.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, c))));
        }
      }
    }
    rows->emplace_back(std::move(cells));
  }
}

std::int64_t SqliteConnection::exec(std::string_view sql, const sql::Params& params) {
  run(prepare(sql), params, nullptr);
  return sqlite3_changes64(db_);
}

sql::Rows SqliteConnection::query(std::string_view sql, const sql::Params& params) {
  sql::Rows rows;
  run(prepare(sql), params, &rows);
  return rows;
}

void SqliteConnection::exec_script(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw sql::SqlError(classify(sqlite3_extended_errcode(db_)), "script: " + msg);
  }
}

void SqliteConnection::begin(sql::TxMode mode) {
  // IMMEDIATE takes the write lock now, so a writer waits (busy_timeout) here rather than failing
  // half-way through its callback; a deferred BEGIN gives readers a snapshot at their first read.
  exec(mode == sql::TxMode::write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::commit() { exec("COMMIT"); }

void SqliteConnection::rollback() noexcept {
  if (sqlite3_get_autocommit(db_)) return;  // no transaction open (e.g. SQLite ended it on error)
  if (sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK) broken_ = true;
}

}  // namespace aims::store::sqlite
