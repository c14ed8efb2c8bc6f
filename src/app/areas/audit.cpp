// The audit log area: the audit and auditor-package services (the package renders the assessment
// reports, so it uses the assessments' service) and their operations.
#include "app/areas/areas.hpp"

namespace aims::app {

void add_audit(AreaContext& a) {
  auto& audit = a.services.make<ledger::AuditService>(a.infra.store, a.infra.signer, a.infra.clock);
  auto& pack =
      a.services.make<ledger::AuditPackService>(a.infra.store, audit, a.infra.signer, a.infra.blobs, a.infra.clock);
  auto h = http::bind_services(http::AuditServices{audit, pack, a.services.get<assessment::AssessmentService>()});
  a.operations.add(AIMS_OPERATIONS(h, audit_checkpoint, audit_public_key, audit_entries, audit_inclusion_proof,
                                   audit_consistency_proof, audit_export, audit_pack));
}

}  // namespace aims::app
