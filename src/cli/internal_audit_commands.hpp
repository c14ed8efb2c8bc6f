// aims internal-audit start|checklist|report|sign-off|coverage (docs/internal-audit.md), registered
// after the field-driven kinds' commands (register_record_commands). Registered once on the main thread.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_internal_audit_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
