// The Statement of Applicability as a PDF (cairo + pango): landscape A4, the summary (organization,
// version, counts) and one row per control with the columns of the XLSX export. Stateless;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `soa` is the JSON export of the SoA ({version, exported_at, summary, items}); `org` names the
/// organization. Returns the PDF's bytes.
result<std::string> soa_pdf(const boost::json::object& soa, const std::string& org);

}  // namespace aims::report
