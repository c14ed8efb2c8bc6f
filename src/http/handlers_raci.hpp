// The handlers of the RACI, communication and retention areas (their own operations; the records
// themselves are served by the generic record handlers) and the structs of the services they use,
// which the composition root owns and which outlive the router. Stateless; thread-safe.
#pragma once
#include "domain/communication/overdue.hpp"
#include "domain/raci/raci_matrix.hpp"
#include "domain/retention/retention_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct RaciServices {
  raci::RaciMatrixService& matrices;
};
struct CommunicationServices {
  communication::OverdueService& overdue;
};
struct RetentionServices {
  retention::RetentionService& retention;
};

}  // namespace aims::http

namespace aims::http::handlers {

Response raci_index(Context& c, const RaciServices& s);
Response raci_matrix(Context& c, const RaciServices& s);

Response overdue_communications(Context& c, const CommunicationServices& s);

Response get_retention(Context& c, const RetentionServices& s);
Response put_retention(Context& c, const RetentionServices& s);
Response list_legal_holds(Context& c, const RetentionServices& s);
Response place_legal_hold(Context& c, const RetentionServices& s);
Response release_legal_hold(Context& c, const RetentionServices& s);

}  // namespace aims::http::handlers
