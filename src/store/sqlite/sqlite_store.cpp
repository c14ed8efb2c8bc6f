// SQLite store: open and migrate, reader pool, serialized writer with retries.
#include "store/sqlite/sqlite_store.hpp"

#include <exception>
#include <filesystem>
#include <system_error>

#include "store/sql/migrator.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace aims::store::sqlite {
namespace {

constexpr std::chrono::milliseconds kBusyTimeout{5000};
// Each attempt already waits up to kBusyTimeout for the lock, so a few attempts are plenty.
constexpr sql::RetryPolicy kRetry{5, std::chrono::milliseconds(10), std::chrono::milliseconds(200)};

Error unavailable(const std::string& detail) { return make_error(errc::unavailable, detail); }

}  // namespace

/// A reader connection borrowed from the pool for one read; returned when the lease ends.
class SqliteStore::ReaderLease {
 public:
  explicit ReaderLease(SqliteStore& s) : store_(s), c_(s.take_reader()) {}
  ~ReaderLease() {
    if (c_ && c_->usable()) store_.give_back(std::move(c_));
  }
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  SqliteConnection& operator*() { return *c_; }

 private:
  SqliteStore& store_;
  std::unique_ptr<SqliteConnection> c_;
};

result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  if (path.empty()) return unavailable("no SQLite database path given");
  if (path == ":memory:" || path.starts_with("file:"))
    return unavailable("SQLite location '" + path + "' is not supported; give a file path");
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  bool exists = std::filesystem::exists(dir, ec);
  if (ec)
    return unavailable("cannot open SQLite database '" + path + "': directory '" + dir.string() +
                       "' cannot be accessed: " + ec.message());
  if (!exists)
    return unavailable("cannot open SQLite database '" + path + "': directory '" + dir.string() +
                       "' does not exist");
  if (!std::filesystem::is_directory(dir, ec))
    return unavailable("cannot open SQLite database '" + path + "': '" + dir.string() + "' is not a directory");
  try {
    auto writer = SqliteConnection::open(path, false, kBusyTimeout);
    sql::migrate(*writer, kBootstrap, migrations());
    return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(writer)));
  } catch (const sql::SqlError& e) {
    return unavailable(std::string("cannot open SQLite database '") + path + "': " + e.what());
  }
}

SqliteStore::SqliteStore(std::string path, std::unique_ptr<SqliteConnection> writer)
    : path_(std::move(path)), retry_(kRetry), writer_(std::move(writer)) {}

SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteConnection> SqliteStore::take_reader() {
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_readers_.empty()) {
      auto c = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return c;
    }
  }
  return SqliteConnection::open(path_, true, kBusyTimeout);  // throws SqlError
}

void SqliteStore::give_back(std::unique_ptr<SqliteConnection> c) {
  std::lock_guard lock(pool_mu_);
  if (idle_readers_.size() < kMaxIdleReaders) idle_readers_.push_back(std::move(c));
}

status SqliteStore::read(const std::function<status(ReadTx&)>& fn) {
  try {
    ReaderLease lease(*this);
    return sql::run_read(*lease, fn);
  } catch (const sql::SqlError& e) {  // opening a reader failed
    return sql::to_error(e);
  }
}

struct SqliteStore::QueuedWrite {
  sql::GroupedWrite write;
  bool done = false;
};

status SqliteStore::write(const std::function<status(WriteTx&)>& fn) {
  QueuedWrite me;
  me.write.fn = &fn;
  {
    std::unique_lock lock(queue_mu_);
    queue_.push_back(&me);
    while (!me.done) {
      if (group_running_) {
        queue_cv_.wait(lock);
        continue;
      }
      // No group is running: this thread runs every write queued so far, its own among them.
      group_running_ = true;
      std::vector<QueuedWrite*> group(queue_.begin(), queue_.end());
      queue_.clear();
      lock.unlock();
      run_group(group);
      lock.lock();
      for (auto* w : group) w->done = true;
      group_running_ = false;
      queue_cv_.notify_all();
    }
  }
  if (me.write.thrown) std::rethrow_exception(me.write.thrown);
  return me.write.result;
}

void SqliteStore::run_group(const std::vector<QueuedWrite*>& group) {
  std::lock_guard lock(write_mu_);
  auto fail_all = [&](const Error& e) {
    for (auto* w : group) w->write.result = e;
  };
  try {
    if (!writer_->usable()) writer_ = SqliteConnection::open(path_, false, kBusyTimeout);
  } catch (const sql::SqlError& e) {
    return fail_all(sql::to_error(e));
  }
  if (group.size() == 1) {
    // Alone: no savepoint needed.
    auto& w = group.front()->write;
    try {
      w.result = sql::run_write(*writer_, *w.fn, retry_);
    } catch (...) {
      w.thrown = std::current_exception();  // rethrown to its caller
    }
    return;
  }
  std::vector<sql::GroupedWrite*> writes;
  writes.reserve(group.size());
  for (auto* w : group) writes.push_back(&w->write);
  try {
    sql::run_write_group(*writer_, writes, retry_);
  } catch (const std::exception& e) {  // not from a callback (each keeps its own): nothing is known committed
    fail_all(make_error(errc::internal, std::string("the write could not be completed: ") + e.what()));
  }
}

bool SqliteStore::healthy() {
  try {
    ReaderLease lease(*this);
    return !(*lease).query("SELECT 1").empty();
  } catch (const sql::SqlError&) {
    return false;
  }
}

std::string SqliteStore::pragma(const std::string& name, bool on_reader) {
  std::string sql = "PRAGMA " + name;
  if (on_reader) {
    ReaderLease lease(*this);
    sql::Rows rows = (*lease).query(sql);
    return rows.empty() ? std::string() : rows.front().text(0);
  }
  std::lock_guard lock(write_mu_);
  sql::Rows rows = writer_->query(sql);
  return rows.empty() ? std::string() : rows.front().text(0);
}

}  // namespace aims::store::sqlite
