// The evidence area: its service (over the infrastructure's blob store), operations and dashboard
// card. The upload streams its body (x-aims-streams-body in api/openapi.yaml).
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_evidence(AreaContext& a) {
  auto& evidence_service = a.services.make<evidence::EvidenceService>(
      a.infra.store, a.infra.catalog, a.infra.blobs, a.infra.clock, a.infra.ids,
      evidence::EvidenceOptions{a.infra.max_upload_bytes, 30});
  auto h = http::bind_services(http::EvidenceServices{evidence_service});
  a.operations.add(AIMS_OPERATIONS(h, upload_evidence, list_evidence, evidence_freshness, get_evidence, update_evidence,
                                   delete_evidence, evidence_content, list_evidence_links, add_evidence_link,
                                   delete_evidence_link, evidence_events));
  dashboard::add_evidence_card(a.dashboard, evidence_service);
}

}  // namespace aims::app
