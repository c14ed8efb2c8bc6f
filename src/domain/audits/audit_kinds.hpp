// The internal audit kinds (ISO/IEC 42001 9.2; docs/internal-audit.md) as field-driven record
// kinds: the audit (IA-: title, objectives, criteria, scope of clauses, Annex A controls, AI systems
// and units, lead auditor and team with their independence declaration, planned and actual dates,
// status), its findings (AF-) and its requests for information to auditees (RFI-). Their status
// changes go through the audit service; a guard refuses every change of a signed-off audit and of
// its findings and requests (409). Also the spec of the audit's checklist rows (child records of
// the audit, written by the audit service only) and the catalog lookups of clause ids.
// Immutable; thread-safe.
#pragma once
#include <string>
#include <vector>

#include "domain/records/kind_spec.hpp"

namespace aims::audits {

const records::KindSpec& internal_audit_kind();
const records::KindSpec& audit_finding_kind();
const records::KindSpec& audit_request_kind();
/// The checklist rows: child records of an audit (parent id), one per clause and control, whose id
/// is the clause or control id; not listed by the generic routes.
const records::KindSpec& checklist_row_kind();

/// The facet slot of an audit's status (a SQL filter of the list).
inline constexpr store::FacetSlot kAuditStatusSlot = store::FacetSlot::text1;
/// The facet slot of a checklist row's result.
inline constexpr store::FacetSlot kRowResultSlot = store::FacetSlot::text0;

/// The clause ids of an audit's `clauses` text ("4, 6.1, 9.2"), trimmed, in the order given.
std::vector<std::string> clause_list(const std::string& text);
/// The leaf clauses of ISO/IEC 42001 (4.1 … 10.2) that `ids` cover: a main clause covers its
/// subclauses; in catalog order, each once.
std::vector<std::string> leaf_clauses_of(const std::vector<std::string>& ids);
/// Every leaf clause of clauses 4–10 and every Annex A control, in catalog order, with its title.
struct Requirement {
  std::string id;
  std::string kind;  // "clause" or "control"
  std::string title;
};
const std::vector<Requirement>& all_requirements();
/// The requirement `id` (a leaf clause or a control), or nullptr.
const Requirement* requirement_of(const std::string& id);
/// Whether `id` is a clause (main or sub) of ISO/IEC 42001 clauses 4–10.
bool is_clause(const std::string& id);

}  // namespace aims::audits
