// API client commands of the organization settings: aims org-settings get|set. `set` starts from
// the current settings, applies the flags given and sends the whole with If-Match (admins only).
// The organization profile (EU AI Act roles, fiscal year start, review interval) is shown and set
// the same way.
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
  std::string roles;
  if (auto p = s.if_contains("ai_roles"); p && p->is_array())
    for (const auto& r : p->as_array()) roles += (roles.empty() ? "" : ", ") + std::string(r.is_string() ? r.as_string() : "");
  fields.emplace_back("EU AI Act roles", roles.empty() ? "none" : roles);
  fields.emplace_back("fiscal year starts in month", std::to_string(int_of(s, "fiscal_year_start_month").value_or(1)));
  fields.emplace_back("default review interval (months)", std::to_string(int_of(s, "review_interval_months").value_or(12)));
  auto version = int_of(s, "version").value_or(0);
  fields.emplace_back("version", version ? std::to_string(version) + " (" + string_of(s, "updated_at") + " by " + string_of(s, "updated_by") + ")"
                                         : "0 (the defaults)");
  print_fields(std::cout, fields);
}

void register_org_settings_get(CLI::App* parent, int& exit_code) {
  register_show_command(parent, exit_code, "get", "Show the organization settings: segregation of duties per workflow", kSettings,
                        print_settings);
}

void register_org_settings_set(CLI::App* parent, int& exit_code) {
  static struct {
    std::string impact, risk, soa, justification;
    std::vector<std::string> ai_roles;
    CLI::Option* roles = nullptr;
    int fiscal_month = 0, review_months = 0;
  } o;
  register_set_document_command(
      parent, exit_code,
      {"Change the organization settings (admin only)", kSettings, "the organization settings",
       [](CLI::App* cmd) {
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
         o.roles = cmd->add_option("--ai-roles", o.ai_roles,
                                   "The organization's EU AI Act roles (provider, deployer, importer, distributor, product_manufacturer, "
                                   "authorised_representative); \"none\" for none")
                       ->delimiter(',');
         cmd->add_option("--fiscal-year-start", o.fiscal_month, "The first month of the fiscal year (1 to 12)")->check(CLI::Range(1, 12));
         cmd->add_option("--review-interval", o.review_months, "The default review interval in months (1 to 60)")->check(CLI::Range(1, 60));
       },
       [] {
         bool profile = o.roles->count() > 0 || o.fiscal_month > 0 || o.review_months > 0;
         if (o.impact.empty() && o.risk.empty() && o.soa.empty() && o.justification.empty() && !profile)
           return usage_error("nothing to change: give --impact-approval, --risk-acceptance, --soa-approval, "
                              "--soa-justification (on or off), --ai-roles, --fiscal-year-start or --review-interval.");
         return 0;
       },
       [](json::object& now) {
         json::object sod;
         if (auto p = now.if_contains("segregation_of_duties"); p && p->is_object()) sod = p->as_object();
         const std::pair<const std::string*, const char*> flags[] = {
             {&o.impact, "impact_approval"}, {&o.risk, "risk_acceptance"}, {&o.soa, "soa_approval"}};
         for (auto [flag, key] : flags)
           if (!flag->empty()) sod[key] = *flag == "on";
         json::object body{{"segregation_of_duties", std::move(sod)}};
         if (!o.justification.empty()) body["soa_justification_required"] = o.justification == "on";
         if (o.roles->count() > 0) {
           json::array a;
           for (const auto& r : o.ai_roles)
             if (r != "none") a.push_back(json::value(r));
           body["ai_roles"] = std::move(a);
         }
         if (o.fiscal_month > 0) body["fiscal_year_start_month"] = o.fiscal_month;
         if (o.review_months > 0) body["review_interval_months"] = o.review_months;
         now = std::move(body);
         return 0;
       },
       [](const json::object& s) {
         std::cout << "Saved the organization settings as version " << int_of(s, "version").value_or(0) << ".\n";
         print_settings(s);
       }});
}

}  // namespace

void register_org_settings_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "org-settings", "The organization settings: segregation of duties, SoA justifications, the organization profile (API client)", exit_code,
                    {register_org_settings_get, register_org_settings_set});
}

}  // namespace aims::cli
