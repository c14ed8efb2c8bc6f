// The audit log routes: checkpoint, public key, entries, proofs, export and the auditor package.
// Built once at start-up (see routes_audit.hpp).
#include "http/routes_audit.hpp"

#include "http/handlers.hpp"
#include "http/routes.hpp"

namespace aims::http {

void register_audit_routes(Router& r, AuditServices s) {
  using namespace handlers;
  auto h = bind_services(s);
  r.add("GET", "/api/v1/audit/checkpoint", Access::member, h(audit_checkpoint));
  r.add("GET", "/api/v1/audit/public-key", Access::member, h(audit_public_key));
  r.add("GET", "/api/v1/audit/entries", Access::member, h(audit_entries));
  r.add("GET", "/api/v1/audit/entries/{seq}/proof", Access::member, h(audit_inclusion_proof));
  r.add("GET", "/api/v1/audit/consistency", Access::member, h(audit_consistency_proof));
  r.add("GET", "/api/v1/audit/export", Access::member, h(audit_export));
  r.add_get_without_head("/api/v1/audit/pack", Access::member, h(audit_pack));
}

}  // namespace aims::http
