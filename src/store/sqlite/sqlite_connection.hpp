// One SQLite connection implementing the sql::Connection abstraction, with a prepared-statement
// cache and aims' durability settings (WAL, synchronous=FULL, foreign_keys=ON, busy_timeout).
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace aims::store::sqlite {

/// Owned by a SqliteStore (its writer or its reader pool); not thread-safe: one thread at a time
/// (opened with SQLITE_OPEN_NOMUTEX). Throws sql::SqlError on failure.
class SqliteConnection final : public sql::Connection {
 public:
  /// Opens (creating if needed) the database file at path. A reader connection is query-only.
  static std::unique_ptr<SqliteConnection> open(const std::string& path, bool reader,
                                                std::chrono::milliseconds busy_timeout);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  std::int64_t exec(std::string_view sql, const sql::Params& params = {}) override;
  sql::Rows query(std::string_view sql, const sql::Params& params = {}) override;
  void exec_script(std::string_view sql) override;
  void begin(sql::TxMode mode) override;
  void commit() override;
  void rollback() noexcept override;
  bool usable() const override { return !broken_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* st, const sql::Params& params);
  /// Steps st to completion; collects rows if `rows` is given. Resets st in every case.
  void run(sqlite3_stmt* st, const sql::Params& params, sql::Rows* rows);
  [[noreturn]] void fail(int rc, std::string_view what);

  static constexpr std::size_t kMaxCachedStatements = 256;
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  bool broken_ = false;
};

}  // namespace aims::store::sqlite
