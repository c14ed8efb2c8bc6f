#include "cli/history_command.hpp"

#include <deque>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

struct Options {
  ApiOptions api;
  std::string id;
  ListPaging paging;
};

}  // namespace

void register_history_command(CLI::App* parent, int& exit_code, HistoryCommand spec) {
  // CLI11 keeps pointers to the options, so each command's options live as long as the program.
  static std::deque<Options> all_options;
  Options& o = all_options.emplace_back();
  auto* cmd = parent->add_subcommand("history", spec.help);
  o.api.add_to(cmd);
  cmd->add_option("id", o.id, spec.id_help)->required();
  o.paging.add_to(cmd, "Entries per page, 1 to 500");
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    http::NameValues q;
    o.paging.apply(q);
    auto l = api.list(spec.path(o.id), q, o.paging.all);
    if (!l) return kExitFailed;
    if (o.api.json) return (print_list_json(*l, o.paging.all), 0);
    spec.print(l->items);
    if (l->next) std::cout << "(more with --all)\n";
    return 0;
  }));
}

void print_change_history(const json::array& items, const ChangeValueText& value_text, const EntryLabel& label) {
  auto shown = [&](const json::value* v) {
    auto s = value_text ? value_text(v) : v ? display(*v) : std::string();
    return s.empty() ? std::string("-") : s;
  };
  for (const auto& v : items) {
    if (!v.is_object()) continue;
    const auto& e = v.get_object();
    auto op = string_of(e, "operation");
    std::cout << (label ? label(e) : "v" + std::to_string(int_of(e, "version").value_or(0))) << "  " << string_of(e, "at")
              << "  " << string_of(e, "actor") << "  " << op << "\n";
    if (op == "create") continue;  // a creation lists every field; the record itself shows them
    auto changes = e.if_contains("changes");
    if (!changes || !changes->is_array()) continue;
    for (const auto& c : changes->get_array()) {
      if (!c.is_object()) continue;
      const auto& co = c.get_object();
      print_wrapped(std::cout, string_of(co, "field") + ": " + shown(co.if_contains("from")) + " → " + shown(co.if_contains("to")),
                    4);
    }
  }
}

}  // namespace aims::cli
