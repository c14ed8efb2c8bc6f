#include "cli/history_command.hpp"

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace json = boost::json;

void register_history_command(CLI::App* parent, int& exit_code, HistoryCommand spec) {
  ListCommand list{spec.help, {}, "Entries per page, 1 to 500", {}, [print = std::move(spec.print)](const ListResult& l, const http::NameValues&) {
                     print(l.items);
                     if (l.next) std::cout << "(more with --all)\n";
                   }};
  list.name = "history";
  list.id_help = spec.id_help;
  list.path_of = std::move(spec.path);
  register_list_command(parent, exit_code, std::move(list));
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
