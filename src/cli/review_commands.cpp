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

const RecordPath review_path{"/api/v1/management-reviews"};
constexpr const char* kReviewId = "The management review, e.g. MR-1";

void print_review(const json::object& o) {
  std::cout << string_of(o, "id") << " " << string_of(o, "title") << ": " << string_of(o, "status");
  if (!string_of(o, "pack_hash").empty()) std::cout << "; input pack sha256 " << string_of(o, "pack_hash");
  if (!string_of(o, "sign_off_hash").empty()) std::cout << "; sign-off sha256 " << string_of(o, "sign_off_hash");
  std::cout << "\n";
}

/// A step of the review (`start`, `sign-off`): the review is read for its ETag, then {} is POSTed to `tail` with If-Match.
void register_review_step(CLI::App* review, int& exit_code, const char* name, const char* help, const char* tail) {
  register_action_command(review, exit_code,
                          {name, help, kReviewId, [tail](const std::string& id) { return review_path(id, tail); },
                           [](const http::ClientResponse& r, bool as_json) { return print_response(r, as_json, print_review); },
                           [](const std::string& id) { return review_path(id); }, "management review"});
}

}  // namespace

void register_review_commands(CLI::App& app, int& exit_code) {
  auto* review = app.get_subcommand("management-review");
  if (!review) return;

  register_get_command(review, exit_code,
                       {"attendance", "Who attends, their AIMS roles and whether top management is present", kReviewId,
                        [](const std::string& id) { return review_path(id, "/attendance"); }, [](const json::object& o) {
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
                        }});

  register_review_step(review, exit_code, "start", "Start a planned review: its input pack is compiled and frozen", "/start");

  register_get_command(review, exit_code,
                       {"pack", "The input pack as frozen when the review started", kReviewId,
                        [](const std::string& id) { return review_path(id, "/pack"); }, [](const json::object& o) {
                          std::cout << "Input pack of " << string_of(o, "review_id") << ", compiled " << string_of(o, "compiled_at")
                                    << ", sha256 " << string_of(o, "sha256") << "\n";
                          Table t({"Clause", "Input", "Summary", "Links"});
                          for (const auto& v : o.at("sections").as_array()) {
                            const auto& s = v.as_object();
                            t.add_row({string_of(s, "clause"), string_of(s, "title"), string_of(s, "summary"),
                                       std::to_string(s.at("items_total").as_int64())});
                          }
                          t.print(std::cout);
                        }});

  register_review_step(review, exit_code, "sign-off", "Sign an in-progress review off (manager, admin): it is locked", "/sign-off");

  static struct : IdOptions {
    std::string output;
  } mn;
  auto* minutes = add_id_command(review, "minutes", "The PDF minutes of a started review", mn, kReviewId);
  minutes->add_option("-o,--output", mn.output, "Write the PDF to this file")->required();
  minutes->callback(with_session(mn.api, exit_code, [](ApiSession& api) {
    return download(api, review_path(mn.id, "/minutes"), "pdf", mn.output);
  }));
}

}  // namespace aims::cli
