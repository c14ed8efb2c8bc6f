// The field-driven record kinds (docs/records.md): one service for every kind of the registry and
// the handlers of their generated operations. A new field-driven kind needs no edit here.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_records(AreaContext& a) {
  auto& record_service = a.services.make<records::RecordService>(a.infra.store, a.infra.clock);
  http::add_record_operations(a.operations, {record_service});
}

}  // namespace aims::app
