// aims management-review attendance|start|pack|sign-off|minutes (docs/management-review.md),
// registered after the field-driven kinds' commands (register_record_commands). Registered once on
// the main thread.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_review_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
