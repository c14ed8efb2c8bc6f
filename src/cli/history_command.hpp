// The `history ID` subcommand every record family shares: --limit, --all, --json and paging through
// the record's history endpoint; only the path and the printing of entries differ. Registration
// happens once at start-up on the main thread.
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <functional>
#include <string>

namespace aims::cli {

struct HistoryCommand {
  std::string help;     // the subcommand's description
  std::string id_help;  // the description of its ID argument
  std::function<std::string(const std::string& id)> path;    // the record's history path
  std::function<void(const boost::json::array& items)> print;  // prints the entries as text
};

/// Adds `history ID [--limit N] [--all]` (with the API options) under `parent`.
void register_history_command(CLI::App* parent, int& exit_code, HistoryCommand spec);

/// The text of a change's "from" or "to" value (nullptr when absent); "" is shown as "-".
using ChangeValueText = std::function<std::string(const boost::json::value* v)>;
/// The label at the start of an entry's line (by default "vN" of its version).
using EntryLabel = std::function<std::string(const boost::json::object& entry)>;

/// Prints history entries: "LABEL  AT  ACTOR  OPERATION", then, except for creations (which list
/// every field), one wrapped "field: from → to" line per change. Values as display() shows them
/// unless `value_text` is given.
void print_change_history(const boost::json::array& items, const ChangeValueText& value_text = nullptr,
                          const EntryLabel& label = nullptr);

}  // namespace aims::cli
