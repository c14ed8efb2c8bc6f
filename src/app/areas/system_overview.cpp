// One AI system's overview: it reads the list services of the inventory, the EU AI Act, risks,
// impact assessments, objectives, evidence and the field-driven kinds, so it comes after them all.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_system_overview(AreaContext& a) {
  const auto& s = a.services;
  auto h = http::bind_services(inventory::OverviewSources{
      a.infra.store, s.get<inventory::SystemService>(), s.get<euact::ClassificationService>(),
      s.get<euact::ObligationService>(), s.get<risk::RiskService>(), s.get<impact::ImpactService>(),
      s.get<objectives::ObjectiveService>(), s.get<evidence::EvidenceService>(), s.get<records::RecordService>()});
  a.operations.add(AIMS_OPERATIONS(h, system_overview));
}

}  // namespace aims::app
