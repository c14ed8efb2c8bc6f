// Copies of a store's database for backups (docs/operations.md), beside the storage interface:
// what a location names, a consistent copy of a live SQLite database through SQLite's online
// backup API (never a file copy: with write-ahead logging the file alone may lack committed
// transactions), and the facts of a copy that a backup's manifest states. Free functions; each
// opens its own connections, so they may run while a server writes the same database.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::store {

/// A PostgreSQL URL, or a libpq key/value string (which starts with one of its key words);
/// anything else is a SQLite file (docs/storage.md, "Locations").
bool is_postgres_location(std::string_view location);

struct DatabaseFacts {
  std::int64_t schema_version = 0;             // the highest version in schema_migrations
  std::map<std::string, std::int64_t> tables;  // every table's row count, by name
};

/// Copies the SQLite database at `source` into a new file `dest` (which must not exist) in one
/// read transaction of the source, so the copy is the state of one moment while writers go on
/// (WAL readers never block them). The copy is a single file (rollback journal, no -wal beside
/// it) and passes SQLite's integrity check. errc::unavailable with a detail naming the problem.
status copy_sqlite_database(const std::string& source, const std::string& dest);

/// The schema version and row counts of the SQLite database file at `path`, opened read-only.
result<DatabaseFacts> sqlite_database_facts(const std::string& path);

/// The schema version this build migrates SQLite databases to.
std::int64_t known_sqlite_schema_version();

}  // namespace aims::store
