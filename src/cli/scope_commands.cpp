// API client commands of the AIMS scope: aims scope show|set|submit|approve|reject|drift. `set`
// starts from the current scope (or a --file), applies the flags given and sends the whole with
// If-Match; submit, approve and reject send the version read as If-Match too.
#include "cli/scope_commands.hpp"

#include <functional>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const std::string kScope = "/api/v1/scope";

std::string name_in(const json::object& s, const std::string& id) {
  auto p = s.if_contains("names");
  if (p && p->is_object())
    if (auto n = p->as_object().if_contains(id); n && n->is_string()) return std::string(n->as_string()) + " (" + id + ")";
  return id;
}

void print_drift(const json::object& s) {
  auto p = s.if_contains("drift");
  if (!p || !p->is_array() || p->as_array().empty()) {
    std::cout << "No drift: every AI system of the inventory is placed in or out of scope.\n";
    return;
  }
  std::cout << p->as_array().size() << " AI system(s) drift from the scope:\n";
  for (const auto& d : p->as_array())
    if (d.is_object())
      print_wrapped(std::cout, string_of(d.as_object(), "sentence") + " [" + string_of(d.as_object(), "system_id") + "]", 2, "- ");
}

void print_scope(const json::object& s) {
  std::vector<std::pair<std::string, std::string>> fields;
  auto version = int_of(s, "version").value_or(0);
  auto status = string_of(s, "status");
  if (status == "approved") status += " by " + string_of(s, "approved_by") + " at " + string_of(s, "approved_at");
  fields.emplace_back("version", version ? std::to_string(version) : "0 (not saved yet)");
  fields.emplace_back("status", status);
  for (const char* key : {"units", "sites", "ai_roles", "interfaces", "boundaries"})
    if (auto p = s.if_contains(key)) fields.emplace_back(key, display(*p));
  std::string in;
  if (auto p = s.if_contains("in_scope"); p && p->is_array())
    for (const auto& id : p->as_array())
      if (id.is_string()) in += (in.empty() ? "" : "\n") + name_in(s, std::string(id.as_string()));
  fields.emplace_back("in scope", in);
  std::string out;
  if (auto p = s.if_contains("out_of_scope"); p && p->is_array())
    for (const auto& e : p->as_array())
      if (e.is_object())
        out += (out.empty() ? "" : "\n") + name_in(s, string_of(e.as_object(), "system_id")) + ": " +
               string_of(e.as_object(), "reason");
  fields.emplace_back("out of scope", out);
  print_fields(std::cout, fields);
  std::cout << "\nStatement for the certificate:\n";
  print_wrapped(std::cout, string_of(s, "statement"), 2);
  std::cout << "\n";
  print_drift(s);
}

void register_scope_show(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"show", "Show the AIMS scope, its certificate statement and its drift", "",
                        [](const std::string&) { return kScope; }, print_scope});
}

void register_drift(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"drift", "List the AI systems that are neither in nor out of scope, and in-scope systems that left",
                        "", [](const std::string&) { return kScope; }, print_drift});
}

/// Removes the entries naming `id` from the scope's in_scope and out_of_scope.
void unplace(json::object& body, const std::string& id) {
  if (auto p = body.if_contains("in_scope"); p && p->is_array()) {
    auto& a = p->as_array();
    for (auto it = a.begin(); it != a.end();) it = it->is_string() && it->as_string() == id ? a.erase(it) : it + 1;
  }
  if (auto p = body.if_contains("out_of_scope"); p && p->is_array()) {
    auto& a = p->as_array();
    for (auto it = a.begin(); it != a.end();)
      it = it->is_object() && string_of(it->as_object(), "system_id") == id ? a.erase(it) : it + 1;
  }
}

json::array& array_member(json::object& o, const char* key) {
  if (!o[key].is_array()) o[key] = json::array{};
  return o[key].as_array();
}

void register_scope_set(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string file, boundaries;
    std::vector<std::string> units, sites, roles, interfaces, in, out;
  } o;
  auto* cmd = parent->add_subcommand("set", "Change the AIMS scope: the saved version is a draft until approved");
  o.api.add_to(cmd);
  cmd->add_option("--file", o.file, "Start from this JSON file of the whole scope (- for standard input) instead of the current scope");
  cmd->add_option("--unit", o.units, "An organizational unit (repeat it; replaces the list)");
  cmd->add_option("--site", o.sites, "A site or location (repeat it; replaces the list)");
  cmd->add_option("--role", o.roles, "An AI role of the organization, e.g. provider or deployer (repeat it; replaces the list)");
  cmd->add_option("--interface", o.interfaces, "What is outside the boundary and how it connects (repeat it; replaces the list)");
  cmd->add_option("--boundaries", o.boundaries, "Boundaries and notes");
  cmd->add_option("--in", o.in, "Put the AI system SYSTEM_ID in scope (repeatable)");
  cmd->add_option("--out", o.out, "Exclude an AI system: SYSTEM_ID=REASON (repeatable)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (o.file.empty() && o.units.empty() && o.sites.empty() && o.roles.empty() && o.interfaces.empty() &&
        o.boundaries.empty() && o.in.empty() && o.out.empty())
      return usage_error("nothing to change: give --file or any of --unit, --site, --role, --interface, --boundaries, --in, --out.");
    for (const auto& e : o.out)
      if (auto eq = e.find('='); eq == std::string::npos || eq == 0 || eq + 1 == e.size())
        return usage_error("--out takes SYSTEM_ID=REASON (every exclusion needs a reason), not '" + e + "'.");
    // The current version makes the server refuse the change if someone else changes the scope meanwhile.
    auto current = read_for_change(api, kScope, "the AIMS scope");
    if (!current) return kExitFailed;
    json::object body;
    if (!o.file.empty()) {
      if (int rc = read_json_object(o.file, "the AIMS scope", body)) return rc;
    } else {
      auto now = object_of(current->response);
      if (!now) return kExitFailed;
      body = std::move(*now);
    }
    const std::pair<const std::vector<std::string>*, const char*> lists[] = {
        {&o.units, "units"}, {&o.sites, "sites"}, {&o.roles, "ai_roles"}, {&o.interfaces, "interfaces"}};
    for (auto [values, key] : lists)
      if (!values->empty()) body[key] = json::array(values->begin(), values->end());
    if (!o.boundaries.empty()) body["boundaries"] = o.boundaries;
    for (const auto& id : o.in) {
      unplace(body, id);
      array_member(body, "in_scope").push_back(json::value(id));
    }
    for (const auto& e : o.out) {
      auto eq = e.find('=');
      auto id = e.substr(0, eq);
      unplace(body, id);
      array_member(body, "out_of_scope").push_back(json::object{{"system_id", id}, {"reason", e.substr(eq + 1)}});
    }
    auto r = send_json(api, "PUT", kScope, body, current->etag);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& s) {
      std::cout << "Saved the AIMS scope as version " << int_of(s, "version").value_or(0) << " (draft).\n\n";
      print_scope(s);
    });
  }));
}

/// POSTs `body` to the scope's `action` with the version read as If-Match; prints `done` of the answer.
int approval_step(ApiSession& api, const ApiOptions& o, const std::string& action, const json::object& body,
                  const std::function<void(const json::object&)>& done) {
  auto current = read_for_change(api, kScope, "the AIMS scope");
  if (!current) return kExitFailed;
  auto r = send_json(api, "POST", kScope + "/" + action, body, current->etag);
  if (!r) return kExitFailed;
  return print_response(*r, o.json, done);
}

void register_approval(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::vector<std::string> approvers;
  } submit;
  static struct {
    ApiOptions api;
    std::string comment;
  } approve, reject;
  auto* s = parent->add_subcommand("submit", "Send the current draft to its approvers (admins or managers, never its last author)");
  submit.api.add_to(s);
  s->add_option("--approver", submit.approvers, "An approver's user id (repeat it)")->required();
  s->callback(with_session(submit.api, exit_code, [](ApiSession& api) {
    json::object body{{"approvers", json::array(submit.approvers.begin(), submit.approvers.end())}};
    return approval_step(api, submit.api, "submit", body, [](const json::object& o) {
      std::cout << "Sent version " << int_of(o, "version").value_or(0) << " of the AIMS scope for approval.\n";
    });
  }));
  auto* a = parent->add_subcommand("approve", "Approve the version in approval (a named approver, not its last author)");
  approve.api.add_to(a);
  a->add_option("--comment", approve.comment, "A comment");
  a->callback(with_session(approve.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!approve.comment.empty()) body["comment"] = approve.comment;
    return approval_step(api, approve.api, "approve", body, [](const json::object& o) {
      if (string_of(o, "status") == "approved")
        std::cout << "Approved version " << int_of(o, "version").value_or(0) << " of the AIMS scope.\n";
      else
        std::cout << "Recorded your approval; version " << int_of(o, "version").value_or(0) << " waits for the other approvers.\n";
    });
  }));
  auto* r = parent->add_subcommand("reject", "Reject the version in approval: it returns to draft");
  reject.api.add_to(r);
  r->add_option("--comment", reject.comment, "What must change (required)")->required();
  r->callback(with_session(reject.api, exit_code, [](ApiSession& api) {
    return approval_step(api, reject.api, "reject", json::object{{"comment", reject.comment}}, [](const json::object& o) {
      std::cout << "Rejected; version " << int_of(o, "version").value_or(0) << " of the AIMS scope is a draft again.\n";
    });
  }));
}

}  // namespace

void register_scope_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "scope", "The AIMS scope (clause 4.3): show, set, submit, approve, reject, drift (API client)", exit_code,
                    {register_scope_show, register_scope_set, register_approval, register_drift});
}

}  // namespace aims::cli
