// The evidence routes: streamed upload, list, freshness, metadata, content, links and events.
// Built once at start-up (see routes_evidence.hpp).
#include "http/routes_evidence.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_evidence_routes(Router& r, EvidenceServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  // Evidence: the upload streams its body (judged on the header first); literal paths before {id}.
  r.add_upload("POST", "/api/v1/evidence", Access::member, h(upload_evidence));
  r.add("GET", "/api/v1/evidence", Access::member, h(list_evidence));
  r.add("GET", "/api/v1/evidence/freshness", Access::member, h(evidence_freshness));
  r.add("GET", "/api/v1/evidence/{id}", Access::member, h(get_evidence));
  r.add("PATCH", "/api/v1/evidence/{id}", Access::member, h(update_evidence));
  r.add("DELETE", "/api/v1/evidence/{id}", Access::member, h(delete_evidence));
  r.add("GET", "/api/v1/evidence/{id}/content", Access::member, h(evidence_content));
  r.add("GET", "/api/v1/evidence/{id}/links", Access::member, h(list_evidence_links));
  r.add("POST", "/api/v1/evidence/{id}/links", Access::member, h(add_evidence_link));
  r.add("DELETE", "/api/v1/evidence/{id}/links/{link}", Access::member, h(delete_evidence_link));
  r.add("GET", "/api/v1/evidence/{id}/events", Access::member, h(evidence_events));
}

}  // namespace aims::http
