// One libpq connection implementing the sql::Connection abstraction, with `?` placeholders
// rewritten to $1..$n and named prepared statements cached per connection.
#pragma once
#include <memory>
#include <set>
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
  std::string_view skip_locked() const override { return " FOR UPDATE SKIP LOCKED"; }
  void begin(sql::TxMode mode) override;
  void commit() override;
  void rollback() noexcept override;
  bool usable() const override;
  /// Writers of one organization queue on an advisory lock: inside a transaction a non-blocking
  /// claim (taken → a retryable failure), between attempts a blocking wait taken before the next
  /// snapshot, so a retried write cannot lose the same race again.
  void claim_org(const std::string& org_id) override;
  bool wait_for_orgs() override;
  void release_orgs() noexcept override;

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
  std::set<std::string> claimed_;   // organizations the current write's attempts changed
  std::set<std::string> in_tx_;     // organizations locked for the current transaction
  std::set<std::string> held_;      // organizations locked for the session, across attempts
};

}  // namespace aims::store::postgres
