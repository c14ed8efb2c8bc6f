// The Statement of Applicability as CSV (the `format=csv` export and the auditor package's
// reports/soa-vN.csv): a UTF-8 BOM, a header row, one row per entry, cells guarded against formulas.
// Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::soa {

/// The CSV bytes of a list of SoA entries (working or of an approved version), in their order.
/// Never throws: a member that is missing or of an unexpected type is an empty cell.
std::string soa_csv(const boost::json::array& entries);

}  // namespace aims::soa
