// open_store(): picks the backend from the form of the location.
#include <array>
#include <string_view>

#include "store/blobs.hpp"
#include "store/database_copy.hpp"
#include "store/postgres/pg_blob_store.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace aims::store {
namespace {

template <class T>
result<std::unique_ptr<Store>> upcast(result<std::unique_ptr<T>> r) {
  if (!r) return r.error();
  return std::unique_ptr<Store>(std::move(*r));
}

}  // namespace

bool is_postgres_location(std::string_view location) {
  if (location.starts_with("postgres://") || location.starts_with("postgresql://")) return true;
  constexpr std::array<std::string_view, 6> keys{"host=", "hostaddr=", "dbname=", "user=", "port=", "service="};
  for (std::string_view k : keys)
    if (location.starts_with(k)) return true;
  return false;
}

result<std::unique_ptr<Store>> open_store(const std::string& location) {
  if (is_postgres_location(location)) return upcast(postgres::PgStore::open(location));
  return upcast(sqlite::SqliteStore::open(location));
}

result<std::unique_ptr<BlobStore>> open_database_blob_store(const std::string& location) {
  if (!is_postgres_location(location))
    return make_error(errc::unavailable, "this database keeps no evidence: with SQLite, evidence files stay under <data>/evidence");
  auto r = postgres::PgBlobStore::open(location);
  if (!r) return r.error();
  return std::unique_ptr<BlobStore>(std::move(*r));
}

}  // namespace aims::store
