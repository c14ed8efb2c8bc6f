// The gap-assessment report as a self-contained, printable HTML page (inline CSS, inline SVG radar
// charts, no scripts), rendered from the report model. Every user-supplied string is escaped.
// Pure function; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::report {

/// `report` is the model of assessment_report().
std::string assessment_report_html(const boost::json::object& report);

/// Text escaped for HTML element content and quoted attribute values.
std::string html_escape(std::string_view s);

}  // namespace aims::report
