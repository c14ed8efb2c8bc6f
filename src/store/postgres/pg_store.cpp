// PostgreSQL store: open (schema, advisory-locked migrations), connection pool, transactions.
#include "store/postgres/pg_store.hpp"

#include <chrono>

#include "store/postgres/migrations.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/migrator.hpp"

namespace aims::store::postgres {
namespace {

// Arbitrary but fixed: every aims process migrating this database takes the same lock.
constexpr std::int64_t kMigrationLockKey = 0x61696d735f6d6967;  // "aims_mig"
constexpr auto kWaitForConnection = std::chrono::seconds(30);

/// The first schema named in a search_path setting, unquoted; empty for "$user" or none.
std::string first_schema(const std::string& search_path) {
  std::string first = search_path.substr(0, search_path.find(','));
  auto b = first.find_first_not_of(' ');
  auto e = first.find_last_not_of(' ');
  first = b == std::string::npos ? std::string() : first.substr(b, e - b + 1);
  if (first.size() >= 2 && first.front() == '"' && first.back() == '"') {
    std::string unquoted;
    for (std::size_t i = 1; i + 1 < first.size(); ++i) {
      unquoted += first[i];
      if (first[i] == '"') ++i;  // "" inside quotes is one "
    }
    first = unquoted;
  }
  return first == "$user" ? std::string() : first;
}

/// Creates the schema the connection's search_path asks for when it does not exist yet, so
/// that a location like `...?options=-csearch_path%3Daims` works on an empty database.
void ensure_schema(PgConnection& c) {
  sql::Rows rows = c.query("SELECT current_schema() IS NULL, current_setting('search_path')");
  if (rows.empty() || !rows.front().boolean(0)) return;
  std::string name = first_schema(rows.front().text(1));
  if (name.empty())
    throw sql::SqlError(sql::ErrorKind::other,
                        "no schema to create tables in (search_path is '" + rows.front().text(1) + "')");
  c.exec_script("CREATE SCHEMA IF NOT EXISTS " + c.quote_identifier(name));
}

}  // namespace

/// A pooled connection borrowed for one transaction; returned (or closed if broken) at the end.
class PgStore::Lease {
 public:
  explicit Lease(PgStore& s) : store_(s), c_(s.take()) {}
  ~Lease() { store_.give_back(std::move(c_)); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  PgConnection& operator*() { return *c_; }

 private:
  PgStore& store_;
  std::unique_ptr<PgConnection> c_;
};

result<std::unique_ptr<PgStore>> PgStore::open(const std::string& conninfo) {
  std::unique_ptr<PgConnection> c;
  try {
    c = PgConnection::open(conninfo);
  } catch (const sql::SqlError& e) {
    return make_error(errc::unavailable, std::string("cannot connect to PostgreSQL: ") + e.what());
  }
  try {
    c->exec("SELECT pg_advisory_lock(?)", {kMigrationLockKey});
    try {
      ensure_schema(*c);
      sql::migrate(*c, kBootstrap, migrations());
    } catch (...) {
      c->rollback();
      if (c->usable()) c->exec("SELECT pg_advisory_unlock(?)", {kMigrationLockKey});
      throw;
    }
    c->exec("SELECT pg_advisory_unlock(?)", {kMigrationLockKey});
  } catch (const sql::SqlError& e) {
    return make_error(errc::unavailable, std::string("cannot prepare the PostgreSQL schema: ") + e.what());
  }
  return std::unique_ptr<PgStore>(new PgStore(conninfo, std::move(c)));
}

PgStore::PgStore(std::string conninfo, std::unique_ptr<PgConnection> first)
    : retry_(), pool_(std::move(conninfo), kMaxConnections, kWaitForConnection, "no free PostgreSQL connection in the pool",
                      std::move(first)) {}

PgStore::~PgStore() = default;

std::unique_ptr<PgConnection> PgStore::take() { return pool_.take(); }

void PgStore::give_back(std::unique_ptr<PgConnection> c) { pool_.give_back(std::move(c)); }

status PgStore::read(const std::function<status(ReadTx&)>& fn) {
  try {
    Lease lease(*this);
    return sql::run_read(*lease, fn);
  } catch (const sql::SqlError& e) {  // no connection could be had
    return sql::to_error(e);
  }
}

status PgStore::write(const std::function<status(WriteTx&)>& fn) {
  try {
    Lease lease(*this);
    return sql::run_write(*lease, fn, retry_);
  } catch (const sql::SqlError& e) {
    return sql::to_error(e);
  }
}

bool PgStore::healthy() {
  try {
    Lease lease(*this);
    return !(*lease).query("SELECT 1").empty();
  } catch (const sql::SqlError&) {
    return false;
  }
}

}  // namespace aims::store::postgres
