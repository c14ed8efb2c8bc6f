// The AIMS scope's client commands (aims scope show|set|submit|approve|reject|drift), registered by main.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_scope_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
