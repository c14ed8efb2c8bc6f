// The small database-connection abstraction that the portable SQL code (sql_tx, transaction,
// migrator) runs on. Implemented by src/store/sqlite and src/store/postgres; nothing here names
// either library.
//
// Shared SQL uses `?` placeholders; a backend rewrites them if its library wants another form.
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace aims::store::sql {

/// A bound parameter: NULL, an integer, a boolean or text.
using Param = std::variant<std::nullptr_t, std::int64_t, bool, std::string>;
using Params = std::vector<Param>;

/// A result cell: NULL, an integer or text (a backend may hand integers back as text).
using Value = std::variant<std::monostate, std::int64_t, std::string>;

/// One result row. A value; not shared between threads.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}

  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  /// The cell as text ("" for NULL, decimal for an integer).
  std::string text(std::size_t i) const;
  /// Moves the text out of the cell (for large values such as documents).
  std::string take_text(std::size_t i);
  /// The cell as an integer (0 for NULL); text is parsed as decimal.
  std::int64_t int64(std::size_t i) const;
  /// The cell as a boolean: a non-zero integer, or text "t", "true" or "1".
  bool boolean(std::size_t i) const;

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

/// How a failed statement should be treated by the transaction runner.
enum class ErrorKind {
  busy,               // lock not available now (SQLITE_BUSY/LOCKED): retry the transaction
  serialization,      // serialization failure or deadlock (SQLSTATE 40001/40P01): retry
  unique_violation,   // a unique or primary key clash
  foreign_key,        // a referenced row does not exist
  connection,         // the connection is lost or cannot be made
  other,              // anything else: a bug or a damaged database
};

/// A failed database call. Thrown by Connection; caught by the transaction runner and Store
/// implementations, never seen by callers of store.hpp. A value; thread-safe as values are.
class SqlError : public std::runtime_error {
 public:
  SqlError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }
  bool retryable() const { return kind_ == ErrorKind::busy || kind_ == ErrorKind::serialization; }

 private:
  ErrorKind kind_;
};

enum class TxMode { read, write };

/// One open database connection. Owned by its backend's Store (or pool); not thread-safe: used by
/// one thread at a time. Every method throws SqlError on failure.
class Connection {
 public:
  virtual ~Connection() = default;

  /// Runs one statement; returns the number of rows it changed.
  virtual std::int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  /// Runs one statement and returns its rows.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  /// Runs a script of several statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;

  /// Starts a transaction: a consistent snapshot for reads; for writes, the backend's
  /// strongest practical isolation (SQLite BEGIN IMMEDIATE, PostgreSQL SERIALIZABLE).
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  /// Rolls back; never throws (a failure leaves the connection marked broken instead).
  virtual void rollback() noexcept = 0;
  /// False once the connection is known to be unusable; the owner then discards it.
  virtual bool usable() const = 0;

  // Writes of one organization queue, on backends whose write transactions overlap (PostgreSQL):
  // they all append to the organization's audit log and move its list counters, so two of them
  // can never both commit; without a queue the loser fails and may fail again on every retry.
  // The transaction runner and SqlTx call these; SQLite's writers never overlap, so its
  // connection keeps the defaults, which do nothing.
  /// Inside a write transaction, before its first change to org_id's records or log: claims the
  /// organization or, if another write holds it, throws a retryable SqlError. Either way the
  /// write's next attempt waits for it.
  virtual void claim_org(const std::string& org_id) { (void)org_id; }
  /// Between two attempts of a write, outside any transaction: waits until this connection holds
  /// every organization the failed attempt claimed, so the next attempt's snapshot follows their
  /// last write. True if it waited (the wait replaces the back-off); false if it held them already.
  virtual bool wait_for_orgs() { return false; }
  /// After the write's last attempt: lets go of what wait_for_orgs took. Never throws.
  virtual void release_orgs() noexcept {}
  /// What a SELECT that takes rows for this writer alone ends with: " FOR UPDATE SKIP LOCKED" where
  /// write transactions overlap (PostgreSQL), "" where writers never overlap (SQLite).
  virtual std::string_view skip_locked() const { return ""; }
};

/// Runs `body` in one transaction on `c` that `begin()` starts, then commits; rolls back and
/// rethrows if either throws. For one-off work outside the store's retrying runner: migrations
/// (`c.begin(TxMode::write)`) and the PostgreSQL blob store (a plain READ COMMITTED `BEGIN`).
template <class Begin, class Body>
void run_in_transaction(Connection& c, Begin&& begin, Body&& body) {
  begin();
  try {
    body();
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }
}

}  // namespace aims::store::sql
