// The audit log area: the audit and auditor-package services (the package renders the assessment
// reports, so it uses the assessments' service) and their routes.
#include "app/areas/areas.hpp"
#include "http/routes_audit.hpp"

namespace aims::app {

void add_audit(AreaContext& a) {
  auto& audit = a.services.make<ledger::AuditService>(a.infra.store, a.infra.signer, a.infra.clock);
  auto& pack =
      a.services.make<ledger::AuditPackService>(a.infra.store, audit, a.infra.signer, a.infra.blobs, a.infra.clock);
  http::register_audit_routes(a.router, {audit, pack, a.services.get<assessment::AssessmentService>()});
}

}  // namespace aims::app
