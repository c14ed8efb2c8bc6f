// The `aims` command line: administration on a data directory, the server, and API client
// commands for pipelines. Each register_* adds its subcommands to the CLI11 app.
#pragma once
#include <CLI/CLI.hpp>

namespace aims::cli {

/// Exit codes: 0 success, 1 failure reported on stderr, 2 usage error.
void register_admin_commands(CLI::App& app, int& exit_code);
void register_client_commands(CLI::App& app, int& exit_code);
void register_assessment_commands(CLI::App& app, int& exit_code);
void register_soa_commands(CLI::App& app, int& exit_code);
void register_impact_commands(CLI::App& app, int& exit_code);
void register_objective_commands(CLI::App& app, int& exit_code);
void register_risk_commands(CLI::App& app, int& exit_code);
void register_record_commands(CLI::App& app, int& exit_code);  // every field-driven kind
void register_document_commands(CLI::App& app, int& exit_code);  // after register_record_commands
/// aims competence matrix and aims training complete (after register_record_commands).
void register_competence_commands(CLI::App& app, int& exit_code);
void register_euact_commands(CLI::App& app, int& exit_code);
void register_evidence_commands(CLI::App& app, int& exit_code);
void register_audit_commands(CLI::App& app, int& exit_code);
void register_org_settings_commands(CLI::App& app, int& exit_code);
void register_raci_commands(CLI::App& app, int& exit_code);
void register_retention_commands(CLI::App& app, int& exit_code);  // aims retention …, aims hold …
/// aims webhook add|list|remove|test|deliveries|delivery|redeliver (docs/notifications.md).
void register_webhook_commands(CLI::App& app, int& exit_code);
/// aims export audit-pack (the auditor package; lives beside the audit commands).
void register_export_commands(CLI::App& app, int& exit_code);

/// aims user reset-password|deactivate|reactivate (under `user`) and aims password change.
void register_user_commands(CLI::App& user, int& exit_code);
void register_password_commands(CLI::App& app, int& exit_code);

/// Reads a password: from a terminal without echo (prompting), else one line of standard input.
std::string read_password(const std::string& prompt);

}  // namespace aims::cli
