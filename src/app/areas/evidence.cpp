// The evidence area: its service (over the infrastructure's blob store), routes and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"
#include "http/routes_evidence.hpp"

namespace aims::app {

void add_evidence(AreaContext& a) {
  auto& evidence_service = a.services.make<evidence::EvidenceService>(
      a.infra.store, a.infra.catalog, a.infra.blobs, a.infra.clock, a.infra.ids,
      evidence::EvidenceOptions{a.infra.max_upload_bytes, 30});
  http::register_evidence_routes(a.router, {evidence_service});
  dashboard::add_evidence_card(a.dashboard, evidence_service);
}

}  // namespace aims::app
