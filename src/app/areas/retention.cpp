// The retention area: the retention periods and legal holds service and its operations.
#include "app/areas/areas.hpp"
#include "http/handlers_raci.hpp"

namespace aims::app {

void add_retention(AreaContext& a) {
  auto& retention = a.services.make<retention::RetentionService>(a.infra.store, a.infra.clock);
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::RetentionServices{retention}), get_retention, put_retention,
                                   list_legal_holds, place_legal_hold, release_legal_hold));
}

}  // namespace aims::app
