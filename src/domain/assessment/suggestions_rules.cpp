// The rule table behind suggested maturity levels (see suggestions.hpp). Levels follow the maturity
// scale: 1 something exists, 2 it is done and recorded, 3 it is done the same way everywhere with
// records an auditor can sample. Plain data; thread-safe.
#include "domain/assessment/suggestions.hpp"

namespace aims::assessment {

const std::vector<Rule>& suggestion_rules() {
  static const std::vector<Rule> rules = {
      {"context-register", {"4.1"}, 2, {{"context_issue"}},
       "Internal and external issues are recorded in the context register."},
      {"context-register-reviewed", {"4.1"}, 3, {{"context_issue", {}, {}, 3}, {"context_issue", "review_date"}},
       "The context register holds several issues, and issues carry a review date."},
      {"ai-policy", {"5.2", "A.2.2"}, 3, {{"", {}, {}, 1, "an approved AI policy with a review date"}},
       "An approved AI policy with a review date is on record."},
      {"risks-recorded", {"6.1.2", "8.2"}, 2, {{"risk"}},
       "AI risks are recorded in the risk register."},
      {"risks-against-criteria", {"6.1.2", "8.2"}, 3, {{"risk_criteria"}, {"risk", "treatment"}},
       "Risk criteria are set and the register holds risks assessed against them with a treatment chosen."},
      {"treatments-chosen", {"6.1.3", "8.3"}, 2, {{"risk", "treatment"}},
       "Risks in the register have a treatment chosen."},
      {"residual-risk-accepted", {"6.1.3"}, 3, {{"risk_criteria"}, {"risk", "treatment"}, {"risk", "acceptance"}},
       "Treatments are chosen under set risk criteria and remaining risks are formally accepted."},
      {"impact-assessments-started", {"6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"}, 1, {{"impact_assessment"}},
       "Impact assessments have been started, but none is approved yet."},
      {"impact-assessments-approved", {"6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"}, 3,
       {{"impact_assessment", "status", {"approved"}}},
       "Impact assessments of AI systems are carried out, documented and approved."},
      {"objectives-set", {"6.2", "A.6.1.2", "A.9.3"}, 2, {{"objective"}},
       "AI objectives are recorded with owners."},
      {"objectives-measured", {"6.2", "A.6.1.2", "A.9.3"}, 3, {{"objective"}, {"objective_reading"}},
       "AI objectives are recorded and progress is measured with readings."},
      {"measurements-recorded", {"9.1"}, 2, {{"objective_reading"}},
       "Measurements of AI objectives are recorded as readings."},
      {"evidence-linked", {"*"}, 2, {{"evidence_link"}},
       "Evidence is linked to this item."},
      {"soa-planned", {"A.*"}, 1, {{"soa_entry", "implementation_status", {"planned"}}},
       "The Statement of Applicability says the control is planned."},
      {"soa-partial", {"A.*"}, 2, {{"soa_entry", "implementation_status", {"partial"}}},
       "The Statement of Applicability says the control is partly implemented."},
      {"soa-implemented", {"A.*"}, 2, {{"soa_entry", "implementation_status", {"implemented"}}},
       "The Statement of Applicability says the control is implemented, but no evidence is linked to it."},
      {"soa-implemented-evidenced", {"A.*"}, 3,
       {{"soa_entry", "implementation_status", {"implemented"}}, {"evidence_link"}},
       "The Statement of Applicability says the control is implemented and evidence is linked to it."},
  };
  return rules;
}

}  // namespace aims::assessment
