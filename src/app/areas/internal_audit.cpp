// The internal audit area (ISO/IEC 42001 9.2): the audit workflow service (the audit, finding and
// request kinds are field-driven kinds of the records area) and its operations.
#include "app/areas/areas.hpp"
#include "http/handlers_audits.hpp"

namespace aims::app {

void add_internal_audit(AreaContext& a) {
  auto& service = a.services.make<audits::AuditService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::InternalAuditServices{service});
  a.operations.add(AIMS_OPERATIONS(h, start_internal_audit, list_audit_checklist, update_audit_checklist_row, draw_audit_sample,
                                   record_audit_sample_results, report_internal_audit, sign_off_internal_audit,
                                   get_internal_audit_report, get_internal_audit_independence, get_audit_programme_coverage,
                                   answer_audit_request));
}

}  // namespace aims::app
