#include "cli/history_command.hpp"

#include <deque>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/output.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

struct Options {
  ApiOptions api;
  std::string id;
  int limit = 0;
  bool all = false;
};

}  // namespace

void register_history_command(CLI::App* parent, int& exit_code, HistoryCommand spec) {
  // CLI11 keeps pointers to the options, so each command's options live as long as the program.
  static std::deque<Options> all_options;
  Options& o = all_options.emplace_back();
  auto* cmd = parent->add_subcommand("history", spec.help);
  o.api.add_to(cmd);
  cmd->add_option("id", o.id, spec.id_help)->required();
  cmd->add_option("--limit", o.limit, "Entries per page, 1 to 500")->check(CLI::Range(1, 500));
  cmd->add_flag("--all", o.all, "Follow the pages to the end");
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    http::NameValues q;
    if (o.limit > 0) q.emplace_back("limit", std::to_string(o.limit));
    else if (o.all) q.emplace_back("limit", "500");
    auto l = api.list(spec.path(o.id), q, o.all);
    if (!l) return kExitFailed;
    if (o.api.json) {
      print_body(std::cout, o.all ? json::serialize(json::object{{"items", std::move(l->items)}}) : l->first_body);
      return 0;
    }
    spec.print(l->items);
    if (l->next) std::cout << "(more with --all)\n";
    return 0;
  }));
}

}  // namespace aims::cli
