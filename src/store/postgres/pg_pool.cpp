#include "store/postgres/pg_pool.hpp"

#include "store/postgres/pg_connection.hpp"

namespace aims::store::postgres {

PgPool::PgPool(std::string conninfo, std::size_t max, std::chrono::milliseconds wait, std::string exhausted,
               std::unique_ptr<PgConnection> first, std::function<void(PgConnection&)> prepare)
    : conninfo_(std::move(conninfo)), max_(max), wait_(wait), exhausted_(std::move(exhausted)), prepare_(std::move(prepare)) {
  if (first) {
    idle_.push_back(std::move(first));
    open_ = 1;
  }
}

PgPool::~PgPool() = default;

std::unique_ptr<PgConnection> PgPool::take() {
  std::unique_lock lock(mu_);
  if (!freed_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < max_; }))
    throw sql::SqlError(sql::ErrorKind::connection, exhausted_);
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return c;
  }
  ++open_;
  lock.unlock();
  try {
    auto c = PgConnection::open(conninfo_);
    if (prepare_) prepare_(*c);
    return c;
  } catch (...) {
    lock.lock();
    --open_;
    freed_.notify_one();
    throw;
  }
}

void PgPool::give_back(std::unique_ptr<PgConnection> c) {
  std::lock_guard lock(mu_);
  if (c && c->usable())
    idle_.push_back(std::move(c));
  else
    --open_;  // c (if any) is closed when it goes out of scope
  freed_.notify_one();
}

}  // namespace aims::store::postgres
