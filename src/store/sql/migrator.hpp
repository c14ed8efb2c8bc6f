// Versioned schema migrations, shared by the backends: migration i (0-based) is schema version
// i + 1; applied versions are recorded in the table schema_migrations(version, applied_at).
#pragma once
#include <span>
#include <string_view>

#include "store/sql/connection.hpp"

namespace aims::store::sql {

/// Brings the schema to the newest version. `bootstrap` creates schema_migrations if missing (in
/// the backend's dialect). Each migration runs in its own write transaction together with the
/// insert of its version, so a crash leaves the schema at a whole version. Concurrent starters are
/// safe when a write transaction excludes other writers (SQLite BEGIN IMMEDIATE) or the caller holds
/// a lock (PostgreSQL advisory lock). Throws SqlError; throws SqlError(other) when the database is at
/// a newer version than this build knows.
void migrate(Connection& c, std::string_view bootstrap, std::span<const std::string_view> migrations);

}  // namespace aims::store::sql
