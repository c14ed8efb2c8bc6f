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

AIMS_HANDLERS(RaciServices, raci_index, raci_matrix)
AIMS_HANDLERS(CommunicationServices, overdue_communications)
AIMS_HANDLERS(RetentionServices, get_retention, put_retention, list_legal_holds, place_legal_hold, release_legal_hold)

}  // namespace aims::http
