// Pieces shared by the risk register's client commands (risk_commands.cpp,
// risk_review_commands.cpp) and the risk criteria commands (risk_criteria_commands.cpp).
// Stateless functions; not thread-safe (they print).
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cli/record_cli.hpp"

namespace aims::cli {

/// Registers `aims risk-criteria get|set`.
void register_risk_criteria_commands(CLI::App& app, int& exit_code);
/// Registers `aims risks accept|withdraw|history|heatmap` under `risks`.
void register_risk_review_commands(CLI::App* risks, int& exit_code);

inline const std::string kRisks = "/api/v1/risks";
/// The API path of a risk, e.g. /api/v1/risks/R-3/history.
inline const RecordPath risk_path{"/api/v1/risks"};

/// "16 critical" from a served score {"score", "level": {"id"}}.
std::string score_text(const boost::json::value* score);

}  // namespace aims::cli
