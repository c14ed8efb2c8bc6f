// What a store location names (docs/storage.md, "Locations"). Pure; thread-safe.
#pragma once
#include <string_view>

namespace aims::store {

/// A PostgreSQL URL, or a libpq key/value string (which starts with one of its key words).
bool is_postgres_location(std::string_view location);

}  // namespace aims::store
