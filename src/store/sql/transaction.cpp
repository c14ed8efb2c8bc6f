// Transaction runner: begin, callback, commit or rollback, retry with backoff.
#include "store/sql/transaction.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <random>
#include <thread>

#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

/// Rolls back unless released: keeps the connection clean when the callback throws.
class RollbackGuard {
 public:
  explicit RollbackGuard(Connection& c) : c_(c) {}
  ~RollbackGuard() {
    if (active_) c_.rollback();
  }
  RollbackGuard(const RollbackGuard&) = delete;
  RollbackGuard& operator=(const RollbackGuard&) = delete;
  void release() { active_ = false; }

 private:
  Connection& c_;
  bool active_ = true;
};

// The figures tx_figures() reads: process-wide, since every store's transactions run here.
struct Counters {
  std::atomic<std::uint64_t> reads{0}, writes{0}, retries{0}, gave_up{0}, group_commits{0};
  std::atomic<std::uint64_t> read_ns{0}, write_ns{0};
};
Counters& counters() {
  static Counters c;
  return c;
}

/// Adds the time since `start` to `ns` and counts one transaction in `n` when it goes.
class Timed {
 public:
  Timed(std::atomic<std::uint64_t>& n, std::atomic<std::uint64_t>& ns)
      : n_(n), ns_(ns), start_(std::chrono::steady_clock::now()) {}
  ~Timed() {
    auto d = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_);
    ns_.fetch_add(static_cast<std::uint64_t>(d.count()), std::memory_order_relaxed);
    n_.fetch_add(1, std::memory_order_relaxed);
  }
  Timed(const Timed&) = delete;
  Timed& operator=(const Timed&) = delete;

 private:
  std::atomic<std::uint64_t>& n_;
  std::atomic<std::uint64_t>& ns_;
  std::chrono::steady_clock::time_point start_;
};

void back_off(const RetryPolicy& p, int attempt) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  auto ms = p.first_backoff.count() << std::min(attempt - 1, 16);
  ms = std::max<std::int64_t>(1, std::min<std::int64_t>(ms, p.max_backoff.count()));
  std::uniform_int_distribution<std::int64_t> jitter(ms / 2, ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng)));
}

/// Opens a write transaction, backing off and trying again (each retry counted, `attempt`
/// advanced) while the database is busy and attempts are left. The error that ends the write,
/// or nothing once the transaction is open.
std::optional<SqlError> begin_write(Connection& c, const RetryPolicy& policy, int& attempt) {
  for (;; ++attempt) {
    try {
      c.begin(TxMode::write);
      return std::nullopt;
    } catch (const SqlError& e) {
      if (!e.retryable() || attempt >= policy.max_attempts || !c.usable()) return e;
      counters().retries.fetch_add(1, std::memory_order_relaxed);
      back_off(policy, attempt);
    }
  }
}

/// Whatever way a write ends, the organizations its retries waited for are let go.
struct OrgsReleased {
  Connection& c;
  ~OrgsReleased() { c.release_orgs(); }
};

}  // namespace

}  // namespace aims::store::sql

namespace aims::store {

TxFigures tx_figures() {
  auto& c = sql::counters();
  auto load = [](const std::atomic<std::uint64_t>& a) { return a.load(std::memory_order_relaxed); };
  return TxFigures{load(c.reads),
                   load(c.writes),
                   load(c.retries),
                   load(c.gave_up),
                   static_cast<double>(load(c.read_ns)) / 1e9,
                   static_cast<double>(load(c.write_ns)) / 1e9,
                   load(c.group_commits)};
}

}  // namespace aims::store

namespace aims::store::sql {

Error to_error(const SqlError& e) {
  switch (e.kind()) {
    case ErrorKind::busy:
    case ErrorKind::serialization:
      return make_error(errc::unavailable, "the database is busy; try again");
    case ErrorKind::unique_violation:
      return make_error(errc::conflict, "a record with the same key already exists");
    case ErrorKind::foreign_key:
      return make_error(errc::not_found, "a referenced record does not exist");
    case ErrorKind::connection:
      return make_error(errc::unavailable, std::string("database unavailable: ") + e.what());
    case ErrorKind::other:
      break;
  }
  return make_error(errc::internal, std::string("database error: ") + e.what());
}

status run_read(Connection& c, const std::function<status(ReadTx&)>& fn) {
  Timed timed(counters().reads, counters().read_ns);
  try {
    c.begin(TxMode::read);
  } catch (const SqlError& e) {
    return to_error(e);
  }
  RollbackGuard guard(c);
  try {
    SqlTx tx(c);
    status s = fn(tx);
    if (!s) return s;  // guard rolls back
    c.commit();
    guard.release();
    return ok();
  } catch (const SqlError& e) {
    return to_error(e);  // guard rolls back if still active
  }
}

status run_write(Connection& c, const std::function<status(WriteTx&)>& fn, const RetryPolicy& policy) {
  OrgsReleased released{c};
  // Between attempts: wait for the organizations the failed attempt claimed (a queue, not a
  // race), or back off when it waited for nothing.
  auto again = [&](int attempt) {
    counters().retries.fetch_add(1, std::memory_order_relaxed);
    if (!c.wait_for_orgs()) back_off(policy, attempt);
  };
  // A write that fails retryably after its last attempt is answered busy: counted.
  auto final_error = [&](const SqlError& e) {
    if (e.retryable()) counters().gave_up.fetch_add(1, std::memory_order_relaxed);
    return to_error(e);
  };
  Timed timed(counters().writes, counters().write_ns);
  for (int attempt = 1;; ++attempt) {
    if (auto e = begin_write(c, policy, attempt)) return final_error(*e);
    bool last = attempt >= policy.max_attempts;
    try {
      RollbackGuard guard(c);  // rolls back before the handler below runs
      SqlTx tx(c);
      status s = fn(tx);
      if (!s) return s;  // guard rolls back: nothing of fn stays
      c.commit();
      guard.release();
      return ok();
    } catch (const SqlError& e) {
      if (e.retryable() && !last && c.usable()) {
        try {
          again(attempt);
        } catch (const SqlError& w) {
          return to_error(w);
        }
        continue;
      }
      return final_error(e);
    }
  }
}

namespace {

/// Why a group's transaction ended before its commit: a retryable database failure (the whole
/// group runs again) or a write whose failure left no savepoint to return to (that write ends
/// with its error, the others run again without it).
struct GroupRestart {
  bool retryable = false;
};

/// Runs one write of a group inside a savepoint. Throws GroupRestart when the transaction as a
/// whole cannot go on.
void run_in_savepoint(Connection& c, GroupedWrite& w) {
  w.result = ok();
  w.thrown = nullptr;
  c.exec("SAVEPOINT aims_grouped_write");
  bool keep = false;
  try {
    SqlTx tx(c);
    w.result = (*w.fn)(tx);
    keep = static_cast<bool>(w.result);
  } catch (const SqlError& e) {
    if (e.retryable()) throw GroupRestart{true};
    w.result = to_error(e);
  } catch (...) {
    w.thrown = std::current_exception();
  }
  try {
    if (!keep) c.exec("ROLLBACK TO aims_grouped_write");
    c.exec("RELEASE aims_grouped_write");
  } catch (const SqlError& e) {
    // The failure took the transaction with it (SQLite rolls back on some errors by itself):
    // this write has its answer; the others start over.
    if (keep) w.result = to_error(e);
    throw GroupRestart{e.retryable()};
  }
}

}  // namespace

void run_write_group(Connection& c, const std::vector<GroupedWrite*>& group, const RetryPolicy& policy) {
  OrgsReleased released{c};
  auto start = std::chrono::steady_clock::now();
  std::vector<GroupedWrite*> pending = group;  // the writes still to be committed
  auto fail_all = [&](const Error& e) {
    for (auto* w : pending) {
      w->result = e;
      w->thrown = nullptr;
    }
  };
  for (int attempt = 1; !pending.empty();) {
    if (auto e = begin_write(c, policy, attempt)) {
      if (e->retryable()) counters().gave_up.fetch_add(pending.size(), std::memory_order_relaxed);
      fail_all(to_error(*e));
      break;
    }
    bool last = attempt >= policy.max_attempts;
    enum class Next { done, again, retry } next = Next::done;
    {
      RollbackGuard guard(c);  // rolls back when the block is left without a commit
      std::size_t i = 0;
      try {
        for (; i < pending.size(); ++i) run_in_savepoint(c, *pending[i]);
        c.commit();
        guard.release();
      } catch (const GroupRestart& r) {
        if (!r.retryable) {
          // pending[i] has its answer; the others run again (no retry of theirs: no back-off).
          pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
          next = Next::again;
        } else if (last || !c.usable()) {
          counters().gave_up.fetch_add(pending.size(), std::memory_order_relaxed);
          fail_all(make_error(errc::unavailable, "the database is busy; try again"));
        } else {
          next = Next::retry;
        }
      } catch (const SqlError& e) {  // the commit failed
        if (e.retryable() && !last && c.usable()) {
          next = Next::retry;
        } else {
          if (e.retryable()) counters().gave_up.fetch_add(pending.size(), std::memory_order_relaxed);
          fail_all(to_error(e));
        }
      }
    }
    if (next == Next::done) break;
    if (next == Next::again) continue;
    counters().retries.fetch_add(1, std::memory_order_relaxed);
    back_off(policy, attempt++);
  }
  auto d = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start);
  counters().write_ns.fetch_add(static_cast<std::uint64_t>(d.count()), std::memory_order_relaxed);
  counters().writes.fetch_add(group.size(), std::memory_order_relaxed);
  counters().group_commits.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace aims::store::sql
