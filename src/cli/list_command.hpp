// The `list` subcommand the record families share (and every `history ID`): filter options that become the query, --limit
// and --all paging, the server's JSON with --json, else a table and its summary line. Registration
// happens once at start-up on the main thread; the commands run one at a time; not thread-safe.
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "cli/record_cli.hpp"

namespace aims::cli {

/// One filter option of a list: --FLAG VALUE, sent as KEY=VALUE when given (one of `choices` if there
/// are any); a `is_switch` filter is a flag without a value, sent as KEY=true when given.
struct ListFilter {
  std::string flag;  // e.g. "--status"
  std::string key;   // its query parameter, e.g. "status"
  std::string help;
  std::vector<std::string> choices{};
  bool is_switch = false;
};

/// The values of a command's filter options (CLI11 keeps pointers into it: kept for the program's life).
class QueryOptions {
 public:
  /// Adds the options of `filters` to `cmd`.
  void add_to(CLI::App* cmd, const std::vector<ListFilter>& filters);
  /// KEY=VALUE of every option given, in the order of the filters.
  http::NameValues query() const;

 private:
  struct Value {
    std::string key, text;
    bool on = false, is_switch = false;
  };
  std::deque<Value> values_;
};

/// A `list` subcommand of a record family.
struct ListCommand {
  std::string help;        // the subcommand's description
  std::string path;        // the list endpoint
  std::string limit_help;  // the description of --limit
  std::vector<ListFilter> filters;
  /// Prints the items as text; `filters` is the query of the filter options given (no paging).
  std::function<void(const ListResult& l, const http::NameValues& filters)> print;
  ListTotal total = ListTotal::none;  // the "total" of the JSON of a whole list (--all)
  /// Prints --json when the family's JSON carries more than items and total (default: print_list_json).
  std::function<void(ListResult& l, bool all)> json{};
  std::string all_help = "Follow the pages to the end";  // the description of --all
  std::string name = "list";                             // the subcommand
  /// With an `id_help`: a `NAME ID` subcommand whose list is at path_of(ID) instead of `path`.
  std::string id_help{};
  std::function<std::string(const std::string& id)> path_of{};
};
void register_list_command(CLI::App* parent, int& exit_code, ListCommand spec);

}  // namespace aims::cli
