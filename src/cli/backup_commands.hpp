// aims backup (a consistent archive of a SQLite installation while its server runs) and aims
// restore (into an empty data directory); docs/operations.md.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

/// Adds `backup` and `restore`; exit codes as in commands.hpp (2 for refusals that change nothing
/// because of how the command was called: PostgreSQL, a non-empty directory, an existing file).
void register_backup_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
