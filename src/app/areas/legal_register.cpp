// The legal register area: the EU AI Act obligations served beside the legal requirements (which
// are generic records), read through the EU AI Act area's obligation service.
#include "app/areas/areas.hpp"
#include "http/handlers_legal.hpp"

namespace aims::app {

void add_legal_register(AreaContext& a) {
  auto& legal = a.services.make<context::LegalRegisterService>(a.services.get<euact::ObligationService>());
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::LegalRegisterServices{legal}), legal_eu_ai_act_obligations));
}

}  // namespace aims::app
