// API client commands of register snapshots: aims snapshot create|list|get|submit|approve|reject.
// Each prints the server's answer (--json as sent). Options live in function-local statics for
// the program's life.
#include "cli/snapshot_commands.hpp"

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const RecordPath kSnapshots{"/api/v1/snapshots"};

/// One line: "SNAP-2 risk_register approved 14 rows (sha256 …)".
void print_line(const json::object& s) {
  std::cout << string_of(s, "id") << " " << string_of(s, "register") << " " << string_of(s, "status") << " "
            << int_of(s, "row_count").value_or(0) << " rows (sha256 " << string_of(s, "content_hash") << ")\n";
}

/// The snapshot with its approval round's decisions.
void print_snapshot(const json::object& s) {
  print_line(s);
  std::cout << "created " << string_of(s, "created_at") << " by " << string_of(s, "author_email") << "\n";
  if (auto p = s.if_contains("approval"); p && p->is_object()) {
    std::cout << "approvers waiting or decided: " << display(p->as_object().at("required")) << "\n";
    for (const auto& d : p->as_object().at("decisions").as_array())
      std::cout << "- " << string_of(d.as_object(), "decision") << " by " << string_of(d.as_object(), "email") << " at "
                << string_of(d.as_object(), "at")
                << (string_of(d.as_object(), "comment").empty() ? "" : ": " + string_of(d.as_object(), "comment")) << "\n";
  }
}

struct DecisionOptions : IdOptions {
  std::string comment;
  std::vector<std::string> approvers;
};

int post_and_print(ApiSession& api, const DecisionOptions& o, const std::string& action, const json::object& body) {
  auto r = send_json(api, "POST", kSnapshots(o.id, "/" + action), body);
  if (!r) return kExitFailed;
  return print_response(*r, o.api.json, print_snapshot);
}

void register_snapshot_create(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string register_name;
  } o;
  auto* cmd = parent->add_subcommand("create", "Take a snapshot of a register as a draft (manager or admin)");
  o.api.add_to(cmd);
  cmd->add_option("register", o.register_name, "inventory, risk_register or soa")->required();
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = send_json(api, "POST", kSnapshots.base, json::object{{"register", o.register_name}});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, print_snapshot);
  }));
}

void register_snapshot_list(CLI::App* parent, int& exit_code) {
  register_list_command(parent, exit_code,
                        {"List the snapshots, newest first", kSnapshots.base, "Snapshots per page (1-500)",
                         {{"--register", "register", "Only this register: inventory, risk_register or soa"},
                          {"--status", "status", "Only this status: draft, in_approval, approved or rejected"}},
                         [](const ListResult& l, const http::NameValues&) {
                           for (const auto& s : l.items) print_line(s.as_object());
                           print_list_summary(l, "snapshots");
                         },
                         ListTotal::if_known});
}

void register_snapshot_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show a snapshot, its hash and its approval", "The snapshot's id, e.g. SNAP-1",
                        [](const std::string& id) { return kSnapshots(id); }, print_snapshot});
}

void register_decisions(CLI::App* parent, int& exit_code) {
  static DecisionOptions submit, approve, reject;
  add_id_command(parent, "submit", "Send a draft to its approvers (admins or managers, never its author)", submit,
                 "The snapshot's id, e.g. SNAP-1")
      ->add_option("--approver", submit.approvers, "An approver's user id (repeat it)")
      ->required();
  parent->get_subcommand("submit")->callback(with_session(submit.api, exit_code, [](ApiSession& api) {
    return post_and_print(api, submit, "submit", json::object{{"approvers", json::array(submit.approvers.begin(), submit.approvers.end())}});
  }));
  add_id_command(parent, "approve", "Approve a snapshot in approval (the last approval approves it)", approve,
                 "The snapshot's id, e.g. SNAP-1")
      ->add_option("--comment", approve.comment, "A comment");
  parent->get_subcommand("approve")->callback(with_session(approve.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!approve.comment.empty()) body["comment"] = approve.comment;
    return post_and_print(api, approve, "approve", body);
  }));
  add_id_command(parent, "reject", "Reject a snapshot in approval", reject, "The snapshot's id, e.g. SNAP-1")
      ->add_option("--comment", reject.comment, "What is wrong (required)")
      ->required();
  parent->get_subcommand("reject")->callback(with_session(reject.api, exit_code, [](ApiSession& api) {
    return post_and_print(api, reject, "reject", json::object{{"comment", reject.comment}});
  }));
}

}  // namespace

void register_snapshot_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "snapshot",
                    "Register snapshots (inventory, risk register, SoA) approved as controlled documents (API client)",
                    exit_code, {register_snapshot_create, register_snapshot_list, register_snapshot_get, register_decisions});
}

}  // namespace aims::cli
