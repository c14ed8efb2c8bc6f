// Handlers of the internal audit workflow (docs/internal-audit.md): start, checklist, sampling,
// report, sign-off, the report as PDF or JSON, independence warnings and the programme's coverage,
// bound by the internal audit area (src/app/areas/internal_audit.cpp). The struct refers to a
// service the composition root owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/audits/audit_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct InternalAuditServices {
  audits::AuditService& audits;
};

AIMS_HANDLERS(InternalAuditServices, start_internal_audit, list_audit_checklist, update_audit_checklist_row, draw_audit_sample,
              record_audit_sample_results, report_internal_audit, sign_off_internal_audit, get_internal_audit_report,
              get_internal_audit_independence, get_audit_programme_coverage, answer_audit_request)

}  // namespace aims::http
