// The PostgreSQL backend of store.hpp: a small pool of libpq connections; reads in REPEATABLE
// READ READ ONLY snapshots, writes in SERIALIZABLE transactions retried on 40001/40P01.
#pragma once
#include <memory>
#include <string>

#include "store/postgres/pg_pool.hpp"
#include "store/sql/transaction.hpp"
#include "store/store.hpp"

namespace aims::store::postgres {

class PgConnection;

/// Owned by the composition root (through open_store); thread-safe: each read or write borrows
/// its own pooled connection (at most kMaxConnections at once; callers beyond that wait).
class PgStore final : public Store {
 public:
  /// Connects, creates the schema named first in search_path if it is missing, and migrates
  /// under an advisory lock (so concurrent starters migrate once). errc::unavailable on failure.
  static result<std::unique_ptr<PgStore>> open(const std::string& conninfo);
  ~PgStore() override;

  status read(const std::function<status(ReadTx&)>& fn) override;
  status write(const std::function<status(WriteTx&)>& fn) override;
  std::string backend() const override { return "postgres"; }
  bool healthy() override;

 private:
  class Lease;
  PgStore(std::string conninfo, std::unique_ptr<PgConnection> first);
  std::unique_ptr<PgConnection> take();            // throws sql::SqlError
  void give_back(std::unique_ptr<PgConnection> c);  // a broken connection is closed instead

  static constexpr std::size_t kMaxConnections = 8;
  const sql::RetryPolicy retry_;
  PgPool pool_;
};

}  // namespace aims::store::postgres
