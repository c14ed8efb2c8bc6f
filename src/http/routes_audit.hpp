// The audit log routes: checkpoint, public key, entries, proofs, export and the auditor package.
// AuditServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/assessment/assessment_service.hpp"
#include "domain/ledger/audit_pack.hpp"
#include "domain/ledger/audit_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct AuditServices {
  ledger::AuditService& audit;
  ledger::AuditPackService& audit_pack;
  assessment::AssessmentService& assessments;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_audit_routes(Router& r, AuditServices s);

}  // namespace aims::http
