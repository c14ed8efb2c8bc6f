// Pieces shared by the `aims objectives` commands (objective_commands.cpp and
// objective_reading_commands.cpp). Pure functions; thread-safe.
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "cli/record_cli.hpp"

namespace aims::cli {

inline const std::string kObjectives = "/api/v1/objectives";

/// Exit code of `reading add` and `reading push` with --fail-on when an objective ends in the
/// named status (or worse).
constexpr int kExitObjectiveOff = 3;

/// /api/v1/objectives/ID[suffix] with ID encoded.
inline const RecordPath objective_path{"/api/v1/objectives"};

/// A JSON number for people ("0.95", not "9.5E-1"); other values as display() shows them.
std::string number_text(const boost::json::value* v);

/// "on track", "at risk", "off track", "no data".
std::string status_words(std::string_view derived_status);

/// True if `status` is `fail_on` or worse (off_track is worse than at_risk; no_data counts as neither).
bool fails(std::string_view status, std::string_view fail_on);

/// Registers `aims objectives reading add|list|push|delete` under `objectives`.
void register_objective_reading_commands(CLI::App* objectives, int& exit_code);

}  // namespace aims::cli
