// Turns assessment gaps into a roadmap: one action per gap with the catalog's suggested action,
// effort and prerequisites; phases (foundations for stage 1 first, then the other management
// system clauses, then Annex A controls); dates scheduled from a start date and a capacity (how
// many actions run at once), never starting an action before its prerequisites end. Controls the
// SoA excludes are left out (and listed with the reason); regenerating keeps the user's edits of
// owner, dates, status and text and names every edit it drops (docs/assessment.md).
// Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/assessment/scoring.hpp"

namespace aims::assessment {

struct PlannedAction {
  std::string id;       // "act-" + item id
  std::string item_id;
  std::string title;
  std::string suggested_action;
  std::string owner;
  std::string effort;   // S, M, L
  std::vector<std::string> depends_on;  // action ids
  int phase = 1;
  Date start{};
  Date target{};
  std::string status = "open";
};

/// Weeks of work for an effort size.
int effort_weeks(const std::string& effort);
const char* phase_name(int phase);

/// Builds and schedules the actions for `gap_list` (in audit order). `owners` maps item ids to
/// the owner named in their answer; others get `default_owner`.
std::vector<PlannedAction> plan(const catalog::Catalog& cat, const std::vector<Gap>& gap_list, Date start, int capacity,
                         const std::map<std::string, std::string>& owners, const std::string& default_owner);

/// The gaps of controls the SoA excludes leave `gap_list`; the result lists them in
/// document order: {"item_id", "title", "justification", "message"}.
boost::json::array leave_out_excluded(std::vector<Gap>& gap_list, const std::map<std::string, std::string>& excluded);

/// How much of the assessment is answered: {"answered", "total", "complete"}.
boost::json::object coverage_json(const std::vector<ScopeItem>& items, const std::map<std::string, Score>& answers);

/// The fields of an action a user's edits survive regeneration in, and those regeneration replaces.
inline constexpr std::string_view kKeptFields[] = {"title", "owner", "status", "start_date", "target_date"};
inline constexpr std::string_view kPlannedFields[] = {"effort", "phase", "depends_on"};

/// Carries the edits of `previous` actions (their "edited" fields; every editable field for an
/// action edited before edits were tracked) into the `planned` ones of the same id. `gone(item_id)`
/// says why a previous action has no planned one. Answers {"kept": [{"action_id", "fields"}],
/// "dropped": [{"action_id", "fields", "reason"}]}.
boost::json::object keep_edits(const std::vector<boost::json::object>& previous, boost::json::array& planned,
                               const std::function<std::string(const std::string&)>& gone);

boost::json::object action_json(const PlannedAction& a, std::int64_t version);
/// The phases summary of the API's Roadmap from action documents.
boost::json::array phases_json(const boost::json::array& actions);

}  // namespace aims::assessment
