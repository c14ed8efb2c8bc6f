#include "domain/assessment/roadmap.hpp"

#include <algorithm>
#include <queue>
#include <set>

#include "domain/common/input.hpp"

namespace aims::assessment {
namespace json = boost::json;

int effort_weeks(const std::string& effort) { return effort == "S" ? 1 : effort == "M" ? 3 : 6; }

const char* phase_name(int phase) {
  switch (phase) {
    case 1: return "Foundations for the stage 1 audit";
    case 2: return "Management system requirements";
    default: return "Annex A controls";
  }
}

std::vector<PlannedAction> plan(const catalog::Catalog& cat, const std::vector<Gap>& gap_list, Date start, int capacity,
                         const std::map<std::string, std::string>& owners, const std::string& default_owner) {
  std::vector<PlannedAction> actions;
  std::map<std::string, std::size_t> by_item;
  for (const auto& g : gap_list) {
    PlannedAction a;
    a.item_id = g.item->id;
    a.id = "act-" + g.item->id;
    a.title = g.item->title + ": from level " + std::to_string(g.maturity) + " to " + std::to_string(g.maturity + g.gap);
    const auto& sa = g.item->json.at("suggested_action");
    a.suggested_action = sa.is_string() ? std::string(sa.as_string()) : "";
    auto o = owners.find(a.item_id);
    a.owner = o != owners.end() && !o->second.empty() ? o->second : default_owner;
    const auto* hint = cat.roadmap_hint(a.item_id);
    a.effort = hint ? hint->effort : "M";
    a.phase = g.priority == Priority::stage1 ? 1 : g.item->kind == "clause" ? 2 : 3;
    by_item[a.item_id] = actions.size();
    actions.push_back(std::move(a));
  }
  // Prerequisites among the actions (a prerequisite already at target needs no action).
  for (auto& a : actions) {
    const auto* hint = cat.roadmap_hint(a.item_id);
    if (!hint) continue;
    for (const auto& dep : hint->depends_on)
      if (by_item.count(dep)) a.depends_on.push_back("act-" + dep);
  }
  // A prerequisite belongs to a phase no later than the actions that need it.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& a : actions)
      for (const auto& dep : a.depends_on) {
        auto& d = actions[by_item[dep.substr(4)]];
        if (d.phase > a.phase) {
          d.phase = a.phase;
          changed = true;
        }
      }
  }
  // Schedule in dependency order; among ready actions, earlier phase then audit order first.
  std::vector<int> waiting(actions.size(), 0);
  std::vector<std::vector<std::size_t>> dependents(actions.size());
  for (std::size_t i = 0; i < actions.size(); ++i)
    for (const auto& dep : actions[i].depends_on) {
      ++waiting[i];
      dependents[by_item[dep.substr(4)]].push_back(i);
    }
  auto later = [&](std::size_t x, std::size_t y) {
    return std::make_pair(actions[x].phase, x) > std::make_pair(actions[y].phase, y);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
  for (std::size_t i = 0; i < actions.size(); ++i)
    if (waiting[i] == 0) ready.push(i);
  std::vector<Date> lanes(static_cast<std::size_t>(std::max(1, capacity)), start);
  std::size_t scheduled = 0;
  while (!ready.empty()) {
    std::size_t i = ready.top();
    ready.pop();
    auto& a = actions[i];
    Date earliest = start;
    for (const auto& dep : a.depends_on) earliest = std::max(earliest, actions[by_item[dep.substr(4)]].target);
    auto lane = std::min_element(lanes.begin(), lanes.end());
    a.start = std::max(earliest, *lane);
    a.target = a.start + std::chrono::days(7 * effort_weeks(a.effort));
    *lane = a.target;
    ++scheduled;
    for (auto d : dependents[i])
      if (--waiting[d] == 0) ready.push(d);
  }
  // The catalog's prerequisites have no cycles (checked at load by the tests); should one slip in,
  // the actions on it are still dated, after everything else.
  if (scheduled < actions.size()) {
    Date end = *std::max_element(lanes.begin(), lanes.end());
    for (auto& a : actions)
      if (a.target == Date{}) {
        a.start = end;
        a.target = end + std::chrono::days(7 * effort_weeks(a.effort));
      }
  }
  return actions;
}

json::array leave_out_excluded(std::vector<Gap>& gap_list, const std::map<std::string, std::string>& excluded) {
  std::map<std::size_t, json::object> left_out;  // by document order
  std::erase_if(gap_list, [&](const Gap& g) {
    auto x = excluded.find(g.item->id);
    if (x == excluded.end()) return false;
    left_out[g.order] = json::object{{"item_id", g.item->id},
                                     {"title", g.item->title},
                                     {"justification", x->second},
                                     {"message", g.item->id + " excluded in the SoA: " + x->second}};
    return true;
  });
  json::array out;
  for (auto& [order, o] : left_out) out.push_back(std::move(o));
  return out;
}

json::object coverage_json(const std::vector<ScopeItem>& items, const std::map<std::string, Score>& answers) {
  int answered = 0;
  for (const auto& si : items)
    if (auto a = answers.find(si.item->id); a != answers.end() && (a->second.maturity || a->second.not_applicable)) ++answered;
  int total = static_cast<int>(items.size());
  return json::object{{"answered", answered}, {"total", total}, {"complete", answered == total}};
}

json::object keep_edits(const std::vector<json::object>& previous, json::array& planned,
                        const std::function<std::string(const std::string&)>& gone) {
  json::array kept, dropped;
  for (const auto& old : previous) {
    std::vector<std::string> edited;
    if (auto e = old.if_contains("edited"); e && e->is_array()) {
      for (const auto& f : e->as_array()) edited.emplace_back(f.as_string());
    } else if (old.at("version").as_int64() > 1) {  // edited before edits were tracked: any field may be
      for (auto f : kKeptFields) edited.emplace_back(f);
      for (auto f : kPlannedFields) edited.emplace_back(f);
    }
    if (edited.empty()) continue;
    auto id = old.at("id").as_string();
    auto next = std::find_if(planned.begin(), planned.end(), [&](const json::value& v) { return v.at("id").as_string() == id; });
    if (next == planned.end()) {
      dropped.push_back(json::object{{"action_id", id}, {"fields", input::to_array(edited)}, {"reason", gone(std::string(old.at("item_id").as_string()))}});
      continue;
    }
    auto& n = next->as_object();
    std::vector<std::string> keep, lose;
    for (const auto& f : edited) {
      bool keepable = std::find(std::begin(kKeptFields), std::end(kKeptFields), f) != std::end(kKeptFields);
      (keepable ? keep : lose).push_back(f);
      if (keepable) n[f] = old.at(f);
    }
    n["edited"] = input::to_array(keep);
    n["version"] = old.at("version").as_int64() + 1;
    if (!keep.empty()) kept.push_back(json::object{{"action_id", id}, {"fields", input::to_array(keep)}});
    if (!lose.empty())
      dropped.push_back(json::object{{"action_id", id}, {"fields", input::to_array(lose)},
                                     {"reason", "effort, phase and prerequisites are planned anew from the catalog"}});
  }
  return json::object{{"kept", std::move(kept)}, {"dropped", std::move(dropped)}};
}

json::object action_json(const PlannedAction& a, std::int64_t version) {
  json::array deps;
  for (const auto& d : a.depends_on) deps.emplace_back(d);
  return json::object{{"id", a.id},
                      {"item_id", a.item_id},
                      {"title", a.title},
                      {"suggested_action", a.suggested_action},
                      {"owner", a.owner},
                      {"effort", a.effort},
                      {"depends_on", std::move(deps)},
                      {"phase", a.phase},
                      {"start_date", format_date(a.start)},
                      {"target_date", format_date(a.target)},
                      {"status", a.status},
                      {"version", version}};
}

json::array phases_json(const json::array& actions) {
  json::array out;
  for (int p = 1; p <= 3; ++p) {
    int count = 0;
    std::string first, last;
    for (const auto& v : actions) {
      const auto& a = v.as_object();
      if (a.at("phase").as_int64() != p) continue;
      ++count;
      std::string s(a.at("start_date").as_string()), t(a.at("target_date").as_string());
      if (first.empty() || s < first) first = s;
      if (last.empty() || t > last) last = t;
    }
    out.push_back(json::object{{"phase", p},
                               {"name", phase_name(p)},
                               {"actions", count},
                               {"start_date", first.empty() ? json::value(nullptr) : json::value(first)},
                               {"end_date", last.empty() ? json::value(nullptr) : json::value(last)}});
  }
  return out;
}

}  // namespace aims::assessment
