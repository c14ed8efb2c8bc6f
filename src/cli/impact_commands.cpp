// API client commands for AI system impact assessments: aims impact list|get|create|update|submit|
// approve|versions|fria|export. They talk to a running server with an API token (see
// api_session.hpp) and print text, or the server's JSON with --json.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

const std::string kImpact = "/api/v1/impact-assessments";
const RecordPath ia_path{kImpact};

std::string system_name(const json::object& a) {
  auto s = a.if_contains("system");
  return s && s->is_object() ? string_of(s->get_object(), "name") : string_of(a, "system_id");
}

/// "yes (system changed: model_type, data_sources)", "yes (review date passed)" or "no".
std::string due_text(const json::object& a) {
  auto p = a.if_contains("reassessment_due");
  if (!p || !p->is_object() || !bool_of(p->get_object(), "due")) return "no";
  std::string why;
  for (const auto& r : array_at(p->get_object(), "reasons")) {
    if (!r.is_string()) continue;
    if (r.get_string() == "review_date_passed") why += (why.empty() ? "" : "; ") + std::string("review date passed");
    if (r.get_string() == "system_changed") {
      std::string fields;
      for (const auto& c : array_at(p->get_object(), "changed_fields"))
        if (c.is_object()) fields += (fields.empty() ? "" : ", ") + string_of(c.get_object(), "field");
      why += (why.empty() ? "" : "; ") + ("system changed: " + fields);
    }
  }
  return "yes (" + why + ")";
}

/// One --harm/--benefit row "CATEGORY|AFFECTED PARTY|SEVERITY|LIKELIHOOD|DESCRIPTION".
std::optional<json::object> parse_row(const std::string& type, const std::string& arg, std::string& error) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    auto bar = arg.find('|', start);
    if (bar == std::string::npos) break;
    parts.push_back(text::trim(arg.substr(start, bar - start)));
    start = bar + 1;
  }
  parts.push_back(text::trim(arg.substr(start)));
  auto level = [](const std::string& s) { return s.size() == 1 && s[0] >= '1' && s[0] <= '4' ? s[0] - '0' : 0; };
  if (parts.size() != 5 || !level(parts[2]) || !level(parts[3])) {
    error = "--" + type + " takes \"CATEGORY|AFFECTED PARTY|SEVERITY 1-4|LIKELIHOOD 1-4|DESCRIPTION\", e.g. "
            "\"individual|Job applicants|4|2|Qualified applicants ranked low\"; got '" + arg + "'.";
    return std::nullopt;
  }
  return json::object{{"category", parts[0]}, {"type", type}, {"affected_party", parts[1]},
                      {"severity", level(parts[2])}, {"likelihood", level(parts[3])}, {"description", parts[4]}};
}

/// Options shared by create and update: --field, --file, --harm, --benefit.
struct BodyOptions {
  std::vector<std::string> fields, harms, benefits;
  std::string file;

  void add_to(CLI::App* cmd) {
    cmd->add_option("--field", fields, "KEY=VALUE of a text field (repeatable); assessors and data_sources as a;b;c, "
                                       "next_review_date as YYYY-MM-DD")
        ->allow_extra_args(false);
    cmd->add_option("--harm", harms, "Add a harm: \"CATEGORY|AFFECTED PARTY|SEVERITY|LIKELIHOOD|DESCRIPTION\" (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--benefit", benefits, "Add a benefit, in the same form as --harm (repeatable)")->allow_extra_args(false);
    cmd->add_option("--file", file, "JSON object of fields, e.g. impacts and interested_parties ('-' for standard input)");
  }

  bool empty() const { return fields.empty() && harms.empty() && benefits.empty() && file.empty(); }

  /// The request body; `existing` is the current list of impacts that --harm/--benefit extend.
  /// Returns 0 or the exit code of a reported failure.
  int build(json::object& body, const json::array* existing) const {
    if (!file.empty())
      if (int rc = read_json_object(file, "impact assessment fields", body)) return rc;
    for (const auto& f : fields) {
      auto eq = f.find('=');
      if (eq == std::string::npos || text::trim(f.substr(0, eq)).empty())
        return usage_error("--field takes KEY=VALUE, e.g. --field scope=\"Hiring in the EU\"; got '" + f + "'.");
      auto key = text::trim(f.substr(0, eq));
      auto value = f.substr(eq + 1);
      if (key == "assessors" || key == "data_sources") {
        json::array items;
        for (auto& item : text::split_list(value, ';')) items.emplace_back(item);
        body[key] = std::move(items);
      } else if (key == "next_review_date" && text::trim(value).empty()) {
        body[key] = nullptr;
      } else {
        body[key] = value;
      }
    }
    if (!harms.empty() || !benefits.empty()) {
      json::array impacts;
      if (auto p = body.if_contains("impacts"); p && p->is_array()) impacts = p->get_array();
      else if (existing) impacts = *existing;
      for (auto [type, rows] : {std::pair{std::string("harm"), &harms}, std::pair{std::string("benefit"), &benefits}})
        for (const auto& r : *rows) {
          std::string error;
          auto row = parse_row(type, r, error);
          if (!row) return usage_error(error);
          impacts.push_back(std::move(*row));
        }
      body["impacts"] = std::move(impacts);
    }
    return 0;
  }
};

void print_assessment_impact(const json::object& a) {
  print_fields(std::cout, {{"ref", string_of(a, "ref")},
                           {"id", string_of(a, "id")},
                           {"title", string_of(a, "title")},
                           {"AI system", system_name(a) + " (" + string_of(a, "system_id") + ")"},
                           {"status", string_of(a, "status")},
                           {"outcome", string_of(a, "outcome")},
                           {"FRIA required", bool_of(a, "fria_required") ? "yes (see 'aims impact fria')" : "no"},
                           {"re-assessment due", due_text(a)},
                           {"next review", string_of(a, "next_review_date")},
                           {"approved version", int_of(a, "approved_version") ? std::to_string(*int_of(a, "approved_version")) : ""},
                           {"version", std::to_string(int_of(a, "version").value_or(0))}});
  static const std::pair<const char*, const char*> kSections[] = {
      {"scope", "Scope"},
      {"purpose", "Purpose"},
      {"intended_uses", "Intended uses"},
      {"unintended_uses", "Foreseeable unintended uses and misuse"},
      {"data_quality", "Data quality"},
      {"model_information", "Model information"},
      {"deployment_context", "Deployment context"},
      {"processes", "Processes in which it is used"},
      {"period_and_frequency", "Period and frequency of use"},
      {"human_oversight", "Human oversight"},
      {"governance_and_complaints", "Governance and complaints"}};
  for (const auto& [key, title] : kSections) {
    std::cout << "\n" << title << "\n";
    auto t = string_of(a, key);
    print_wrapped(std::cout, t.empty() ? "-" : t, 2);
  }
  const auto& impacts = array_at(a, "impacts");
  std::cout << "\nBenefits and harms (" << impacts.size() << ")\n";
  if (impacts.empty()) return;
  Table t({"#", "type", "category", "affected party", "sev", "lik", "score", "level", "measures", "description"});
  t.set_max_width(3, 28);
  t.set_max_width(9, 48);
  int n = 0;
  for (const auto& e : objects_in(impacts)) {
    t.add_row({std::to_string(++n), string_of(e, "type"), string_of(e, "category"), string_of(e, "affected_party"),
               std::to_string(int_of(e, "severity").value_or(0)), std::to_string(int_of(e, "likelihood").value_or(0)),
               std::to_string(int_of(e, "score").value_or(0)), e.contains("level") && e.at("level").is_string() ? string_of(e, "level") : "-",
               std::to_string(array_at(e, "measures").size()), string_of(e, "description")});
  }
  t.print(std::cout);
}

int print_impact_done(const http::ClientResponse& r, bool as_json, std::string_view what) {
  return print_response(r, as_json, [&](const json::object& a) {
    std::cout << what << " " << string_of(a, "ref") << " (" << string_of(a, "id") << "): " << string_of(a, "title") << " — "
              << string_of(a, "status") << ", outcome " << string_of(a, "outcome") << " (version " << int_of(a, "version").value_or(0)
              << ")\n";
  });
}

void register_impact_list(CLI::App* parent, int& exit_code) {
  register_list_command(
      parent, exit_code,
      {"Impact assessments: reference, title, AI system, status, outcome, re-assessment", kImpact,
       "Assessments per page, 1 to 500",
       {{"--system", "system_id", "Only the assessments of this AI system (sys_…)"},
        {"--status", "status", "draft, in_review or approved", {"draft", "in_review", "approved"}},
        {"--outcome", "outcome", "normal, sensitive or restricted", {"normal", "sensitive", "restricted"}},
        {"--due", "reassessment_due", "Only those due for re-assessment", {}, true},
        {"--q", "q", "Search the title, reference and AI system name"},
        {"--sort", "sort", "Sort key, e.g. ref, -updated_at, outcome (leading - for descending)"}},
       [](const ListResult& l, const NameValues& filters) {
         if (l.items.empty()) {
           std::cout << "No impact assessments" << (filters.empty() ? "" : " match these filters") << ".\n";
           return;
         }
         Table t({"ref", "id", "title", "AI system", "status", "outcome", "re-assessment", "next review"});
         t.set_max_width(2, 40);
         t.set_max_width(3, 28);
         t.set_max_width(6, 40);
         for (const auto& a : objects_in(l.items)) {
           t.add_row({string_of(a, "ref"), string_of(a, "id"), string_of(a, "title"), system_name(a), string_of(a, "status"),
                      string_of(a, "outcome"), due_text(a), string_of(a, "next_review_date")});
         }
         t.print(std::cout);
         print_list_summary(l, "impact assessments");
       }});
}

void register_impact_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show one impact assessment with its sections and its benefits and harms", "The assessment's id (ia_…)",
                        ia_path, print_assessment_impact});
}

void register_impact_create(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string system, title;
    BodyOptions body;
  } o;
  auto* cmd = parent->add_subcommand("create", "Start an impact assessment of an AI system, pre-filled from its inventory record");
  o.api.add_to(cmd);
  cmd->add_option("--system", o.system, "The AI system to assess (sys_…)")->required();
  cmd->add_option("--title", o.title, "Title (default: 'Impact assessment of <system name>')");
  o.body.add_to(cmd);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (int rc = o.body.build(body, nullptr)) return rc;
    body["system_id"] = o.system;
    if (!o.title.empty()) body["title"] = o.title;
    auto r = send_json(api, "POST", kImpact, body);
    return r ? print_impact_done(*r, o.api.json, "Created") : kExitFailed;
  }));
}

void register_impact_update(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    BodyOptions body;
  } o;
  auto* cmd = add_id_command(parent, "update",
                             "Change an impact assessment (a change after approval starts the next draft)", o,
                             "The assessment's id (ia_…)");
  o.body.add_to(cmd);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (o.body.empty()) return usage_error("nothing to change: give --field KEY=VALUE, --harm, --benefit or --file FILE.json.");
    // The current ETag makes the server refuse the change if someone else changes it meanwhile.
    auto current = read_for_change(api, ia_path(o.id), o.id);
    if (!current) return kExitFailed;
    auto now = object_of(current->response);
    if (!now) return kExitFailed;
    json::object body;
    if (int rc = o.body.build(body, &array_at(*now, "impacts"))) return rc;
    auto r = send_json(api, "PATCH", ia_path(o.id), body, current->etag);
    return r ? print_impact_done(*r, o.api.json, "Updated") : kExitFailed;
  }));
}

void register_submit(CLI::App* parent, int& exit_code) {
  register_action_command(parent, exit_code,
                          {"submit", "Submit a draft for review", "The assessment's id (ia_…)",
                           [](const std::string& id) { return ia_path(id, "/submit"); },
                           [](const http::ClientResponse& r, bool as_json) { return print_impact_done(r, as_json, "Submitted"); }});
}

void register_impact_approve(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string note;
    bool yes = false;
  } o;
  auto* cmd = add_id_command(parent, "approve",
                             "Approve an assessment in review as a new numbered, unchangeable version", o,
                             "The assessment's id (ia_…)");
  cmd->add_option("--note", o.note, "Why the remaining harms are acceptable (required for sensitive and restricted uses)");
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    // The ETag read (and confirmed) is sent along, so a change made meanwhile is not approved unseen.
    auto current = api.get(ia_path(o.id));
    if (!current) return kExitFailed;
    auto a = object_of(*current);
    if (!a) return kExitFailed;
    if (!o.yes && isatty(STDIN_FILENO) &&
        !confirm("Approve " + string_of(*a, "ref") + " '" + string_of(*a, "title") + "' (outcome " + string_of(*a, "outcome") + ")?"))
      return fail("not approved.");
    json::object body;
    if (!o.note.empty()) body["note"] = o.note;
    NameValues headers;
    if (auto etag = current->header("etag")) headers.emplace_back("If-Match", *etag);
    auto r = api.send({"POST", ia_path(o.id, "/approve"), headers, "application/json", json::serialize(body)});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& v) {
      std::cout << "Approved " << string_of(v, "ref") << " as version " << int_of(v, "number").value_or(0) << " (outcome "
                << string_of(v, "outcome") << ")\n";
    });
  }));
}

void print_versions_impact(const json::object& l) {
  const auto& items = array_at(l, "items");
  if (items.empty()) {
    std::cout << "No approved version yet.\n";
    return;
  }
  Table t({"version", "approved_at", "approved_by", "outcome", "note"});
  t.set_max_width(4, 60);
  for (const auto& s : objects_in(items)) {
    t.add_row({std::to_string(int_of(s, "number").value_or(0)), string_of(s, "approved_at"), string_of(s, "approved_by"),
               string_of(s, "outcome"), string_of(s, "note")});
  }
  t.print(std::cout);
}

void register_impact_versions(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"versions", "Approved versions of an assessment, newest first", "The assessment's id (ia_…)",
                        [](const std::string& id) { return ia_path(id, "/versions"); }, print_versions_impact});
}

void register_fria(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    int version = 0;
  } o;
  auto* cmd = add_id_command(parent, "fria",
                             "The EU AI Act Art. 27 fundamental-rights impact assessment view of an assessment", o,
                             "The assessment's id (ia_…)");
  cmd->add_option("--version", o.version, "Of an approved version (default: the working record)")->check(CLI::PositiveNumber);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q;
    if (o.version > 0) q.emplace_back("version", std::to_string(o.version));
    auto r = api.get(http::make_target(ia_path(o.id, "/fria"), q));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& f) {
      auto app = f.if_contains("applicability");
      if (app && app->is_object()) {
        const auto& ap = app->get_object();
        std::cout << "FRIA required: " << (bool_of(ap, "required") ? "yes" : "no") << " — " << string_of(ap, "reason") << "\n";
        if (!string_of(ap, "conditions").empty()) print_wrapped(std::cout, string_of(ap, "conditions"), 2);
      }
      for (const auto& e : objects_in(array_at(f, "elements"))) {
        std::cout << "\n" << string_of(e, "reference") << "  " << string_of(e, "title") << "  [" << string_of(e, "status") << "]\n";
        if (!string_of(e, "text").empty()) print_wrapped(std::cout, string_of(e, "text"), 2);
        for (const auto& it : array_at(e, "items")) {
          if (!it.is_object()) continue;
          const auto& i = it.get_object();
          std::string line = i.contains("name") ? string_of(i, "name") + (bool_of(i, "vulnerable") ? " (vulnerable)" : "")
                             : i.contains("harm") ? string_of(i, "description") + " — " + string_of(i, "owner") + ", " + string_of(i, "status")
                                                  : string_of(i, "affected_party") + ": " + string_of(i, "description") + " (score " +
                                                        std::to_string(int_of(i, "score").value_or(0)) + ", " + string_of(i, "level") + ")";
          print_wrapped(std::cout, line, 2, "- ");
        }
        if (string_of(e, "status") != "filled") print_wrapped(std::cout, "To do: " + string_of(e, "guidance"), 2);
      }
      std::cout << "\n" << (bool_of(f, "complete") ? "Every element is filled." : "Missing: " + display(f.at("missing"))) << "\n";
    });
  }));
}

void register_impact_export(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string format = "pdf", output;
    int version = 0;
  } o;
  auto* cmd = add_id_command(parent, "export", "Export an impact assessment as PDF or JSON", o,
                             "The assessment's id (ia_…)", false);
  cmd->add_option("--format", o.format, "pdf or json")->check(CLI::IsMember({"pdf", "json"}))->capture_default_str();
  cmd->add_option("--version", o.version, "An approved version (default: the working record)")->check(CLI::PositiveNumber);
  cmd->add_option("-o,--output", o.output, "Write to this file (default: standard output; pdf needs a file on a terminal)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q{{"format", o.format}};
    if (o.version > 0) q.emplace_back("version", std::to_string(o.version));
    return download(api, http::make_target(ia_path(o.id, "/export"), q), o.format, o.output);
  }));
}

}  // namespace

void register_impact_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "impact", "AI system impact assessments and their EU AI Act Art. 27 view (API client)", exit_code,
                    {register_impact_list, register_impact_get, register_impact_create, register_impact_update, register_submit,
                     register_impact_approve, register_impact_versions, register_fria, register_impact_export});
}

}  // namespace aims::cli
