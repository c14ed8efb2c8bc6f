// The field-driven record kinds (docs/records.md): one service for every kind of the registry and
// their routes. A new field-driven kind needs no edit here.
#include "app/areas/areas.hpp"
#include "http/routes_records.hpp"

namespace aims::app {

void add_records(AreaContext& a) {
  auto& record_service = a.services.make<records::RecordService>(a.infra.store, a.infra.clock);
  http::register_record_routes(a.router, {record_service});
}

}  // namespace aims::app
