// The gap-assessment report as a PDF (cairo + pango): A4, a title page with the executive summary
// and both maturity radars drawn as vectors, then tables that wrap and break across pages, with
// "Page n of N" on every page. Rendered from the report model, so its figures match the HTML and
// JSON. Stateless; thread-safe (each call has its own cairo and pango objects).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `report` is the model of assessment_report(). Returns the PDF's bytes.
result<std::string> assessment_report_pdf(const boost::json::object& report);

}  // namespace aims::report
