#include "domain/scope/scope_doc.hpp"

#include <algorithm>

#include "core/json_members.hpp"
#include "core/sentences.hpp"
#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/inventory/system_fields.hpp"

namespace aims::scope {
namespace json = boost::json;

namespace {

constexpr std::size_t kMaxSystems = 10000;  // each list of systems
constexpr std::size_t kNamed = 5;           // systems named in the statement

std::vector<std::string> strings(const json::object& o, std::string_view k) { return input::from_array(array_at(o, k)); }

std::string name_of(const Systems& systems, const std::string& id) {
  auto it = systems.find(id);
  return it == systems.end() ? id : it->second.name;
}

/// An entry of in_scope or out_of_scope names a system of the organization that is not archived.
void check_system(input::Reader& in, const std::string& field, const std::string& id, const Systems& systems) {
  auto it = systems.find(id);
  if (it == systems.end()) in.error(field, "names no AI system of this organization: " + id);
  else if (it->second.archived) in.error(field, "names an archived AI system (" + it->second.name + "); restore it first");
}

/// out_of_scope: [{system_id, reason}], each with a reason (one to 1,000 characters).
json::array read_exclusions(const json::object& body, input::Reader& in, const Systems& systems) {
  json::array out;
  auto p = body.if_contains("out_of_scope");
  if (!p) return out;
  if (!p->is_array()) {
    in.error("out_of_scope", "must be a list of {system_id, reason}");
    return out;
  }
  if (p->as_array().size() > kMaxSystems) in.error("out_of_scope", "must have at most " + std::to_string(kMaxSystems) + " entries");
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < p->as_array().size() && i < kMaxSystems; ++i) {
    const auto& e = p->as_array()[i];
    auto field = "out_of_scope[" + std::to_string(i) + "]";
    if (!e.is_object()) {
      in.error(field, "must be an object {system_id, reason}");
      continue;
    }
    input::Reader entry(e.as_object(), {"system_id", "reason"}, {"name"});
    auto id = entry.text("system_id", 64, false, true);
    auto reason = entry.text("reason", 1000, true, false);
    if (!entry.ok() || !id) {
      in.error(field + ".system_id", "is required: the id of an AI system of the inventory");
      continue;
    }
    if (!reason || reason->empty()) in.error(field + ".reason", "is required: why the system is out of scope");
    check_system(in, field + ".system_id", *id, systems);
    if (std::find(seen.begin(), seen.end(), *id) != seen.end()) {
      in.error(field + ".system_id", "is listed twice: " + name_of(systems, *id));
      continue;
    }
    seen.push_back(*id);
    out.push_back(json::object{{"system_id", *id}, {"reason", reason.value_or("")}});
  }
  return out;
}

std::string activities(const std::vector<std::string>& roles) {
  auto has = [&](std::initializer_list<std::string_view> any) {
    return std::any_of(roles.begin(), roles.end(),
                       [&](const std::string& r) { return std::find(any.begin(), any.end(), r) != any.end(); });
  };
  std::vector<std::string> parts;
  if (has({"provider", "producer"})) parts.push_back("development");
  if (has({"importer", "distributor", "partner"})) parts.push_back("supply");
  if (has({"deployer", "customer"}) || parts.empty()) parts.push_back("use");
  return text::join_and(parts);
}

}  // namespace

const std::vector<std::string>& scope_fields() {
  static const std::vector<std::string> f{"units", "sites", "in_scope", "out_of_scope", "ai_roles", "interfaces", "boundaries"};
  return f;
}

result<json::object> read_scope(const json::value& body, const Systems& systems) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  // The members a GET answers besides the fields are ignored, so that a scope read can be sent back.
  json::object o = body.as_object();
  for (const char* served : {"version", "status", "approved_by", "approved_at", "created_at", "created_by", "updated_at",
                             "updated_by", "statement", "drift", "names", "author", "approval"})
    o.erase(served);
  input::Reader in(o, scope_fields(), {});
  json::object doc;
  doc["units"] = input::to_array(in.list("units", 100, 200).value_or(std::vector<std::string>{}));
  doc["sites"] = input::to_array(in.list("sites", 100, 200).value_or(std::vector<std::string>{}));
  auto in_scope = in.list("in_scope", kMaxSystems, 64).value_or(std::vector<std::string>{});
  for (std::size_t i = 0; i < in_scope.size(); ++i)
    check_system(in, "in_scope[" + std::to_string(i) + "]", in_scope[i], systems);
  doc["in_scope"] = input::to_array(in_scope);
  auto out = read_exclusions(o, in, systems);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto id = string_at(out[i].as_object(), "system_id");
    if (std::find(in_scope.begin(), in_scope.end(), id) != in_scope.end())
      in.error("out_of_scope[" + std::to_string(i) + "].system_id",
               "is also in scope: " + name_of(systems, id) + " must be either in or out of scope");
  }
  doc["out_of_scope"] = std::move(out);
  auto roles = in.list("ai_roles", 20, 40).value_or(std::vector<std::string>{});
  const auto known = inventory::organization_roles();
  for (const auto& r : roles)
    if (std::find(known.begin(), known.end(), r) == known.end()) {
      std::vector<std::string> all(known.begin(), known.end());
      in.error("ai_roles", "entries must be among " + text::join(all, ", ") + " (not " + r + ")");
      break;
    }
  doc["ai_roles"] = input::to_array(roles);
  doc["interfaces"] = input::to_array(in.list("interfaces", 100, 500).value_or(std::vector<std::string>{}));
  doc["boundaries"] = in.text("boundaries", 4000, true).value_or("");
  if (!in.ok()) return in.failure("The AIMS scope is not valid.");
  return doc;
}

std::string statement(const std::string& org_name, const json::object& doc, const Systems& systems) {
  auto ids = strings(doc, "in_scope");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < ids.size() && i < kNamed; ++i) names.push_back(name_of(systems, ids[i]));
  if (ids.size() > kNamed) names.push_back(std::to_string(ids.size() - kNamed) + " more");
  auto roles = strings(doc, "ai_roles");
  std::string s = "The AI management system of " + org_name + " covering the " + activities(roles) + " of ";
  if (ids.empty()) s += "no AI systems yet";
  else s += std::to_string(ids.size()) + (ids.size() == 1 ? " AI system (" : " AI systems (") + text::join_and(names) + ")";
  if (auto sites = strings(doc, "sites"); !sites.empty()) s += " at " + text::join_and(sites);
  if (auto units = strings(doc, "units"); !units.empty()) s += " by " + text::join_and(units);
  if (!roles.empty()) s += (roles.size() == 1 ? ", in the role of " : ", in the roles of ") + text::join_and(roles);
  return s + ".";
}

json::array drift(const json::object& doc, const Systems& systems) {
  json::array out;
  auto in_scope = strings(doc, "in_scope");
  const auto placed = placements(doc);
  auto item = [&](const std::string& id, const std::string& name, const char* problem, std::string sentence) {
    out.push_back(json::object{{"system_id", id}, {"name", name}, {"problem", problem}, {"sentence", std::move(sentence)}});
  };
  for (const auto& id : in_scope) {
    auto it = systems.find(id);
    if (it == systems.end()) item(id, id, "missing", "An AI system in scope is no longer in the inventory.");
    else if (it->second.archived) item(id, it->second.name, "archived", it->second.name + " is in scope but archived in the inventory.");
    else if (it->second.status == "retired") item(id, it->second.name, "retired", it->second.name + " is in scope but retired.");
  }
  for (const auto& [id, s] : systems) {
    if (s.archived || s.status == "retired") continue;
    if (!placed.contains(id))
      item(id, s.name, "unplaced", s.name + " is in the inventory but neither in nor out of scope.");
  }
  return out;
}

std::map<std::string, Placement> placements(const json::object& doc) {
  std::map<std::string, Placement> out;
  for (auto& id : strings(doc, "in_scope")) out.emplace(std::move(id), Placement{"in", ""});
  for (const auto& e : array_at(doc, "out_of_scope"))
    if (e.is_object())  // a system is in or out, never both (read_scope): "in" wins on a stored doc that says both
      out.emplace(string_at(e.as_object(), "system_id"), Placement{"out", string_at(e.as_object(), "reason")});
  return out;
}

Placement placement(const json::object& doc, const std::string& system_id) {
  auto all = placements(doc);
  auto it = all.find(system_id);
  return it == all.end() ? Placement{"unplaced", ""} : it->second;
}

}  // namespace aims::scope
