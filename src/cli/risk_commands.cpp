// API client commands of the AI risk register: aims risks list|get|create|update (accept,
// withdraw, history and heatmap are in risk_review_commands.cpp). They talk to a running server
// with an API token (see api_session.hpp) and print text, or the server's JSON with --json.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iostream>
#include <span>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"
#include "cli/risk_cli.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

constexpr std::string_view kListFields[] = {"risk_sources", "objectives", "existing_controls", "planned_controls"};
constexpr std::string_view kIntFields[] = {"inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"};
constexpr std::string_view kNullable[] = {"system_id", "treatment", "due_date", "review_date"};

bool one_of(std::span<const std::string_view> set, std::string_view v) { return std::find(set.begin(), set.end(), v) != set.end(); }

/// Sets one `KEY=VALUE` of --field: lists split on ';', steps as numbers, an empty system_id,
/// treatment or date as null, everything else text. Unknown keys go to the server to judge.
std::optional<std::string> set_field_risk(json::object& body, const std::string& key, std::string_view value) {
  if (one_of(kListFields, key)) {
    json::array items;
    for (auto& item : text::split_list(value, ';')) items.emplace_back(item);
    body[key] = std::move(items);
  } else if (one_of(kIntFields, key)) {
    auto v = text::trim(value);
    int n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size()) return "--field " + key + " must be a whole number.";
    body[key] = n;
  } else if (one_of(kNullable, key) && text::trim(value).empty()) {
    body[key] = nullptr;
  } else {
    body[key] = value;
  }
  return std::nullopt;
}

/// --field and --file of risks create and update.
struct RiskFields : FieldOptions {
  void add_to(CLI::App* cmd) {
    FieldOptions::add_to(cmd, "KEY=VALUE of a field (repeatable); lists as a;b;c, an empty system_id, treatment or date clears it");
  }
  int build(json::object& body) const { return FieldOptions::build(body, "risk", "owner=\"Risk team\"", set_field_risk); }
};

std::string or_dash(std::string s) { return s.empty() ? "-" : s; }

std::string system_text(const json::object& r) {
  auto name = string_of(r, "system_name");
  auto id = string_of(r, "system_id");
  if (id.empty()) return "organization-wide";
  return name.empty() ? id : name + " (" + id + ")";
}

/// "accepted by m@x (manager) on 2026-03-01 until 2027-03-01: RATIONALE", or the state alone.
std::string acceptance_text(const json::object& r) {
  auto state = string_of(r, "acceptance_state");
  auto a = r.if_contains("acceptance");
  if (!a || !a->is_object()) return state;
  const auto& o = a->get_object();
  std::string out = state + ": accepted by " + string_of(o, "accepted_by") + " (" + string_of(o, "accepted_role") + ") on " +
                    string_of(o, "accepted_at").substr(0, 10) + " until " + string_of(o, "expires_on") + " — " +
                    string_of(o, "rationale");
  if (!string_of(o, "withdrawn_at").empty())
    out += "\nwithdrawn by " + string_of(o, "withdrawn_by") + " on " + string_of(o, "withdrawn_at").substr(0, 10) + ": " +
           string_of(o, "withdrawn_reason");
  return out;
}

/// "4 × 4 = 16, Critical".
std::string cell_text_risk(const json::value* s) {
  if (!s || !s->is_object()) return "";
  const auto& o = s->get_object();
  std::string level;
  if (auto l = o.if_contains("level"); l && l->is_object()) level = string_of(l->get_object(), "name");
  return std::to_string(int_of(o, "likelihood").value_or(0)) + " × " + std::to_string(int_of(o, "impact").value_or(0)) + " = " +
         std::to_string(int_of(o, "score").value_or(0)) + ", " + level;
}

/// The server's count of risks past their review date, from the first page.
std::int64_t overdue_reviews(const ListResult& l) {
  return int_of(json::parse(l.first_body).as_object(), "overdue_reviews").value_or(0);
}

void print_risk_table(const json::array& items) {
  Table t({"id", "title", "system", "inherent", "residual", "status", "acceptance", "owner", "review"});
  t.set_max_width(1, 44);
  t.set_max_width(2, 24);
  t.set_max_width(7, 20);
  for (const auto& r : objects_in(items)) {
    auto review = string_of(r, "review_date");
    if (bool_of(r, "review_overdue")) review += " overdue";
    t.add_row({string_of(r, "id"), string_of(r, "title"), string_of(r, "system_id").empty() ? "-" : string_of(r, "system_name"),
               score_text(r.if_contains("inherent")), score_text(r.if_contains("residual")), string_of(r, "status"),
               string_of(r, "acceptance_state"), or_dash(string_of(r, "owner")), or_dash(review)});
  }
  t.print(std::cout);
}

/// "Created R-3: TITLE (inherent 16 critical, residual 8 medium)".
int print_risk_done(const http::ClientResponse& r, bool as_json, std::string_view what) {
  return print_response(r, as_json, [what](const json::object& o) {
    std::cout << what << " " << string_of(o, "id") << ": " << string_of(o, "title") << " (version "
              << int_of(o, "version").value_or(0) << "; inherent " << score_text(o.if_contains("inherent")) << ", residual "
              << score_text(o.if_contains("residual")) << ")\n";
  });
}

void register_risk_list(CLI::App* parent, int& exit_code) {
  register_list_command(
      parent, exit_code,
      {"List risks: id, title, system, inherent and residual level, status, acceptance", kRisks,
       "Risks per page, 1 to 500 (server default 50)",
       {{"--q", "q", "Search id, title, description, owner, AI system, plan and controls"},
        {"--system", "system_id", "Only the risks of this AI system (sys_…), or none for organization-wide ones"},
        {"--status", "status", "open, treating, monitoring or closed", {"open", "treating", "monitoring", "closed"}},
        {"--inherent-level", "inherent_level", "A level of the risk criteria, e.g. critical"},
        {"--residual-level", "residual_level", "A level of the risk criteria, e.g. high"},
        {"--owner", "owner", "The owner (whole value, any case)"},
        {"--treatment", "treatment", "modify, avoid, share, retain, or none", {"modify", "avoid", "share", "retain", "none"}},
        {"--acceptance", "acceptance", "none, accepted, expired, withdrawn or exceeds_threshold",
         {"none", "accepted", "expired", "withdrawn", "exceeds_threshold"}},
        {"--control", "control", "Only risks whose planned controls include this one, e.g. A.6.2.4"},
        {"--overdue", "overdue", "Only risks past their review date", {}, true},
        {"--sort", "sort", "number, title, status, owner, inherent, residual, due_date, review_date, updated_at (leading - descends)"}},
       [](const ListResult& l, const NameValues& filters) {
         if (l.items.empty()) {
           std::cout << "No risks" << (filters.empty() ? " yet; register one with 'aims risks create'." : " match these filters.") << "\n";
           return;
         }
         print_risk_table(l.items);
         std::cout << "\n" << l.items.size() << " of " << l.total.value_or(static_cast<std::int64_t>(l.items.size())) << " risks; "
                   << overdue_reviews(l) << " with an overdue review" << (l.next ? " (more with --all)" : "") << "\n";
       },
       ListTotal::always,
       [](ListResult& l, bool all) {
         if (!all) return print_body(std::cout, l.first_body);
         json::object out{{"items", std::move(l.items)}, {"total", l.total.value_or(0)}, {"overdue_reviews", overdue_reviews(l)}};
         print_body(std::cout, json::serialize(out));
       }});
}

void print_risk(const json::object& k) {
  auto date = [&](const char* key, const char* overdue) {
    auto d = string_of(k, key);
    return d.empty() ? std::string() : d + (bool_of(k, overdue) ? " (overdue)" : "");
  };
  auto list = [&](const char* key) { return k.if_contains(key) ? display(*k.if_contains(key)) : std::string(); };
  print_fields(std::cout, {{"id", string_of(k, "id")},
                           {"title", string_of(k, "title")},
                           {"description", string_of(k, "description")},
                           {"system", system_text(k)},
                           {"risk sources", list("risk_sources")},
                           {"objectives", list("objectives")},
                           {"inherent", cell_text_risk(k.if_contains("inherent"))},
                           {"existing controls", list("existing_controls")},
                           {"treatment", string_of(k, "treatment")},
                           {"treatment plan", string_of(k, "treatment_plan")},
                           {"planned controls", list("planned_controls")},
                           {"residual", cell_text_risk(k.if_contains("residual"))},
                           {"residual rationale", string_of(k, "residual_rationale")},
                           {"owner", string_of(k, "owner")},
                           {"due date", date("due_date", "treatment_overdue")},
                           {"review date", date("review_date", "review_overdue")},
                           {"status", string_of(k, "status")},
                           {"acceptance", acceptance_text(k)},
                           {"version", std::to_string(int_of(k, "version").value_or(0))},
                           {"updated", string_of(k, "updated_at") + " by " + string_of(k, "updated_by")}});
}

void register_risk_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show one risk with its scores, treatment and acceptance", "The risk's id, e.g. R-3",
                        risk_path, print_risk});
}

void register_risk_create(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string title, system;
    int likelihood = 0, impact = 0;
    RiskFields fields;
  } o;
  auto* cmd = parent->add_subcommand("create", "Register a risk (--title, --likelihood and --impact, or --file)");
  o.api.add_to(cmd);
  cmd->add_option("--title", o.title, "What could go wrong");
  cmd->add_option("--likelihood", o.likelihood, "Inherent likelihood: a step of the criteria's scale, from 1")->check(CLI::Range(1, 7));
  cmd->add_option("--impact", o.impact, "Inherent impact: a step of the criteria's scale, from 1")->check(CLI::Range(1, 7));
  cmd->add_option("--system", o.system, "The AI system it belongs to (sys_…); none for an organization-wide risk");
  o.fields.add_to(cmd);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (int rc = o.fields.build(body)) return rc;
    if (!o.title.empty()) body["title"] = o.title;
    if (o.likelihood > 0) body["inherent_likelihood"] = o.likelihood;
    if (o.impact > 0) body["inherent_impact"] = o.impact;
    if (!o.system.empty() && o.system != "none") body["system_id"] = o.system;
    if (body.empty()) return usage_error("give --title, --likelihood and --impact (and any --field KEY=VALUE), or --file FILE.json.");
    auto r = send_json(api, "POST", kRisks, body);
    return r ? print_risk_done(*r, o.api.json, "Created") : kExitFailed;
  }));
}

/// Prints an updated risk, and that its acceptance was withdrawn when the change withdrew it.
int print_updated(const http::ClientResponse& r, bool as_json, const json::object& before) {
  int rc = print_risk_done(r, as_json, "Updated");
  if (rc == 0 && !as_json) {
    auto after = object_of(r);
    if (after && string_of(before, "acceptance_state") == "accepted" && string_of(*after, "acceptance_state") == "withdrawn")
      if (auto a = after->if_contains("acceptance"); a && a->is_object())
        std::cout << "The acceptance was withdrawn: " << string_of(a->get_object(), "withdrawn_reason") << "\n";
  }
  return rc;
}

void register_risk_update(CLI::App* parent, int& exit_code) {
  static RiskFields fields;
  register_update_command(parent, exit_code, fields,
                          {"Change fields of a risk (--field KEY=VALUE ... or --file)", "The risk's id, e.g. R-3",
                           "Change nothing unless the risk is still at this version", "risk",
                           "nothing to change: give --field KEY=VALUE or --file FILE.json.",
                           risk_path, print_updated});
}

}  // namespace

std::string score_text(const json::value* score) {
  if (!score || !score->is_object()) return "";
  const auto& o = score->get_object();
  std::string level;
  if (auto l = o.if_contains("level"); l && l->is_object()) level = string_of(l->get_object(), "id");
  return std::to_string(int_of(o, "score").value_or(0)) + " " + level;
}

void register_risk_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "risks", "The AI risk register (API client)", exit_code,
                    {register_risk_list, register_risk_get, register_risk_create, register_risk_update, register_risk_review_commands});
  register_risk_criteria_commands(app, exit_code);
}

}  // namespace aims::cli
