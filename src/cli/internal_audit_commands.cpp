// aims internal-audit start|checklist|report|sign-off|coverage (docs/internal-audit.md): the audit
// workflow added under the `internal-audit` command of the field-driven kind. Changes read the
// audit first and send its ETag back as If-Match. Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/internal_audit_commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

const RecordPath audit_path{"/api/v1/internal-audits"};
constexpr const char* kAuditId = "The audit, e.g. IA-1";

struct InternalAuditOptions : IdOptions {
  std::string conclusion, as, statement, result;
  int cycle_start = 0;
};

/// Reads the audit for its ETag, then POSTs `body` to its `tail` with If-Match.
std::optional<http::ClientResponse> post_changed_internal_audit(ApiSession& api, const std::string& id, const std::string& tail, const json::object& body) {
  return post_with_etag(api, audit_path(id), "internal audit", id, audit_path(id, tail), body);
}

void print_status(const json::object& o) { std::cout << string_of(o, "id") << " is " << string_of(o, "status") << ".\n"; }

}  // namespace

void register_internal_audit_commands(CLI::App& app, int& exit_code) {
  auto* audit = app.get_subcommand("internal-audit");
  if (!audit) return;

  register_action_command(audit, exit_code,
                          {"start", "Start a planned audit and generate its checklist (admin, manager, auditor)", kAuditId,
                           [](const std::string& id) { return audit_path(id, "/start"); },
                           [](const http::ClientResponse& r, bool as_json) {
                             return print_response(r, as_json, [](const json::object& o) {
                               std::cout << string_of(o, "id") << " is in progress; its checklist has "
                                         << json::serialize(o.at("checklist_rows")) << " rows.\n";
                             });
                           },
                           [](const std::string& id) { return audit_path(id); }, "internal audit"});

  static InternalAuditOptions l;
  auto* list = add_id_command(audit, "checklist", "The checklist's rows of an audit", l, kAuditId);
  list->add_option("--result", l.result, "Only rows with this result (conforming, nc_raised, observation, ofi, not_sampled, none)");
  list->callback(with_session(l.api, exit_code, [](ApiSession& api) {
    auto r = api.get(audit_path(l.id, "/checklist") + "?limit=500" + (l.result.empty() ? "" : "&result=" + l.result));
    if (!r) return kExitFailed;
    return print_response(*r, l.api.json, [](const json::object& o) {
      Table t({"Requirement", "Title", "Result", "Examined"});
      for (const auto& v : o.at("items").as_array()) {
        const auto& row = v.as_object();
        t.add_row({string_of(row, "id"), string_of(row, "title"), string_of(row, "result"), string_of(row, "examined")});
      }
      t.print(std::cout);
      for (const auto& v : o.at("skipped").as_array())
        std::cout << "Skipped " << string_of(v.as_object(), "id") << " (excluded in the SoA: " << string_of(v.as_object(), "reason") << ")\n";
    });
  }));

  static InternalAuditOptions rep;
  auto* report = add_id_command(audit, "report", "Report an audit in progress with its conclusion (admin, manager, auditor)", rep, kAuditId);
  report->add_option("--conclusion", rep.conclusion, "The audit's conclusion")->required();
  report->callback(with_session(rep.api, exit_code, [](ApiSession& api) {
    auto r = post_changed_internal_audit(api, rep.id, "/report", json::object{{"conclusion", rep.conclusion}});
    if (!r) return kExitFailed;
    return print_response(*r, rep.api.json, print_status);
  }));

  static InternalAuditOptions so;
  auto* sign = add_id_command(audit, "sign-off", "Sign off a reported audit as its lead auditor or as an auditee", so, kAuditId);
  sign->add_option("--as", so.as, "lead_auditor or auditee")->required();
  sign->add_option("--statement", so.statement, "A statement recorded with the sign-off");
  sign->callback(with_session(so.api, exit_code, [](ApiSession& api) {
    json::object body{{"as", so.as}};
    if (!so.statement.empty()) body["statement"] = so.statement;
    auto r = post_changed_internal_audit(api, so.id, "/signoffs", body);
    if (!r) return kExitFailed;
    return print_response(*r, so.api.json, [](const json::object& o) {
      print_status(o);
      if (auto h = o.if_contains("report_sha256"); h && h->is_string()) std::cout << "Report SHA-256 " << h->as_string() << "\n";
    });
  }));

  static InternalAuditOptions cov;
  auto* coverage = audit->add_subcommand("coverage", "The audit programme's coverage of a three-year cycle");
  cov.api.add_to(coverage);
  coverage->add_option("--cycle-start", cov.cycle_start, "The cycle's first year (default this year)");
  coverage->callback(with_session(cov.api, exit_code, [](ApiSession& api) {
    auto r = api.get("/api/v1/audit-programme/coverage" + (cov.cycle_start ? "?cycle_start=" + std::to_string(cov.cycle_start) : std::string()));
    if (!r) return kExitFailed;
    return print_response(*r, cov.api.json, [](const json::object& o) {
      Table t({"Requirement", "Title", "Covered by"});
      for (const auto& v : o.at("items").as_array()) {
        const auto& i = v.as_object();
        std::string by;
        if (i.at("covered").is_null()) by = "not applicable";
        else if (!i.at("covered").as_bool()) by = "NOT COVERED";
        else
          for (const auto& a : i.at("audits").as_array()) by += (by.empty() ? "" : ", ") + string_of(a.as_object(), "id");
        t.add_row({string_of(i, "id"), string_of(i, "title"), by});
      }
      t.print(std::cout);
      std::cout << json::serialize(o.at("uncovered")) << " of " << json::serialize(o.at("requirements"))
                << " clauses and applicable controls not covered.\n";
    });
  }));
}

}  // namespace aims::cli
