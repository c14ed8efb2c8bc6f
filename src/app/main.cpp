// The composition root of the aims binary: parses the command line and runs one command.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "app/serve_command.hpp"
#include "cli/certification_commands.hpp"
#include "cli/action_commands.hpp"
#include "cli/backup_commands.hpp"
#include "cli/commands.hpp"
#include "cli/incident_commands.hpp"
#include "cli/review_commands.hpp"
#include "cli/internal_audit_commands.hpp"
#include "cli/scope_commands.hpp"
#include "cli/snapshot_commands.hpp"
#include "core/crypto.hpp"

namespace {

/// The command groups, in the order `aims --help` lists them; adding an area's CLI is one line here.
using CommandGroup = void (*)(CLI::App&, int&);
constexpr CommandGroup kCommandGroups[] = {
    aims::app::register_serve_command,
    aims::cli::register_admin_commands,
    aims::cli::register_client_commands,
    aims::cli::register_assessment_commands,
    aims::cli::register_soa_commands,
    aims::cli::register_impact_commands,
    aims::cli::register_objective_commands,
    aims::cli::register_risk_commands,
    aims::cli::register_record_commands,
    aims::cli::register_document_commands,
    aims::cli::register_competence_commands,
    aims::cli::register_incident_commands,
    aims::cli::register_review_commands,
    aims::cli::register_euact_commands,
    aims::cli::register_evidence_commands,
    aims::cli::register_audit_commands,
    aims::cli::register_export_commands,
    aims::cli::register_org_settings_commands,
    aims::cli::register_raci_commands,
    aims::cli::register_retention_commands,
    aims::cli::register_scope_commands,
    aims::cli::register_snapshot_commands,
    aims::cli::register_certification_commands,
    aims::cli::register_action_commands,
    aims::cli::register_internal_audit_commands,
    aims::cli::register_backup_commands,
    aims::cli::register_webhook_commands,
};

}  // namespace

int main(int argc, char** argv) {
  aims::crypto::init();
  CLI::App app{"aims — AI management system for ISO/IEC 42001:2023"};
  app.set_version_flag("--version", "aims 0.1.0");
  app.require_subcommand(1);
  int exit_code = 0;
  for (auto add_group : kCommandGroups) add_group(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2
  } catch (const std::exception& e) {
    std::cerr << "aims: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
