#include "domain/raci/raci_matrix.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/raci/raci_activity_kind.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/record_service.hpp"

namespace aims::raci {
namespace json = boost::json;
using accounts::Actor;

namespace {

/// The organization's activities as served (warnings derived), archived ones left out.
std::vector<json::object> activities(store::ReadTx& tx, const std::string& org_id) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = raci_activity_kind().kind;
  f.parent_id = "";
  std::vector<json::object> out;
  for (const auto& r : tx.list_records(f))
    if (r.ref != records::kArchivedRef && stored::readable(f.kind, org_id, r.id, r.doc))
      out.push_back(records::record_view(raci_activity_kind(), r));
  return out;
}

std::string text_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_string() ? std::string(p->as_string()) : "";
}

std::string process_label(const std::string& value) {
  for (const auto& e : raci_processes())
    if (e.value == value) return e.label;
  return "";
}

}  // namespace

result<std::string> RaciMatrixService::matrix(const Actor& a, const std::optional<std::string>& process,
                                              const std::optional<std::string>& system_id) {
  if (auto st = records::require(a, accounts::Action::read, "read RACI matrices"); !st) return st.error();
  bool by_process = process && !process->empty();
  bool by_system = system_id && !system_id->empty();
  if (by_process == by_system)
    return make_error(errc::bad_request, "Name the AIMS process or the AI system of the matrix.",
                      {{by_process ? "system_id" : "process", 0, by_process ? "give process or system_id, not both" : "give process or system_id"}});
  if (by_process && process_label(*process).empty())
    return make_error(errc::bad_request, "The list parameters are not valid.", {{"process", 0, "is not an AIMS process of the RACI register"}});
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    if (by_system) {
      auto sys = tx.find_system(a.org_id, *system_id);
      if (!sys) return make_error(errc::not_found, "No AI system " + *system_id + " in this organization.");
      out["system_id"] = *system_id;
      auto doc = stored::parse_object(sys->doc);
      out["title"] = doc.contains("name") ? doc.at("name") : json::value(*system_id);
    } else {
      out["process"] = *process;
      out["title"] = process_label(*process);
    }
    std::vector<std::string> people;  // in order of first appearance
    json::array rows;
    std::int64_t warned = 0;
    for (auto& v : activities(tx, a.org_id)) {
      if (by_system ? text_of(v, "system_id") != *system_id : text_of(v, "process") != *process) continue;
      std::map<std::string, std::string> letters;
      static constexpr std::pair<const char*, const char*> kLetters[] = {
          {"responsible", "R"}, {"accountable", "A"}, {"consulted", "C"}, {"informed", "I"}};
      for (auto [field, letter] : kLetters)
        if (auto p = v.if_contains(field); p && p->is_array())
          for (const auto& id : input::from_array(*p)) {
            auto& cell = letters[id];
            cell += cell.empty() ? letter : std::string("/") + letter;
            if (std::find(people.begin(), people.end(), id) == people.end()) people.push_back(id);
          }
      json::object cells;
      for (const auto& [id, l] : letters) cells[id] = l;
      const auto& warnings = v.at("warnings");
      if (!warnings.as_array().empty()) ++warned;
      rows.push_back(json::object{{"id", v.at("id")}, {"title", v.at("title")}, {"letters", std::move(cells)}, {"warnings", warnings}});
    }
    json::array persons;
    for (const auto& id : people) {
      auto u = tx.find_user(id);
      persons.push_back(json::object{{"user_id", id}, {"name", u ? json::value(u->name) : json::value(nullptr)},
                                     {"email", u ? json::value(u->email) : json::value(nullptr)}});
    }
    out["people"] = std::move(persons);
    out["activities"] = std::move(rows);
    out["warnings"] = warned;
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> RaciMatrixService::index(const Actor& a) {
  if (auto st = records::require(a, accounts::Action::read, "read RACI matrices"); !st) return st.error();
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_process, by_system;  // activities, warned
    for (const auto& v : activities(tx, a.org_id)) {
      bool warned = !v.at("warnings").as_array().empty();
      auto p = text_of(v, "process");
      auto& counts = p.empty() ? by_system[text_of(v, "system_id")] : by_process[p];
      ++counts.first;
      if (warned) ++counts.second;
    }
    json::array processes, systems;
    for (const auto& e : raci_processes())
      processes.push_back(json::object{{"value", e.value}, {"label", e.label}, {"activities", by_process[e.value].first},
                                       {"warnings", by_process[e.value].second}});
    for (const auto& [id, counts] : by_system) {
      auto sys = tx.find_system(a.org_id, id);
      auto doc = sys ? stored::parse_object(sys->doc) : json::object{};
      systems.push_back(json::object{{"id", id}, {"name", doc.contains("name") ? doc.at("name") : json::value(id)},
                                     {"activities", counts.first}, {"warnings", counts.second}});
    }
    out["processes"] = std::move(processes);
    out["systems"] = std::move(systems);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::raci
