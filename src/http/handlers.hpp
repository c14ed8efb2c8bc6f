// Request handlers, one function per route: parse, call one service, map the result.
// Stateless; thread-safe.
#pragma once
#include "http/api.hpp"

namespace aims::http::handlers {

Response health(Context& c);
Response login(Context& c);
Response logout(Context& c);
Response me(Context& c);

Response list_frameworks(Context& c);
Response list_maturity_levels(Context& c);
Response list_catalog_items(Context& c);
Response get_catalog_item(Context& c);

Response list_systems(Context& c);
Response create_system(Context& c);
Response get_system(Context& c);
Response update_system(Context& c);
Response archive_system(Context& c);
Response restore_system(Context& c);
Response system_history(Context& c);
Response import_systems(Context& c);
Response export_systems(Context& c);

}  // namespace aims::http::handlers
