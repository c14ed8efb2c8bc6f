// The register snapshots' client commands (aims snapshot create|list|get|submit|approve|reject),
// registered by main.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_snapshot_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
