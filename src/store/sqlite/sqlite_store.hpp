// The SQLite backend of store.hpp: one writer connection with group commit, a pool of reader
// connections, WAL so that readers never wait for the writer.
#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/transaction.hpp"
#include "store/store.hpp"

namespace aims::store::sqlite {

class SqliteConnection;

/// Owned by the composition root (through open_store); thread-safe: reads run concurrently on
/// pooled connections. Writes share commits (group commit): a write waits in a queue; whichever
/// waiting thread finds no group running takes every queued write and runs them as one
/// BEGIN IMMEDIATE … COMMIT, each in its own savepoint (sql::run_write_group), so that one sync
/// of the log makes the whole group durable. Each write returns only once its group is
/// committed; a failing write is rolled back alone.
class SqliteStore final : public Store {
 public:
  /// Opens (creating the file if needed) and migrates the database at path.
  /// errc::unavailable with a detail naming the problem, e.g. a missing directory.
  static result<std::unique_ptr<SqliteStore>> open(const std::string& path);
  ~SqliteStore() override;

  status read(const std::function<status(ReadTx&)>& fn) override;
  status write(const std::function<status(WriteTx&)>& fn) override;
  std::string backend() const override { return "sqlite"; }
  bool healthy() override;

  /// The value of `PRAGMA name` as a connection of this store sees it (the writer's, or a
  /// reader's). For tests of the durability settings; name must be a plain pragma name.
  std::string pragma(const std::string& name, bool on_reader = false);

 private:
  class ReaderLease;
  explicit SqliteStore(std::string path, std::unique_ptr<SqliteConnection> writer);
  std::unique_ptr<SqliteConnection> take_reader();
  void give_back(std::unique_ptr<SqliteConnection> c);

  struct QueuedWrite;
  /// Runs a group of queued writes on the writer connection (under write_mu_).
  void run_group(const std::vector<QueuedWrite*>& group);

  static constexpr std::size_t kMaxIdleReaders = 16;
  const std::string path_;
  const sql::RetryPolicy retry_;
  std::mutex write_mu_;  // guards writer_
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex queue_mu_;  // guards queue_, group_running_ and each queued write's `done`
  std::condition_variable queue_cv_;
  std::deque<QueuedWrite*> queue_;
  bool group_running_ = false;
  std::mutex pool_mu_;   // guards idle_readers_
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace aims::store::sqlite
