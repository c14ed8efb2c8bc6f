// aims incident qualify|report|clocks|export (docs/incidents.md): the serious-incident
// qualification, a report sent, the clocks of one incident or the organization's clocks board,
// and the incident's export as JSON or PDF,
// added under the `incident` command of the field-driven kind. Changes read the incident first and
// send its ETag back as If-Match. Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/incident_commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

constexpr const char* kIncidentBase = "/api/v1/incidents";

struct QualifyOptions {
  ApiOptions api;
  std::string id, category, causal, rationale;
  bool death = false, widespread = false;
};

struct ReportOptions {
  ApiOptions api;
  std::string id, type, recipient_kind, recipient, sent_at, reference, content, content_file;
};

struct ReadOptions {
  ApiOptions api;
  std::string id, state;
};

struct ExportOptions {
  ApiOptions api;
  std::string id, format = "json", output;
};

/// Reads the incident for its ETag, then POSTs `body` to its `tail` with If-Match.
std::optional<http::ClientResponse> post_changed_incident(ApiSession& api, const std::string& id, const std::string& tail,
                                                 const json::object& body) {
  auto current = read_for_change(api, RecordPath{kIncidentBase}(id, ""), "incident " + id);
  if (!current) return std::nullopt;
  return send_json(api, "POST", RecordPath{kIncidentBase}(id, tail), body, current->etag);
}

void print_clocks(const json::array& clocks) {
  Table t({"Clock", "Citation", "Status", "Deadline", "Time left"});
  for (const auto& v : clocks) {
    const auto& c = v.as_object();
    std::string left;
    if (auto p = c.if_contains("time_left_seconds"); p && p->is_int64()) {
      auto s = p->as_int64();
      left = (s < 0 ? "OVERDUE by " : "") + std::to_string((s < 0 ? -s : s) / 3600) + " h";
    }
    auto deadline = string_of(c, "deadline");
    t.add_row({string_of(c, "id"), string_of(c, "citation"), string_of(c, "status"),
               deadline.empty() && string_of(c, "status") != "not_applicable" ? "immediately" : deadline, left});
  }
  t.print(std::cout);
}

}  // namespace

void register_incident_commands(CLI::App& app, int& exit_code) {
  auto* incident = app.get_subcommand("incident");
  if (!incident) return;
  static QualifyOptions q;
  auto* qualify = incident->add_subcommand("qualify", "Qualify an incident as serious or not (manager, admin)");
  q.api.add_to(qualify);
  qualify->add_option("id", q.id, "The incident, e.g. INC-1")->required();
  qualify->add_option("--category", q.category, "Art. 3(49) harm: a, b, c, d or none")->required();
  qualify->add_option("--causal-link", q.causal, "established, reasonably_likely or none")->required();
  qualify->add_option("--rationale", q.rationale, "Why")->required();
  qualify->add_flag("--death", q.death, "A person died");
  qualify->add_flag("--widespread", q.widespread, "A widespread infringement");
  qualify->callback(with_session(q.api, exit_code, [](ApiSession& api) {
    json::object body{{"harm_category", q.category}, {"causal_link", q.causal}, {"rationale", q.rationale},
                      {"death", q.death}, {"widespread_infringement", q.widespread}};
    auto r = post_changed_incident(api, q.id, "/qualification", body);
    if (!r) return kExitFailed;
    return print_response(*r, q.api.json, [](const json::object& o) {
      const auto& ql = o.at("qualification").as_object();
      std::cout << string_of(o, "id") << (ql.at("serious").as_bool() ? " is a serious incident. " : " is not a serious incident. ")
                << string_of(ql, "outcome") << "\n";
    });
  }));

  static ReportOptions r;
  auto* report = incident->add_subcommand("report", "Record a report sent about an incident (manager, admin)");
  r.api.add_to(report);
  report->add_option("id", r.id, "The incident, e.g. INC-1")->required();
  report->add_option("--type", r.type, "initial, follow_up or final")->required();
  report->add_option("--to", r.recipient_kind, "authority or provider")->required();
  report->add_option("--recipient", r.recipient, "The authority or provider it went to")->required();
  report->add_option("--sent-at", r.sent_at, "When it was sent: ISO 8601 with its zone, e.g. 2026-12-01T09:30+01:00")->required();
  report->add_option("--reference", r.reference, "The recipient's reference number");
  auto* content = report->add_option("--content", r.content, "What the report says");
  auto* file = report->add_option("--content-file", r.content_file, "A file holding what the report says (- for standard input)");
  content->excludes(file);
  report->callback(with_session(r.api, exit_code, [](ApiSession& api) {
    std::string text = r.content;
    if (!r.content_file.empty()) {
      auto t = read_text_input(r.content_file);
      if (!t) return kExitFailed;
      text = *t;
    }
    json::object body{{"type", r.type}, {"recipient_kind", r.recipient_kind}, {"recipient", r.recipient},
                      {"sent_at", r.sent_at}, {"content", text}};
    if (!r.reference.empty()) body["reference"] = r.reference;
    auto res = post_changed_incident(api, r.id, "/reports", body);
    if (!res) return kExitFailed;
    return print_response(*res, r.api.json, [](const json::object& o) {
      std::cout << "Recorded " << string_of(o, "id") << " (" << string_of(o, "type") << ", to " << string_of(o, "recipient")
                << ") of " << string_of(o, "incident_id") << "; sha256 " << string_of(o, "sha256") << "\n";
    });
  }));

  static ReadOptions c;
  auto* clocks = incident->add_subcommand("clocks", "The reporting clocks of an incident, or with --board of every incident");
  c.api.add_to(clocks);
  clocks->add_option("id", c.id, "The incident, e.g. INC-1 (none: the clocks board)");
  clocks->add_option("--state", c.state, "With the board: open (default) or overdue");
  clocks->callback(with_session(c.api, exit_code, [](ApiSession& api) {
    http::ClientRequest request;
    request.method = "GET";
    request.target = c.id.empty() ? "/api/v1/incident-clocks?limit=500" + (c.state.empty() ? "" : "&state=" + c.state)
                                  : RecordPath{kIncidentBase}(c.id, "/clocks");
    auto res = api.send(request);
    if (!res) return kExitFailed;
    return print_response(*res, c.api.json, [](const json::object& o) {
      if (auto items = o.if_contains("items")) {
        if (items->as_array().empty()) std::cout << "No incident has a reporting clock " << string_of(o, "state") << ".\n";
        for (const auto& v : items->as_array()) {
          const auto& i = v.as_object();
          std::cout << string_of(i, "incident_id") << "  " << string_of(i, "title") << "\n";
          print_clocks(i.at("clocks").as_array());
          std::cout << "\n";
        }
        return;
      }
      print_clocks(o.at("clocks").as_array());
    });
  }));

  static ExportOptions x;
  auto* exp = incident->add_subcommand("export", "The incident, its clocks and its report chain as JSON or PDF");
  x.api.add_to(exp);
  exp->add_option("id", x.id, "The incident, e.g. INC-1")->required();
  exp->add_option("--format", x.format, "json or pdf")->check(CLI::IsMember({"json", "pdf"}))->capture_default_str();
  exp->add_option("-o,--output", x.output, "Write to this file (default: standard output; pdf needs a file on a terminal)");
  exp->callback(with_session(x.api, exit_code, [](ApiSession& api) {
    return download(api, RecordPath{kIncidentBase}(x.id, "/export?format=" + x.format), x.format, x.output);
  }));
}

}  // namespace aims::cli
