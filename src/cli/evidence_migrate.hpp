// aims evidence migrate: moves the evidence files of a data directory (<data>/evidence, where an
// installation on SQLite keeps them) into the PostgreSQL database named by --database, checking
// every file's SHA-256 before and the stored blob's after (docs/evidence.md, "Moving evidence into
// PostgreSQL"). Runs on the server's machine, not through the API.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_evidence_migrate(CLI::App* parent, int& exit_code);

}  // namespace aims::cli
