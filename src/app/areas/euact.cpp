// The EU AI Act area: the questionnaire's data, the obligation and classification services (the
// latter uses the inventory's SystemService), operations and the obligations dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_euact(AreaContext& a) {
  const auto& data = a.services.make<euact::Data>(euact::Data::load_embedded());
  const auto& questionnaire = a.services.make<euact::Questionnaire>(data);
  auto& obligations = a.services.make<euact::ObligationService>(a.infra.store, questionnaire, a.infra.clock);
  auto& classifications = a.services.make<euact::ClassificationService>(
      a.infra.store, questionnaire, a.services.get<inventory::SystemService>(), obligations, a.infra.clock);
  auto h = http::bind_services(http::EuActServices{classifications, obligations});
  a.operations.add(AIMS_OPERATIONS(h, get_euact_questionnaire, list_euact_rechecks, get_classification,
                                   put_classification, classification_history, list_obligations, get_obligation,
                                   update_obligation));
  dashboard::add_obligations_card(a.dashboard, obligations);
}

}  // namespace aims::app
