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

}  // namespace aims::cli
