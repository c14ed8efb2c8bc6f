// `aims serve`: the command that composes and runs the HTTP server (serve_command.cpp). Part of
// the composition root; registered once from main.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::app {

/// Adds `aims serve` to the CLI11 app; its callback runs the server until stopped.
void register_serve_command(CLI::App& app, int& exit_code);

}  // namespace aims::app
