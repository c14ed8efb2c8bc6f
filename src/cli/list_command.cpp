#include "cli/list_command.hpp"

namespace aims::cli {

void QueryOptions::add_to(CLI::App* cmd, const std::vector<ListFilter>& filters) {
  for (const auto& f : filters) {
    auto& v = values_.emplace_back(Value{f.key, {}, false, f.is_switch});
    if (f.is_switch) {
      cmd->add_flag(f.flag, v.on, f.help);
      continue;
    }
    auto* opt = cmd->add_option(f.flag, v.text, f.help);
    if (!f.choices.empty()) opt->check(CLI::IsMember(f.choices));
  }
}

http::NameValues QueryOptions::query() const {
  http::NameValues out;
  for (const auto& v : values_) {
    if (v.is_switch && v.on) out.emplace_back(v.key, "true");
    else if (!v.is_switch && !v.text.empty()) out.emplace_back(v.key, v.text);
  }
  return out;
}

void register_list_command(CLI::App* parent, int& exit_code, ListCommand spec) {
  struct Options {
    ApiOptions api;
    std::string id;
    QueryOptions filters;
    ListPaging paging;
  };
  static std::deque<Options> all_options;  // kept for the program's life, as CLI11 needs
  auto& o = all_options.emplace_back();
  auto* cmd = parent->add_subcommand(spec.name, spec.help);
  o.api.add_to(cmd);
  if (!spec.id_help.empty()) cmd->add_option("id", o.id, spec.id_help)->required();
  o.filters.add_to(cmd, spec.filters);
  o.paging.add_to(cmd, spec.limit_help, spec.all_help);
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    auto filters = o.filters.query();
    auto q = filters;
    o.paging.apply(q);
    auto l = api.list(spec.path_of ? spec.path_of(o.id) : spec.path, q, o.paging.all);
    if (!l) return kExitFailed;
    if (!o.api.json) spec.print(*l, filters);
    else if (spec.json) spec.json(*l, o.paging.all);
    else print_list_json(*l, o.paging.all, spec.total);
    return 0;
  }));
}

}  // namespace aims::cli
