// The workflow of internal audits (ISO/IEC 42001 9.2; docs/internal-audit.md) on the record
// mechanism: start (planned → in progress, the checklist generated from the catalog and the SoA
// as child rows of the audit), the checklist's rows (paged in SQL; what was examined, evidence and
// records seen, the result), sampling (a reproducible draw with its seed), the report (the
// conclusion: in progress → reported), the two sign-offs (lead auditor, auditee) that freeze the
// audit and store its report as a frozen child record whose audit-log entry holds the report's
// SHA-256, the report as PDF, the independence warnings and the programme's coverage of the
// cycle. Owned by the composition root; thread-safe (state is in the store; specs are immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::audits {

class AuditService {
 public:
  static constexpr const char* kReportKind = "internal_audit_report";  // the frozen report: child "REPORT" of its audit
  static constexpr const char* kReportId = "REPORT";

  AuditService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// POST /internal-audits/{id}/start (If-Match): planned → in_progress, actual_start today when
  /// empty, the checklist generated. The served audit.
  result<records::Versioned> start(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& if_match);
  /// GET /internal-audits/{id}/checklist?result&limit&cursor: {audit_id, skipped, items, total, next?}.
  result<std::string> checklist(const accounts::Actor& a, const std::string& id, const records::Params& p);
  /// PATCH /internal-audits/{id}/checklist/{row} (If-Match of the row): examined, evidence_ids,
  /// record_refs, result, notes. The served row.
  result<records::Versioned> update_row(const accounts::Actor& a, const std::string& id, const std::string& row_id,
                                        const boost::json::value& body, const std::optional<std::string>& if_match);
  /// POST /internal-audits/{id}/samples (If-Match): a sample drawn and added to the audit.
  result<records::Versioned> add_sample(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                        const std::optional<std::string>& if_match);
  /// PUT /internal-audits/{id}/samples/{n}/results (If-Match): the result of each item drawn.
  result<records::Versioned> sample_results(const accounts::Actor& a, const std::string& id, const std::string& n,
                                            const boost::json::value& body, const std::optional<std::string>& if_match);
  /// POST /internal-audits/{id}/report (If-Match) {conclusion}: in_progress → reported.
  result<records::Versioned> report(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                    const std::optional<std::string>& if_match);
  /// POST /internal-audits/{id}/signoffs (If-Match) {as: lead_auditor|auditee, statement?}.
  result<records::Versioned> sign_off(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                      const std::optional<std::string>& if_match);
  /// POST /audit-requests/{id}/answer (If-Match) {answer}: the auditee who owns the request (or a
  /// role that conducts audits) answers an open request: status answered. The served request.
  result<records::Versioned> answer_request(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                            const std::optional<std::string>& if_match);
  /// The content of the audit's report: the frozen one once signed off, else as it stands.
  result<boost::json::object> report_content(const accounts::Actor& a, const std::string& id);
  /// GET /internal-audits/{id}/independence: {audit_id, warnings: [{auditor, record, kind, reason}]}.
  result<std::string> independence(const accounts::Actor& a, const std::string& id);
  /// GET /audit-programme/coverage?cycle_start=YYYY: every leaf clause and applicable control with the
  /// audits of the three-year cycle that cover it.
  result<std::string> coverage(const accounts::Actor& a, const records::Params& p);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::audits
