// aims management-review attendance|start|pack|sign-off|minutes (docs/management-review.md): who
// attends and whether top management is present, the start that freezes the input pack, the
// frozen pack, the sign-off and the PDF minutes, added under the `management-review` command of
// the field-driven kind. Changes read the review first and send its ETag back as If-Match.
// Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "cli/review_commands.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

constexpr const char* kReviewBase = "/api/v1/management-reviews";

struct ReviewOptions {
  ApiOptions api;
  std::string id, output;
};

/// Reads the review for its ETag, then POSTs {} to its `tail` with If-Match.
std::optional<http::ClientResponse> post_changed_review(ApiSession& api, const std::string& id, const std::string& tail) {
  auto current = read_for_change(api, RecordPath{kReviewBase}(id, ""), "management review " + id);
  if (!current) return std::nullopt;
  return send_json(api, "POST", RecordPath{kReviewBase}(id, tail), json::object{}, current->etag);
}

void print_review(const json::object& o) {
  std::cout << string_of(o, "id") << " " << string_of(o, "title") << ": " << string_of(o, "status");
  if (!string_of(o, "pack_hash").empty()) std::cout << "; input pack sha256 " << string_of(o, "pack_hash");
  if (!string_of(o, "sign_off_hash").empty()) std::cout << "; sign-off sha256 " << string_of(o, "sign_off_hash");
  std::cout << "\n";
}

CLI::App* id_command(CLI::App* parent, const char* name, const char* help, ReviewOptions& o) {
  auto* cmd = parent->add_subcommand(name, help);
  o.api.add_to(cmd);
  cmd->add_option("id", o.id, "The management review, e.g. MR-1")->required();
  return cmd;
}

}  // namespace

void register_review_commands(CLI::App& app, int& exit_code) {
  auto* review = app.get_subcommand("management-review");
  if (!review) return;

  static ReviewOptions at;
  id_command(review, "attendance", "Who attends, their AIMS roles and whether top management is present", at)
      ->callback(with_session(at.api, exit_code, [](ApiSession& api) {
        auto r = api.get(RecordPath{kReviewBase}(at.id, "/attendance"));
        if (!r) return kExitFailed;
        return print_response(*r, at.api.json, [](const json::object& o) {
          Table t({"Member", "Email", "AIMS roles", "Top management"});
          for (const auto& v : o.at("attendees").as_array()) {
            const auto& p = v.as_object();
            std::string roles;
            for (const auto& r : p.at("roles").as_array()) roles += (roles.empty() ? "" : ", ") + string_of(r.as_object(), "name");
            t.add_row({string_of(p, "name"), string_of(p, "email"), roles, p.at("top_management").as_bool() ? "yes" : "no"});
          }
          t.print(std::cout);
          if (auto w = string_of(o, "warning"); !w.empty()) std::cout << "Warning: " << w << "\n";
          else std::cout << "Top management is present.\n";
        });
      }));

  static ReviewOptions st;
  id_command(review, "start", "Start a planned review: its input pack is compiled and frozen", st)
      ->callback(with_session(st.api, exit_code, [](ApiSession& api) {
        auto r = post_changed_review(api, st.id, "/start");
        return r ? print_response(*r, st.api.json, print_review) : kExitFailed;
      }));

  static ReviewOptions pk;
  id_command(review, "pack", "The input pack as frozen when the review started", pk)
      ->callback(with_session(pk.api, exit_code, [](ApiSession& api) {
        auto r = api.get(RecordPath{kReviewBase}(pk.id, "/pack"));
        if (!r) return kExitFailed;
        return print_response(*r, pk.api.json, [](const json::object& o) {
          std::cout << "Input pack of " << string_of(o, "review_id") << ", compiled " << string_of(o, "compiled_at")
                    << ", sha256 " << string_of(o, "sha256") << "\n";
          Table t({"Clause", "Input", "Summary", "Links"});
          for (const auto& v : o.at("sections").as_array()) {
            const auto& s = v.as_object();
            t.add_row({string_of(s, "clause"), string_of(s, "title"), string_of(s, "summary"),
                       std::to_string(s.at("items_total").as_int64())});
          }
          t.print(std::cout);
        });
      }));

  static ReviewOptions so;
  id_command(review, "sign-off", "Sign an in-progress review off (manager, admin): it is locked", so)
      ->callback(with_session(so.api, exit_code, [](ApiSession& api) {
        auto r = post_changed_review(api, so.id, "/sign-off");
        return r ? print_response(*r, so.api.json, print_review) : kExitFailed;
      }));

  static ReviewOptions mn;
  auto* minutes = id_command(review, "minutes", "The PDF minutes of a started review", mn);
  minutes->add_option("-o,--output", mn.output, "Write the PDF to this file")->required();
  minutes->callback(with_session(mn.api, exit_code, [](ApiSession& api) {
    return download(api, RecordPath{kReviewBase}(mn.id, "/minutes"), "pdf", mn.output);
  }));
}

}  // namespace aims::cli
