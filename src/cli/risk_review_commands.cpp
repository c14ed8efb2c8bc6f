// API client commands that review risks: aims risks accept|withdraw|history|heatmap. Same
// conventions as risk_commands.cpp.
#include <unistd.h>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/history_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "cli/risk_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

void register_accept(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string rationale, expires;
    bool yes = false;
  } o;
  auto* cmd = add_id_command(parent, "accept", "Formally accept the residual risk (roles the risk criteria allow)", o,
                             "The risk's id, e.g. R-3");
  cmd->add_option("--rationale", o.rationale, "Why the residual risk is acceptable")->required();
  cmd->add_option("--expires", o.expires, "The date the acceptance lapses, YYYY-MM-DD (within five years)")->required();
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto current = read_for_change(api, risk_path(o.id), o.id);
    if (!current) return kExitFailed;
    if (!o.yes && isatty(STDIN_FILENO)) {
      auto k = object_of(current->response);
      if (!k) return kExitFailed;
      if (!confirm("Accept risk " + o.id + " (residual " + score_text(k->if_contains("residual")) + ") until " + o.expires + "?"))
        return fail("not accepted.");
    }
    json::object body{{"rationale", o.rationale}, {"expires_on", o.expires}};
    auto r = send_json(api, "POST", risk_path(o.id, "/acceptance"), body, current->etag);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& k) {
      std::cout << "Accepted " << string_of(k, "id") << " until " << o.expires << " (residual " << score_text(k.if_contains("residual"))
                << ")\n";
    });
  }));
}

void register_withdraw(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string reason;
  } o;
  auto* cmd = add_id_command(parent, "withdraw", "Withdraw the acceptance in force of a risk", o,
                             "The risk's id, e.g. R-3");
  cmd->add_option("--reason", o.reason, "Why the acceptance no longer holds");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto current = read_for_change(api, risk_path(o.id), o.id);
    if (!current) return kExitFailed;
    json::object body;
    if (!o.reason.empty()) body["reason"] = o.reason;
    auto r = send_json(api, "POST", risk_path(o.id, "/acceptance/withdraw"), body, current->etag);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& k) {
      std::cout << "Withdrew the acceptance of " << string_of(k, "id") << ": " << string_of(k, "title") << "\n";
    });
  }));
}

/// A history value for people: an acceptance in words, lists joined, "-" when empty.
std::string change_value(const json::value* v) {
  if (!v) return "-";
  if (v->is_object()) {
    const auto& a = v->get_object();
    std::string s = "accepted by " + string_of(a, "accepted_by") + " until " + string_of(a, "expires_on");
    if (!string_of(a, "withdrawn_at").empty()) s += ", withdrawn by " + string_of(a, "withdrawn_by");
    return s;
  }
  return display(*v);
}

void register_risk_review_history(CLI::App* parent, int& exit_code) {
  register_history_command(parent, exit_code,
                           {"Who changed what and when, newest first", "The risk's id, e.g. R-3",
                            [](const std::string& id) { return risk_path(id, "/history"); },
                            [](const json::array& items) { print_change_history(items, change_value); }});
}

void print_grid(const json::object& m, std::string_view which) {
  const auto* l = m.if_contains("likelihood");
  const auto* i = m.if_contains("impact");
  const auto* g = m.if_contains(which);
  if (!l || !i || !g || !l->is_array() || !i->is_array() || !g->is_array()) return;
  std::vector<std::string> head{"likelihood \\ impact"};
  for (std::size_t c = 0; c < i->get_array().size(); ++c)
    head.push_back(std::to_string(c + 1) + " " + string_of(i->get_array()[c].as_object(), "label"));
  Table t(head);
  const auto& rows = g->get_array();
  for (std::size_t r = rows.size(); r-- > 0;) {
    std::vector<std::string> cells{std::to_string(r + 1) + " " + string_of(l->get_array()[r].as_object(), "label")};
    for (const auto& n : rows[r].as_array()) cells.push_back(n.as_int64() ? std::to_string(n.as_int64()) : "·");
    t.add_row(std::move(cells));
  }
  t.print(std::cout);
}

void register_heatmap(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string system;
  } o;
  auto* cmd = parent->add_subcommand("heatmap", "Risks per cell of the criteria's matrix, inherent and residual");
  o.api.add_to(cmd);
  cmd->add_option("--system", o.system, "Only this AI system's risks (sys_…), or none for organization-wide ones");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q;
    if (!o.system.empty()) q.emplace_back("system_id", o.system);
    auto r = api.get(http::make_target("/api/v1/risks/heatmap", q));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& m) {
      std::cout << "Inherent (" << int_of(m, "total").value_or(0) << " risks not closed)\n";
      print_grid(m, "inherent");
      std::cout << "\nResidual\n";
      print_grid(m, "residual");
      std::cout << "\n" << int_of(m, "overdue_reviews").value_or(0) << " overdue review(s), "
                << int_of(m, "expired_acceptances").value_or(0) << " expired acceptance(s)\n";
    });
  }));
}

}  // namespace

void register_risk_review_commands(CLI::App* risks, int& exit_code) {
  register_accept(risks, exit_code);
  register_withdraw(risks, exit_code);
  register_risk_review_history(risks, exit_code);
  register_heatmap(risks, exit_code);
}

}  // namespace aims::cli
