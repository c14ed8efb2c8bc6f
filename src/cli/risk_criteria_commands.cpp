// API client commands of the risk criteria: aims risk-criteria get|set. `set` starts from the
// current criteria (or a JSON file), applies the flags given and sends the whole with If-Match.
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/output.hpp"
#include "cli/risk_cli.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const std::string kCriteria = "/api/v1/risk-criteria";

std::string steps_text(const json::value* steps) {
  if (!steps || !steps->is_array()) return "";
  std::string out;
  std::size_t n = 0;
  for (const auto& s : steps->get_array()) {
    if (!s.is_object()) continue;
    auto d = string_of(s.get_object(), "description");
    out += (out.empty() ? "" : "\n") + std::to_string(++n) + " " + string_of(s.get_object(), "label") + (d.empty() ? "" : " — " + d);
  }
  return out;
}

std::size_t count(const json::object& c, std::string_view key) {
  auto p = c.if_contains(key);
  return p && p->is_array() ? p->get_array().size() : 0;
}

/// "5 × 5, accepted up to medium by admin, manager".
std::string summary(const json::object& c) {
  std::string roles;
  if (auto r = c.if_contains("accept_roles"); r && r->is_array()) roles = display(*r);
  return std::to_string(count(c, "likelihood")) + " × " + std::to_string(count(c, "impact")) + ", accepted up to " +
         string_of(c, "acceptance_threshold") + " by " + roles;
}

void print_criteria(const json::object& c) {
  std::string levels;
  if (auto l = c.if_contains("levels"); l && l->is_array())
    for (const auto& v : l->get_array())
      levels += (levels.empty() ? "" : "\n") + string_of(v.as_object(), "id") + " — " + string_of(v.as_object(), "name") + " (" +
                string_of(v.as_object(), "colour") + ")";
  auto version = int_of(c, "version").value_or(0);
  print_fields(std::cout, {{"likelihood", steps_text(c.if_contains("likelihood"))},
                           {"impact", steps_text(c.if_contains("impact"))},
                           {"levels", levels},
                           {"acceptance threshold", string_of(c, "acceptance_threshold")},
                           {"accepted by", c.if_contains("accept_roles") ? display(*c.if_contains("accept_roles")) : ""},
                           {"version", version ? std::to_string(version) + " (" + string_of(c, "updated_at") + " by " + string_of(c, "updated_by") + ")"
                                               : "0 (the defaults)"}});
  auto m = c.if_contains("matrix");
  if (!m || !m->is_array()) return;
  std::cout << "\nLevels by likelihood (rows) and impact (columns):\n";
  std::vector<std::string> head{"likelihood \\ impact"};
  for (std::size_t i = 1; i <= count(c, "impact"); ++i) head.push_back(std::to_string(i));
  Table t(head);
  const auto& rows = m->get_array();
  for (std::size_t r = rows.size(); r-- > 0;) {
    std::vector<std::string> cells{std::to_string(r + 1)};
    for (const auto& cell : rows[r].as_array()) cells.push_back(display(cell));
    t.add_row(std::move(cells));
  }
  t.print(std::cout);
}

void register_risk_criteria_get(CLI::App* parent, int& exit_code) {
  register_show_command(parent, exit_code, "get", "Show the risk criteria: scales, levels, matrix, acceptance", kCriteria, print_criteria);
}

void register_risk_criteria_set(CLI::App* parent, int& exit_code) {
  static struct {
    std::string file, threshold, roles;
  } o;
  register_set_document_command(
      parent, exit_code,
      {"Change the risk criteria (admin only): from a JSON file and/or flags", kCriteria, "the risk criteria",
       [](CLI::App* cmd) {
         cmd->add_option("--file", o.file, "The whole criteria as JSON, e.g. edited output of 'risk-criteria get --json' ('-': standard input)");
         cmd->add_option("--threshold", o.threshold, "The highest level that may be accepted, e.g. medium");
         cmd->add_option("--accept-roles", o.roles, "Who may accept risks: a comma-separated subset of admin, manager, contributor");
       },
       [] {
         if (o.file.empty() && o.threshold.empty() && o.roles.empty())
           return usage_error("nothing to change: give --file FILE.json, --threshold LEVEL or --accept-roles ROLES.");
         return 0;
       },
       [](json::object& body) {
         if (!o.file.empty())
           if (int rc = read_json_object(o.file, "risk criteria", body)) return rc;
         if (!o.threshold.empty()) body["acceptance_threshold"] = o.threshold;
         if (!o.roles.empty()) {
           json::array roles;
           for (auto& r : text::split_list(o.roles, ',')) roles.emplace_back(r);
           body["accept_roles"] = std::move(roles);
         }
         return 0;
       },
       [](const json::object& c) {
         std::cout << "Saved the risk criteria as version " << int_of(c, "version").value_or(0) << ": " << summary(c) << "\n";
       }});
}

}  // namespace

void register_risk_criteria_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "risk-criteria", "The risk criteria: likelihood × impact matrix and acceptance (API client)", exit_code,
                    {register_risk_criteria_get, register_risk_criteria_set});
}

}  // namespace aims::cli
