// aims action list (docs/actions.md): the action tracker from the command line. Registered once on
// the main thread.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_action_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
