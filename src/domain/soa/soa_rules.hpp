// The rules that tie the Statement of Applicability to the gap assessment (docs/soa.md): which
// assessment the SoA's answers come from (the latest completed one), when an entry's
// implementation status contradicts the maturity assessed for its control (the rule is the data
// in kConflictRules), which applicable controls lack a justification, and which controls the
// SoA excludes (the roadmap leaves them out). Pure functions over one read transaction or
// documents; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace aims::soa {

/// A status that contradicts a maturity in [min_maturity, max_maturity].
struct ConflictRule {
  std::string_view id;
  std::string_view status;
  int min_maturity;
  int max_maturity;
  std::string_view why;  // completes "<status> while the assessment found maturity <m>: "
};

inline constexpr ConflictRule kConflictRules[] = {
    {"implemented_low_maturity", "implemented", 0, 1, "an implemented control is at least repeatable (maturity 2)"},
    {"not_started_high_maturity", "not_started", 4, 5, "a control measured and managed (maturity 4 or 5) has been started"},
};

/// The latest completed assessment whose scope includes Annex A (by assessment date, then the
/// newest created): {"assessment_id", "name", "assessment_date"} and its answers by control
/// ({"assessment_id", "assessment_name", "assessment_date", "maturity", "not_applicable"}).
struct AnswerSource {
  std::optional<boost::json::object> assessment;
  std::map<std::string, boost::json::object> answers;
};
AnswerSource answer_source(store::ReadTx& tx, const std::string& org_id);

/// The conflict of an entry (applicable, implementation_status, latest_answer and the stored
/// conflict_decision): null, or {"rule", "message", "implementation_status", "maturity",
/// "assessment_id", "kept", "reason", "decided_by", "decided_at"}. A decision keeps the status only
/// for the status and maturity it was taken for.
boost::json::value conflict_of(const boost::json::object& entry);

/// The applicable controls whose justification is empty, in entry order.
std::vector<std::string> missing_justifications(const boost::json::array& entries);

/// The controls the stored SoA excludes, with their justification.
std::map<std::string, std::string> exclusions(store::ReadTx& tx, const std::string& org_id);

}  // namespace aims::soa
