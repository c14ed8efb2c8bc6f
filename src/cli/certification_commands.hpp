// aims certification cycle|readiness|evidence-index (docs/certification.md). The certificate, the
// body's audits and their findings are the field-driven kinds' commands (aims certificate,
// aims certification-audit, aims certification-finding). Registered once on the main thread.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

void register_certification_commands(CLI::App& app, int& exit_code);

}  // namespace aims::cli
