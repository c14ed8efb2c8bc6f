// The AI risk register as CSV (the auditor package's reports/risk-register.csv): a UTF-8 BOM, a
// header row, then one row per stored risk in order of number, with its stored fields only (no
// score derived under today's criteria), so the same rows always give the same bytes. Pure
// functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::risk {

/// The CSV bytes of risk rows as a package's records/risk.json holds them (objects with "id",
/// "version", "position" = the risk's number, "created_at", "updated_at" and "doc"). Columns: id,
/// number, version, the editable fields in their stored order, created_at, updated_at. Lists are
/// joined with "; ". Never throws: a member missing or of another type is an empty cell.
std::string risk_register_csv(const boost::json::array& rows);

}  // namespace aims::risk
