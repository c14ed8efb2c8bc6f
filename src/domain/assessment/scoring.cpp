#include "domain/assessment/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace aims::assessment {
namespace json = boost::json;

namespace {

std::string group_of(const catalog::Item& it) {
  if (it.kind == "control") {
    auto second_dot = it.id.find('.', 2);
    return it.id.substr(0, second_dot);  // "A.6.2.4" -> "A.6"
  }
  return it.id.substr(0, it.id.find('.'));  // "6.1.2" -> "6"
}

double round_to(double v, int places) {
  double f = std::pow(10.0, places);
  return std::round(v * f) / f;
}

}  // namespace

std::vector<ScopeItem> scope(const catalog::Catalog& cat, const std::string& approach) {
  std::vector<ScopeItem> out;
  const auto* fw = cat.framework("iso42001");
  for (const auto& it : fw->items) {
    if (!it.leaf) continue;
    bool want = (it.kind == "clause" && approach != "annex_a") || (it.kind == "control" && approach != "clauses");
    if (want) out.push_back({&it, group_of(it)});
  }
  // Document order already puts clauses before Annex A.
  return out;
}

Priority priority_of(const catalog::Item& item) {
  for (const auto& t : item.json.at("tags").as_array())
    if (t.as_string() == "stage1") return Priority::stage1;
  const auto& di = item.json.at("documented_information");
  if (item.kind == "clause" && di.is_string() && di.as_string() != "-") return Priority::documented_information;
  return Priority::other;
}

const char* priority_name(Priority p) {
  switch (p) {
    case Priority::stage1: return "stage1";
    case Priority::documented_information: return "documented_information";
    case Priority::other: return "other";
  }
  return "other";
}

std::vector<Gap> gaps(const std::vector<ScopeItem>& items, const std::map<std::string, Score>& answers, int target) {
  std::vector<Gap> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* it = items[i].item;
    auto a = answers.find(it->id);
    if (a != answers.end() && a->second.not_applicable) continue;
    bool answered = a != answers.end() && a->second.maturity.has_value();
    int m = answered ? *a->second.maturity : 0;
    if (m >= target) continue;
    out.push_back({it, m, target - m, priority_of(*it), answered, i});
  }
  std::stable_sort(out.begin(), out.end(), [](const Gap& a, const Gap& b) {
    if (a.priority != b.priority) return a.priority < b.priority;
    if (a.gap != b.gap) return a.gap > b.gap;
    return a.order < b.order;
  });
  return out;
}

json::object results(const catalog::Catalog& cat, const std::vector<ScopeItem>& items,
                     const std::map<std::string, Score>& answers, int target, const std::string& assessment_id) {
  struct Acc {
    std::string id;
    int items = 0, applicable = 0, answered = 0, below = 0, sum = 0;
  };
  std::vector<Acc> groups;
  auto acc_for = [&](const std::string& g) -> Acc& {
    for (auto& a : groups)
      if (a.id == g) return a;
    groups.push_back(Acc{g});
    return groups.back();
  };
  int applicable = 0, answered = 0, not_applicable = 0, sum = 0, achieved = 0;
  for (const auto& si : items) {
    Acc& g = acc_for(si.group);
    ++g.items;
    auto a = answers.find(si.item->id);
    if (a != answers.end() && a->second.not_applicable) {
      ++not_applicable;
      ++answered;
      ++g.answered;
      continue;
    }
    int m = 0;
    if (a != answers.end() && a->second.maturity) {
      m = *a->second.maturity;
      ++answered;
      ++g.answered;
    }
    ++applicable;
    ++g.applicable;
    sum += m;
    g.sum += m;
    achieved += std::min(m, target);
    if (m < target) ++g.below;
  }
  json::array by_clause, by_area;
  for (const auto& g : groups) {
    const auto* item = cat.find("iso42001", g.id);
    json::object o{{"id", g.id},
                   {"title", item ? item->title : g.id},
                   {"items", g.items},
                   {"answered", g.answered},
                   {"below_target", g.below}};
    o["maturity"] = g.applicable ? json::value(round_to(static_cast<double>(g.sum) / g.applicable, 2)) : json::value(nullptr);
    (g.id.rfind("A.", 0) == 0 ? by_area : by_clause).push_back(std::move(o));
  }
  int required = target * applicable;
  double percent = required ? round_to(100.0 * achieved / required, 1) : 0.0;
  json::array gap_list;
  for (const auto& g : gaps(items, answers, target))
    gap_list.push_back(json::object{{"item_id", g.item->id},
                                    {"kind", g.item->kind},
                                    {"title", g.item->title},
                                    {"maturity", g.maturity},
                                    {"target", target},
                                    {"gap", g.gap},
                                    {"priority", priority_name(g.priority)},
                                    {"answered", g.answered}});
  json::object out{
      {"assessment_id", assessment_id},
      {"target_maturity", target},
      {"overall_maturity", applicable ? json::value(round_to(static_cast<double>(sum) / applicable, 2)) : json::value(nullptr)},
      {"readiness",
       json::object{{"percent", percent},
                    {"achieved", achieved},
                    {"required", required},
                    {"formula",
                     "Readiness = sum over applicable items of min(maturity, target) / (target x number of applicable "
                     "items) x 100. Unanswered and skipped items count as maturity 0; not-applicable controls are left "
                     "out. Here: " +
                         std::to_string(achieved) + " / " + std::to_string(required) + "."}}},
      {"answered", answered},
      {"total", static_cast<std::int64_t>(items.size())},
      {"not_applicable", not_applicable},
      {"by_clause", std::move(by_clause)},
      {"by_area", std::move(by_area)},
      {"gaps", std::move(gap_list)}};
  return out;
}

}  // namespace aims::assessment
