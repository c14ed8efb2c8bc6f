// The RACI area: the matrix service and its operations (the activities are generic records).
#include "app/areas/areas.hpp"
#include "http/handlers_raci.hpp"

namespace aims::app {

void add_raci(AreaContext& a) {
  auto& matrices = a.services.make<raci::RaciMatrixService>(a.infra.store);
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::RaciServices{matrices}), raci_index, raci_matrix));
}

}  // namespace aims::app
