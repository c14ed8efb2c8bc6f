// A pool of libpq connections to one database, shared by the PostgreSQL stores (the record store,
// PgStore; the evidence blobs, PgBlobStore): at most `max` connections exist at once; a caller
// beyond that waits up to `wait` for one to be given back. A connection given back broken is closed
// and its place freed. Owned by its store; thread-safe.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aims::store::postgres {

class PgConnection;

class PgPool {
 public:
  /// `prepare` runs on each connection the pool opens (not on `first`, already prepared).
  PgPool(std::string conninfo, std::size_t max, std::chrono::milliseconds wait, std::string exhausted,
         std::unique_ptr<PgConnection> first, std::function<void(PgConnection&)> prepare = {});
  ~PgPool();
  PgPool(const PgPool&) = delete;
  PgPool& operator=(const PgPool&) = delete;

  /// An idle connection, or a new one while under `max`. Throws sql::SqlError (connection) when
  /// none frees up in time (saying `exhausted`) or a new one cannot be opened.
  std::unique_ptr<PgConnection> take();
  void give_back(std::unique_ptr<PgConnection> c);

 private:
  const std::string conninfo_;
  const std::size_t max_;
  const std::chrono::milliseconds wait_;
  const std::string exhausted_;
  const std::function<void(PgConnection&)> prepare_;
  std::mutex mu_;  // guards idle_ and open_
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  std::size_t open_ = 0;  // connections in existence (idle or lent)
};

}  // namespace aims::store::postgres
