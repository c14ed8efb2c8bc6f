// One libpq connection implementing the sql::Connection abstraction, with `?` placeholders
// rewritten to $1..$n and named prepared statements cached per connection.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/connection.hpp"

struct pg_conn;
struct pg_result;

namespace aims::store::postgres {

/// Rewrites the `?` placeholders of portable SQL to PostgreSQL's $1..$n, leaving quoted text,
/// quoted identifiers and comments alone.
std::string to_dollar_params(std::string_view sql);

/// Owned by a PgStore's pool; not thread-safe: one thread at a time. Throws sql::SqlError.
class PgConnection final : public sql::Connection {
 public:
  /// Connects with a URL or key/value connection string (connect_timeout defaults to 10 s).
  static std::unique_ptr<PgConnection> open(const std::string& conninfo);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  std::int64_t exec(std::string_view sql, const sql::Params& params = {}) override;
  sql::Rows query(std::string_view sql, const sql::Params& params = {}) override;
  void exec_script(std::string_view sql) override;
  void begin(sql::TxMode mode) override;
  void commit() override;
  void rollback() noexcept override;
  bool usable() const override;

  /// Quotes an identifier (e.g. a schema name) for use in SQL text.
  std::string quote_identifier(std::string_view name);

 private:
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  /// Runs a parameterised statement (prepared and cached) and returns its checked result.
  pg_result* run(std::string_view sql, const sql::Params& params);
  /// Throws unless res succeeded; frees res when throwing.
  void check(pg_result* res, std::string_view what);

  static constexpr std::size_t kMaxCachedStatements = 256;
  pg_conn* conn_;
  std::unordered_map<std::string, std::string> cache_;  // portable SQL -> prepared statement name
  std::size_t next_name_ = 0;
  bool broken_ = false;
};

}  // namespace aims::store::postgres
