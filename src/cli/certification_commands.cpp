// aims certification cycle|readiness|evidence-index (docs/certification.md): the three-year cycle
// with what is next, the stage 1 readiness checklist and the stage 2 evidence index (or either's CSV /
// JSON / PDF export to a file, through the same download). Read-only. Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/certification_commands.hpp"
#include "cli/download.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

struct CertificationOptions {
  ApiOptions api;
  std::string status, area, format, output, requirement, supported;
};

std::string query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out;
  for (const auto& [k, v] : params)
    if (!v.empty()) out += (out.empty() ? "?" : "&") + k + "=" + v;  // values are ids and enum words
  return out;
}

int get_certification(ApiSession& api, const std::string& target, bool as_json, const std::function<void(const json::object&)>& text) {
  http::ClientRequest request;
  request.method = "GET";
  request.target = target;
  auto res = api.send(request);
  if (!res) return kExitFailed;
  return print_response(*res, as_json, text);
}

}  // namespace

void register_certification_commands(CLI::App& app, int& exit_code) {
  auto* cert = app.add_subcommand("certification", "The certification cycle, stage 1 readiness and the stage 2 evidence index");
  cert->require_subcommand(1);

  static CertificationOptions c;
  auto* cycle = cert->add_subcommand("cycle", "The three-year certification cycle: the certificate, each audit and what is next");
  c.api.add_to(cycle);
  cycle->callback(with_session(c.api, exit_code, [](ApiSession& api) {
    return get_certification(api, "/api/v1/certification/cycle", c.api.json, [](const json::object& o) {
      if (const auto* cert = o.at("certificate").if_object())
        std::cout << "Certificate " << string_of(*cert, "certificate_number") << " (" << string_of(*cert, "id") << ") by "
                  << string_of(*cert, "certification_body") << ": " << string_of(*cert, "status") << ", expires "
                  << string_of(*cert, "expiry") << "\n";
      else
        std::cout << "No certificate recorded yet.\n";
      for (const auto& v : o.at("milestones").as_array()) {
        const auto& m = v.as_object();
        std::cout << "  " << string_of(m, "label") << ": " << string_of(m, "state");
        if (auto d = string_of(m, "date"); !d.empty()) std::cout << " " << d;
        if (auto d = string_of(m, "due"); !d.empty()) std::cout << " (due " << d << ")";
        if (auto a = string_of(m, "audit_id"); !a.empty()) std::cout << " " << a;
        std::cout << "\n";
      }
      if (const auto* next = o.at("next").if_object()) std::cout << string_of(*next, "text") << "\n";
    });
  }));

  static CertificationOptions r;
  auto* ready = cert->add_subcommand("readiness", "The stage 1 readiness checklist (or, with --format, its export)");
  r.api.add_to(ready);
  ready->add_option("--status", r.status, "present, missing or out_of_date");
  ready->add_option("--area", r.area, "clauses or controls");
  ready->add_option("--format", r.format, "csv, json or pdf: the export for the certification body");
  ready->add_option("-o,--output", r.output, "With --format: the file to write (default: standard output)");
  ready->callback(with_session(r.api, exit_code, [](ApiSession& api) {
    if (!r.format.empty())
      return download(api, "/api/v1/certification/readiness/export" + query({{"format", r.format}, {"status", r.status}, {"area", r.area}}),
                      r.format, r.output);
    return get_certification(api, "/api/v1/certification/readiness" + query({{"status", r.status}, {"area", r.area}}), r.api.json,
               [](const json::object& o) {
                 for (const auto& v : o.at("items").as_array()) {
                   const auto& i = v.as_object();
                   std::cout << string_of(i, "id") << "  " << string_of(i, "status") << "  " << string_of(i, "title");
                   if (auto why = string_of(i, "reason"); !why.empty()) std::cout << " - " << why;
                   std::cout << "\n";
                 }
                 const auto& s = o.at("summary").as_object();
                 std::cout << s.at("present").as_int64() << " of " << s.at("total").as_int64() << " present, "
                           << s.at("missing").as_int64() << " missing, " << s.at("out_of_date").as_int64() << " out of date.\n";
               });
  }));

  static CertificationOptions e;
  auto* index = cert->add_subcommand("evidence-index", "The stage 2 evidence index per clause and applicable control");
  e.api.add_to(index);
  index->add_option("--requirement", e.requirement, "One clause or control, e.g. 6.1.2 or A.6.2.4");
  index->add_option("--area", e.area, "clauses or controls");
  index->add_option("--supported", e.supported, "false: only what has nothing to show; true: only what has something");
  index->add_option("--format", e.format, "csv, json or pdf: the export for the certification body (records and evidence files with SHA-256 and date)");
  index->add_option("-o,--output", e.output, "With --format: the file to write (default: standard output)");
  index->callback(with_session(e.api, exit_code, [](ApiSession& api) {
    std::vector<std::pair<std::string, std::string>> filters{{"requirement", e.requirement}, {"area", e.area}, {"supported", e.supported}};
    if (!e.format.empty()) {
      filters.insert(filters.begin(), {"format", e.format});
      return download(api, "/api/v1/certification/evidence-index/export" + query(filters), e.format, e.output);
    }
    return get_certification(api, "/api/v1/certification/evidence-index" + query(filters), e.api.json,
               [](const json::object& o) {
                 for (const auto& v : o.at("items").as_array()) {
                   const auto& i = v.as_object();
                   std::cout << string_of(i, "id") << "  " << string_of(i, "title") << ": " << i.at("records").as_array().size()
                             << " record(s), " << i.at("evidence").as_array().size() << " evidence file(s)\n";
                 }
               });
  }));
}

}  // namespace aims::cli
