// API client commands of the organization settings: aims org-settings get|set. `set` starts from
// the current settings, applies the flags given and sends the whole with If-Match (admins only).
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const std::string kSettings = "/api/v1/org-settings";
constexpr std::pair<const char*, const char*> kDuties[] = {
    {"impact_approval", "impact assessment approval"},
    {"risk_acceptance", "risk acceptance"},
    {"soa_approval", "SoA approval"},
};

std::string on_off(const json::object& sod, const char* key) {
  auto v = sod.if_contains(key);
  return v && v->is_bool() ? (v->as_bool() ? "on" : "off") : "";
}

void print_settings(const json::object& s) {
  json::object sod;
  if (auto p = s.if_contains("segregation_of_duties"); p && p->is_object()) sod = p->as_object();
  std::vector<std::pair<std::string, std::string>> fields;
  for (auto [key, label] : kDuties) fields.emplace_back(std::string("segregation: ") + label, on_off(sod, key));
  fields.emplace_back("SoA approval needs every justification", on_off(s, "soa_justification_required"));
  auto version = int_of(s, "version").value_or(0);
  fields.emplace_back("version", version ? std::to_string(version) + " (" + string_of(s, "updated_at") + " by " + string_of(s, "updated_by") + ")"
                                         : "0 (the defaults)");
  print_fields(std::cout, fields);
}

void register_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show the organization settings: segregation of duties per workflow", "",
                        [](const std::string&) { return kSettings; }, print_settings});
}

void register_set(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string impact, risk, soa, justification;
  } o;
  auto* cmd = parent->add_subcommand("set", "Change the organization settings (admin only)");
  o.api.add_to(cmd);
  const std::vector<std::string> values{"on", "off"};
  cmd->add_option("--impact-approval", o.impact, "Segregate impact assessment approval from its submitter: on or off")
      ->check(CLI::IsMember(values));
  cmd->add_option("--risk-acceptance", o.risk, "Segregate risk acceptance from the risk's creator and last editor: on or off")
      ->check(CLI::IsMember(values));
  cmd->add_option("--soa-approval", o.soa, "Segregate SoA approval from those who changed entries since the last version: on or off")
      ->check(CLI::IsMember(values));
  cmd->add_option("--soa-justification", o.justification,
                  "Refuse SoA approval while an applicable control has no justification: on or off")
      ->check(CLI::IsMember(values));
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (o.impact.empty() && o.risk.empty() && o.soa.empty() && o.justification.empty())
      return usage_error("nothing to change: give --impact-approval, --risk-acceptance, --soa-approval or "
                         "--soa-justification (on or off).");
    // The current version makes the server refuse the change if someone else changes the settings meanwhile.
    auto current = read_for_change(api, kSettings, "the organization settings");
    if (!current) return kExitFailed;
    auto now = object_of(current->response);
    if (!now) return kExitFailed;
    json::object sod;
    if (auto p = now->if_contains("segregation_of_duties"); p && p->is_object()) sod = p->as_object();
    const std::pair<const std::string*, const char*> flags[] = {
        {&o.impact, "impact_approval"}, {&o.risk, "risk_acceptance"}, {&o.soa, "soa_approval"}};
    for (auto [flag, key] : flags)
      if (!flag->empty()) sod[key] = *flag == "on";
    json::object body{{"segregation_of_duties", std::move(sod)}};
    if (!o.justification.empty()) body["soa_justification_required"] = o.justification == "on";
    auto r = send_json(api, "PUT", kSettings, body, current->etag);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& s) {
      std::cout << "Saved the organization settings as version " << int_of(s, "version").value_or(0) << ".\n";
      print_settings(s);
    });
  }));
}

}  // namespace

void register_org_settings_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "org-settings", "The organization settings: segregation of duties, SoA justifications (API client)", exit_code,
                    {register_get, register_set});
}

}  // namespace aims::cli
