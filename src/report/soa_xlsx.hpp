// The Statement of Applicability as an XLSX workbook (libxlsxwriter): one row per control with the
// columns auditors look for (maturity as a number, dates as date cells), a summary sheet. Stateless; thread-safe (each call writes its own
// temporary file).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `soa` is the JSON export of the SoA ({version, exported_at, summary, items}); `org` names the
/// organization. Returns the workbook's bytes.
result<std::string> soa_xlsx(const boost::json::object& soa, const std::string& org);

}  // namespace aims::report
