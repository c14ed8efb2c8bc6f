#include "domain/accounts/hash_pool.hpp"

namespace aims::accounts {

HashPool::HashPool(int threads, int queue) : threads_(threads < 1 ? 1 : threads), queue_(queue < 0 ? 0 : queue) {
  for (int i = 0; i < threads_; ++i) workers_.emplace_back([this] { run(); });
}

HashPool::~HashPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) t.join();
}

std::optional<std::future<bool>> HashPool::try_submit(std::function<bool()> job) {
  std::packaged_task<bool()> task(std::move(job));
  auto f = task.get_future();
  {
    std::lock_guard lock(mu_);
    if (stopping_ || busy_ + static_cast<int>(waiting_.size()) >= threads_ + queue_) return std::nullopt;
    waiting_.push_back(std::move(task));
  }
  cv_.notify_one();
  return f;
}

void HashPool::run() {
  for (;;) {
    std::packaged_task<bool()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (waiting_.empty()) return;  // stopping, nothing left
      task = std::move(waiting_.front());
      waiting_.pop_front();
      ++busy_;
    }
    task();
    std::lock_guard lock(mu_);
    --busy_;
  }
}

}  // namespace aims::accounts
