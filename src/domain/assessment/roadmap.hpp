// Turns assessment gaps into a roadmap: one action per gap with the catalog's suggested action,
// effort and prerequisites; phases (foundations for stage 1 first, then the other management
// system clauses, then Annex A controls); dates scheduled from a start date and a capacity (how
// many actions run at once), never starting an action before its prerequisites end.
// Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

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

boost::json::object action_json(const PlannedAction& a, std::int64_t version);
/// The phases summary of the API's Roadmap from action documents.
boost::json::array phases_json(const boost::json::array& actions);

}  // namespace aims::assessment
