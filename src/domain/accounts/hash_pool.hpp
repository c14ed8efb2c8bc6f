// A small pool of threads of its own for password hashing (Argon2id, 64 MiB each), so that a
// flood of log-ins bounds its memory to threads × 64 MiB and never occupies the request workers
// beyond `threads + queue` of them. Owned by the composition root; thread-safe.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace aims::accounts {

class HashPool {
 public:
  explicit HashPool(int threads = 2, int queue = 2);
  ~HashPool();
  HashPool(const HashPool&) = delete;
  HashPool& operator=(const HashPool&) = delete;

  /// Runs `job` on the pool; nullopt at once when `threads` jobs run and `queue` wait already.
  std::optional<std::future<bool>> try_submit(std::function<bool()> job);

 private:
  void run();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<bool()>> waiting_;
  int busy_ = 0;
  int threads_;
  int queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace aims::accounts
