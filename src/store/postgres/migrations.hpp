// The PostgreSQL schema as ordered migrations: entry i brings the schema to version i + 1.
#pragma once
#include <span>
#include <string_view>

namespace aims::store::postgres {

/// Creates schema_migrations if it is missing.
extern const std::string_view kBootstrap;

/// All migrations, oldest first. Append only: never edit one that has shipped.
std::span<const std::string_view> migrations();

}  // namespace aims::store::postgres
