// API client commands for AI objectives (ISO/IEC 42001 clause 6.2): aims objectives list|get|
// create|update|history (the reading commands are in objective_reading_commands.cpp). They talk
// to a running server with an API token (see api_session.hpp) and print text, or the server's
// JSON with --json.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/history_command.hpp"
#include "cli/list_command.hpp"
#include "cli/commands.hpp"
#include "cli/objective_cli.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "core/text.hpp"
#include "domain/objectives/objective_rules.hpp"

namespace aims::cli {
namespace json = boost::json;
using http::NameValues;

std::string number_text(const json::value* v) {
  if (!v || v->is_null()) return "";
  if (v->is_double()) return objectives::format_number(v->get_double());
  return display(*v);
}

std::string status_words(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

bool fails(std::string_view status, std::string_view fail_on) {
  if (status == "off_track") return fail_on == "off_track" || fail_on == "at_risk";
  return status == "at_risk" && fail_on == "at_risk";
}

namespace {

/// Flags that set the fields of an objective, for create and update.
struct ObjectiveFlags {
  std::string title, description, annex_c, system, measure, unit, direction, target, min, max, warning, margin, frequency,
      owner, start, due, status, file;
  std::vector<std::string> risks, controls, plans;
  std::vector<std::pair<CLI::Option*, const char*>> text_opts;  // option and field name
  std::vector<std::pair<CLI::Option*, const char*>> number_opts;
  std::vector<std::pair<CLI::Option*, const char*>> list_opts;
  CLI::Option* plan_opt = nullptr;

  void add_to(CLI::App* cmd) {
    auto text = [&](const char* flag, std::string& v, const char* field, const char* help) {
      text_opts.emplace_back(cmd->add_option(flag, v, help), field);
    };
    auto number = [&](const char* flag, std::string& v, const char* field, const char* help) {
      number_opts.emplace_back(cmd->add_option(flag, v, help), field);
    };
    text("--title", title, "title", "What the objective is, in a few words");
    text("--description", description, "description", "Why it matters and how it is measured");
    text("--annex-c", annex_c, "annex_c_objective", "The Annex C objective it serves, C.2.1 to C.2.11 (e.g. C.2.5 fairness)");
    text("--system", system, "system_id", "The AI system's id (sys_…); '' for the whole organization");
    text("--measure", measure, "measure", "What is measured");
    text("--unit", unit, "unit", "Unit of the values, e.g. % or ms");
    text("--direction", direction, "direction", "higher_is_better (default), lower_is_better or within_range");
    number("--target", target, "target_value", "The target value (higher_is_better, lower_is_better)");
    number("--min", min, "target_min", "Lower bound of the target range (within_range)");
    number("--max", max, "target_max", "Upper bound of the target range (within_range)");
    number("--warning", warning, "warning_threshold",
           "Far edge of the at-risk band (below the target if higher is better, above it if lower is better); none clears it");
    number("--margin", margin, "warning_margin", "within_range: how far outside the range is still at risk; none clears it");
    text("--frequency", frequency, "frequency", "How often a reading is expected: weekly, monthly (default), quarterly, yearly");
    text("--owner", owner, "owner", "Who owns the objective");
    text("--start", start, "start_date", "Start date, YYYY-MM-DD (default today)");
    text("--due", due, "due_date", "Date by which the objective is to be met, YYYY-MM-DD");
    text("--status", status, "status", "active, achieved or retired");
    list_opts.emplace_back(cmd->add_option("--risk", risks, "A linked risk id (repeatable; replaces the list, '' clears it)")
                               ->allow_extra_args(false),
                           "risk_refs");
    list_opts.emplace_back(cmd->add_option("--control", controls, "A linked control id, e.g. A.6.2.6 (repeatable; replaces the list)")
                               ->allow_extra_args(false),
                           "control_refs");
    plan_opt = cmd->add_option("--plan", plans,
                               "A plan as 'ACTION|RESOURCES|RESPONSIBLE|DUE' (repeatable; replaces the list, '' clears it)")
                   ->allow_extra_args(false);
    cmd->add_option("--file", file, "JSON object of fields ('-' for standard input); flags apply on top");
  }

  /// The request body; 0, or the exit code of a reported usage error.
  int build(json::object& body) const {
    if (!file.empty())
      if (int rc = read_json_object(file, "objective fields", body)) return rc;
    for (const auto& [opt, field] : text_opts)
      if (opt->count()) {
        auto v = opt->as<std::string>();
        if (std::string_view(field) == "system_id" && text::trim(v).empty()) body[field] = nullptr;
        else body[field] = v;
      }
    for (const auto& [opt, field] : number_opts) {
      if (!opt->count()) continue;
      auto v = text::trim(opt->as<std::string>());
      if (v.empty() || v == "none") {
        body[field] = nullptr;
        continue;
      }
      char* end = nullptr;
      errno = 0;
      double d = std::strtod(v.c_str(), &end);
      if (errno || end != v.c_str() + v.size()) return usage_error(opt->get_name() + " must be a number (or none), got '" + v + "'.");
      body[field] = d;
    }
    for (const auto& [opt, field] : list_opts) {
      if (!opt->count()) continue;
      json::array items;
      for (const auto& v : opt->as<std::vector<std::string>>())
        if (!text::trim(v).empty()) items.emplace_back(text::trim(v));
      body[field] = std::move(items);
    }
    if (plan_opt->count()) {
      json::array items;
      for (const auto& p : plans) {
        if (text::trim(p).empty()) continue;
        std::vector<std::string> parts;
        std::size_t start_at = 0;
        for (;;) {
          auto bar = p.find('|', start_at);
          parts.push_back(text::trim(p.substr(start_at, bar == std::string::npos ? std::string::npos : bar - start_at)));
          if (bar == std::string::npos) break;
          start_at = bar + 1;
        }
        if (parts.size() > 4) return usage_error("--plan takes ACTION|RESOURCES|RESPONSIBLE|DUE, got '" + p + "'.");
        parts.resize(4);
        json::object plan{{"action", parts[0]}, {"resources", parts[1]}, {"responsible", parts[2]}};
        plan["due_date"] = parts[3].empty() ? json::value(nullptr) : json::value(parts[3]);
        items.push_back(std::move(plan));
      }
      body["plans"] = std::move(items);
    }
    return 0;
  }
};

/// A number field of an objective with its unit ("85%", "200 ms"); "" when null.
std::string with_unit(const json::object& o, const char* key) {
  auto unit = string_of(o, "unit");
  auto s = number_text(o.if_contains(key));
  return s.empty() ? s : s + (unit.empty() ? "" : unit == "%" ? "%" : " " + unit);
}

std::string target_text(const json::object& o) {
  auto n = [&](const char* k) { return with_unit(o, k); };
  auto dir = string_of(o, "direction");
  if (dir == "within_range") return n("target_min") + " to " + n("target_max");
  return (dir == "lower_is_better" ? "<= " : ">= ") + n("target_value");
}

std::string latest_text(const json::object& derived) {
  const auto& l = object_at(derived, "latest_reading");
  if (l.empty()) return "-";
  return number_text(l.if_contains("value")) + " (" + string_of(l, "measured_on") + ")";
}

std::string derived_text(const json::object& derived) {
  auto s = status_words(string_of(derived, "status"));
  if (bool_of(derived, "reading_overdue")) s += ", reading overdue";
  return s;
}

void print_objective_done(const json::object& o, std::string_view what) {
  std::cout << what << " " << string_of(o, "key") << " (" << string_of(o, "id") << "): " << string_of(o, "title")
            << " (version " << int_of(o, "version").value_or(0) << ")\n";
}

void register_objective_list(CLI::App* parent, int& exit_code) {
  register_list_command(
      parent, exit_code,
      {"List AI objectives with their derived status", kObjectives, "Objectives per page, 1 to 500 (server default 50)",
       {{"--q", "q", "Search key, title, description, measure, owner and AI system"},
        {"--system", "system_id", "Only objectives of this AI system (sys_…), or none for organization-wide ones"},
        {"--status", "status", "active, achieved or retired", {"active", "achieved", "retired"}},
        {"--derived", "derived_status", "on_track, at_risk, off_track or no_data", {"on_track", "at_risk", "off_track", "no_data"}},
        {"--owner", "owner", "Only this owner (case-insensitive)"},
        {"--annex-c", "annex_c_objective", "Only objectives serving this Annex C objective, e.g. C.2.5"},
        {"--overdue", "overdue", "true: only objectives with a reading overdue; false: only the others", {"true", "false"}},
        {"--sort", "sort", "key, title, due_date, status, derived_status, owner, updated_at (leading - descends)"}},
       [](const ListResult& l, const NameValues&) {
         Table t({"key", "title", "annex_c", "ai_system", "target", "latest", "derived", "due", "owner"});
         t.set_max_width(1, 40);
         t.set_max_width(3, 24);
         t.set_max_width(8, 24);
         for (const auto& ob : objects_in(l.items)) {
           const auto& d = object_at(ob, "derived");
           auto system = string_of(ob, "system_name");
           t.add_row({string_of(ob, "key"), string_of(ob, "title"), string_of(ob, "annex_c_objective"),
                      system.empty() ? "(organization)" : system, target_text(ob), latest_text(d),
                      string_of(ob, "status") == "active" ? derived_text(d) : string_of(ob, "status"),
                      string_of(ob, "due_date"), string_of(ob, "owner")});
         }
         t.print(std::cout);
         print_list_summary(l, "objectives");
       },
       ListTotal::always});
}

void print_objective(const json::object& ob) {
  const auto& d = object_at(ob, "derived");
  auto system = string_of(ob, "system_name");
  std::cout << string_of(ob, "key") << "  " << string_of(ob, "title") << "\n\n";
  std::vector<std::pair<std::string, std::string>> f{
      {"status", string_of(ob, "status")},
      {"derived status", derived_text(d)},
      {"explanation", string_of(d, "explanation")},
      {"rule", string_of(d, "formula")},
      {"annex C objective", string_of(ob, "annex_c_objective") + " " + string_of(ob, "annex_c_title")},
      {"AI system", system.empty() ? "(the whole organization)" : system + " (" + string_of(ob, "system_id") + ")"},
      {"measure", string_of(ob, "measure") + (string_of(ob, "unit").empty() ? "" : " [" + string_of(ob, "unit") + "]")},
      {"direction", string_of(ob, "direction")},
      {"target", target_text(ob)},
      {"warning threshold", with_unit(ob, "warning_threshold")},
      {"warning margin", with_unit(ob, "warning_margin")},
      {"frequency", string_of(ob, "frequency")},
      {"latest reading", latest_text(d)},
      {"next reading due", string_of(d, "next_reading_due")},
      {"readings", std::to_string(int_of(ob, "readings_count").value_or(0))},
      {"owner", string_of(ob, "owner")},
      {"start", string_of(ob, "start_date")},
      {"due", string_of(ob, "due_date")},
      {"description", string_of(ob, "description")},
      {"risks", ob.if_contains("risk_refs") ? display(ob.at("risk_refs")) : ""},
      {"controls", ob.if_contains("control_refs") ? display(ob.at("control_refs")) : ""},
      {"id", string_of(ob, "id")},
      {"version", std::to_string(int_of(ob, "version").value_or(0))},
      {"changed", string_of(ob, "updated_at") + " by " + string_of(ob, "updated_by")}};
  print_fields(std::cout, f);
  auto plans = ob.if_contains("plans");
  if (!plans || !plans->is_array() || plans->get_array().empty()) {
    std::cout << "\nNo plan recorded yet (clause 6.2 asks what will be done, with what resources, by whom and when).\n";
    return;
  }
  std::cout << "\nPlans\n";
  int i = 0;
  for (const auto& pv : plans->get_array()) {
    if (!pv.is_object()) continue;
    const auto& p = pv.get_object();
    std::string line = string_of(p, "action");
    std::vector<std::string> extra;
    if (!string_of(p, "resources").empty()) extra.push_back("resources: " + string_of(p, "resources"));
    if (!string_of(p, "responsible").empty()) extra.push_back("responsible: " + string_of(p, "responsible"));
    if (!string_of(p, "due_date").empty()) extra.push_back("due " + string_of(p, "due_date"));
    if (bool_of(p, "done")) extra.push_back("done");
    if (!extra.empty()) line += " (" + text::join(extra, "; ") + ")";
    print_wrapped(std::cout, line, 2, std::to_string(++i) + ". ");
  }
}

void register_objective_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show one objective: its fields, plans and derived status", "The objective's key (OBJ-3) or id (obj_…)",
                        objective_path, print_objective});
}

void register_objective_create(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    ObjectiveFlags flags;
  } o;
  auto* cmd = parent->add_subcommand("create", "Set a new AI objective (it gets the next key, OBJ-n)");
  o.api.add_to(cmd);
  o.flags.add_to(cmd);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (int rc = o.flags.build(body)) return rc;
    if (body.empty())
      return usage_error("give at least --title, --annex-c, --measure, --target, --owner and --due, or --file FILE.json.");
    auto r = send_json(api, "POST", kObjectives, body);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& ob) { print_objective_done(ob, "Created"); });
  }));
}

void register_objective_update(CLI::App* parent, int& exit_code) {
  static ObjectiveFlags flags;
  register_update_command(
      parent, exit_code, flags,
      {"Change fields of an objective (only the flags given)", "The objective's key (OBJ-3) or id (obj_…)",
       "Change nothing unless the objective is still at this version", "objective",
       "nothing to change: give a field flag such as --target or --owner, or --file FILE.json.",
       objective_path,
       [](const http::ClientResponse& r, bool as_json, const json::object&) {
         return print_response(r, as_json, [](const json::object& ob) { print_objective_done(ob, "Updated"); });
       }});
}

/// Entries of the objective and of its readings: a reading's line starts with "reading".
void print_objective_history(const json::array& items) {
  print_change_history(items, number_text, [](const json::object& e) {
    return string_of(e, "record") == "reading" ? std::string("reading") : "v" + std::to_string(int_of(e, "version").value_or(0));
  });
}

void register_objective_history(CLI::App* parent, int& exit_code) {
  register_history_command(parent, exit_code,
                           {"Changes to the objective and readings added or deleted, newest first", "The objective's key (OBJ-3) or id (obj_…)",
                            [](const std::string& id) { return objective_path(id, "/history"); }, print_objective_history});
}

}  // namespace

void register_objective_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "objectives", "AI objectives (clause 6.2) with targets and readings (API client)", exit_code,
                    {register_objective_list, register_objective_get, register_objective_create, register_objective_update, register_objective_history,
                     register_objective_reading_commands});
}

}  // namespace aims::cli
