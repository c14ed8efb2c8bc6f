// API client commands of retention and legal hold: aims retention show|set (set starts from the
// current periods, changes one and sends the whole with If-Match; admins only) and aims hold
// set|release KIND ID --reason TEXT (admins only).
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const std::string kRetention = "/api/v1/retention";

void print_periods(const json::object& s) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& [key, months] : s.at("periods").as_object()) fields.emplace_back(std::string(key), display(months) + " months");
  if (fields.empty()) fields.emplace_back("periods", "none set");
  fields.emplace_back("version", std::to_string(int_of(s, "version").value_or(0)));
  print_fields(std::cout, fields);
}

void register_retention_show(CLI::App* parent, int& exit_code) {
  register_show_command(parent, exit_code, "show", "Show the retention periods by record kind (months)", kRetention, print_periods);
}

void register_retention_set(CLI::App* parent, int& exit_code) {
  static struct {
    std::string key;
    int months = 0;
    bool clear = false;
  } o;
  register_set_document_command(
      parent, exit_code,
      {"Set (or --clear) the retention period of a record kind (admin only)", kRetention, "the retention periods",
       [](CLI::App* cmd) {
         cmd->add_option("kind", o.key, "The record kind, or kind:type (e.g. document:policy)")->required();
         cmd->add_option("months", o.months, "The period in months (1-1200)");
         cmd->add_flag("--clear", o.clear, "Remove the kind's period");
       },
       [] { return o.clear == (o.months != 0) ? usage_error("give the months, or --clear.") : 0; },
       [](json::object& now) {
         auto periods = now.at("periods").as_object();
         if (o.clear) periods.erase(o.key);
         else periods[o.key] = o.months;
         now = json::object{{"periods", std::move(periods)}};
         return 0;
       },
       [](const json::object& s) {
         std::cout << "Saved the retention periods as version " << int_of(s, "version").value_or(0) << ".\n";
         print_periods(s);
       }});
}

void register_hold_action(CLI::App* parent, int& exit_code, bool on) {
  static struct Options {
    ApiOptions api;
    std::string kind, id, reason;
  } set_o, release_o;
  auto& o = on ? set_o : release_o;
  auto* cmd = parent->add_subcommand(on ? "set" : "release", on ? "Place a record under legal hold (admin only)"
                                                                  : "Release a record's legal hold (admin only)");
  o.api.add_to(cmd);
  cmd->add_option("kind", o.kind, "The record kind (e.g. risk, context_issue) or system")->required();
  cmd->add_option("id", o.id, "The record's id, e.g. R-3")->required();
  cmd->add_option("--reason", o.reason, on ? "Why the record is held" : "Why the hold ends")->required();
  cmd->callback(with_session(o.api, exit_code, [&o, on](ApiSession& api) {
    auto r = send_json(api, "POST", on ? "/api/v1/legal-holds" : "/api/v1/legal-holds/release",
                       json::object{{"kind", o.kind}, {"record_id", o.id}, {"reason", o.reason}});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [on](const json::object& h) {
      std::cout << (on ? "Placed " : "Released ") << "the legal hold of " << string_of(h, "kind") << " "
                << string_of(h, "record_id") << ".\n";
    });
  }));
}

void register_hold_set(CLI::App* parent, int& exit_code) { register_hold_action(parent, exit_code, true); }
void register_hold_release(CLI::App* parent, int& exit_code) { register_hold_action(parent, exit_code, false); }

}  // namespace

void register_retention_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "retention", "Retention periods of records (API client)", exit_code, {register_retention_show, register_retention_set});
  add_command_group(app, "hold", "Legal holds: a held record cannot be archived (API client)", exit_code,
                    {register_hold_set, register_hold_release});
}

}  // namespace aims::cli
