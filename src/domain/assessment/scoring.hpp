// Gap assessment arithmetic: which items an approach covers, maturity per clause / Annex A area
// and overall, the readiness figure and the gaps in audit order. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog/catalog.hpp"

namespace aims::assessment {

/// The answer to one item as scoring sees it.
struct Score {
  std::optional<int> maturity;  // 0..5; nullopt when unanswered or skipped
  bool not_applicable = false;
};

/// An item in an assessment's scope, with its group: the top clause ("4".."10") or Annex A area.
struct ScopeItem {
  const catalog::Item* item;
  std::string group;
};

/// Clause leaves for "clauses", controls for "annex_a", both (clauses first) for "both".
std::vector<ScopeItem> scope(const catalog::Catalog& cat, const std::string& approach);

/// Where a gap stands in the audit order: what a stage 1 audit checks first, then mandatory
/// documented information, then the rest.
enum class Priority { stage1 = 0, documented_information = 1, other = 2 };
Priority priority_of(const catalog::Item& item);
const char* priority_name(Priority p);

struct Gap {
  const catalog::Item* item;
  int maturity;  // 0 when unanswered
  int gap;       // target - maturity
  Priority priority;
  bool answered;
  std::size_t order;  // position in the scope (document order)
};

/// Items below target (unanswered ones count as 0), in audit order: priority, then larger gap,
/// then document order. Not-applicable items are never gaps.
std::vector<Gap> gaps(const std::vector<ScopeItem>& items, const std::map<std::string, Score>& answers, int target);

/// The results document of the API (AssessmentResults): group and overall maturity, readiness
/// = Σ min(maturity, target) / (target × applicable items), the gaps.
boost::json::object results(const catalog::Catalog& cat, const std::vector<ScopeItem>& items,
                            const std::map<std::string, Score>& answers, int target, const std::string& assessment_id);

}  // namespace aims::assessment
