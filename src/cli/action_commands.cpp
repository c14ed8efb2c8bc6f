// aims action list [--mine] [--overdue] [--owner ID] [--status S] [--source KIND] [--due-before D]
// [--search TEXT] [--sort KEY]: GET /api/v1/actions as a table (overdue actions marked OVERDUE), or
// its JSON with --json. Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <iostream>

#include "cli/action_commands.hpp"
#include "cli/api_session.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {

void print_actions(const ListResult& l, const http::NameValues&) {
  if (l.items.empty()) {
    std::cout << "No actions match.\n";
    return;
  }
  Table t({"due", "status", "title", "owner", "source", "record"});
  t.set_max_width(2, 48);
  t.set_max_width(3, 24);
  for (const auto& x : objects_in(l.items)) {
    bool late = bool_of(x, "overdue");
    auto due = string_of(x, "due_date");
    t.add_row({due.empty() ? "-" : due + (late ? " OVERDUE" : ""), string_of(x, "status"), string_of(x, "title"),
               string_of(x, "owner"), string_of(x, "source_label"), string_of(x, "record_id")});
  }
  t.print(std::cout);
  print_list_summary(l, "actions");
}

}  // namespace

void register_action_commands(CLI::App& app, int& exit_code) {
  auto* action = app.add_subcommand("action", "The action tracker: every action of every record, in one list");
  action->require_subcommand(1);
  register_list_command(
      action, exit_code,
      {"Every action of the organization (corrective actions, risk treatments, roadmap steps, obligations …), by due date",
       "/api/v1/actions",
       "Actions per page, 1 to 500 (server default 50)",
       {{"--mine", "mine", "Only my actions", {}, true},
        {"--overdue", "overdue", "Only actions due before today that are open or in progress", {}, true},
        {"--owner", "owner", "Only this owner (a member's user id, or the owner's name as the record gives it)"},
        {"--status", "status", "open, in_progress, done or cancelled (comma-separated for several)"},
        {"--source", "source",
         "Only these source kinds (comma-separated): corrective_action, review_action, audit_request, nonconformity, "
         "improvement, competence_action, risk, obligation, roadmap_action"},
        {"--due-before", "due_before", "Due before this date (YYYY-MM-DD)"},
        {"--search", "q", "Text in the title, record, owner or source"},
        {"--sort", "sort", "due (default), updated or title; a leading - sorts descending"}},
       print_actions, ListTotal::always});
}

}  // namespace aims::cli
