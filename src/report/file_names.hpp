// The names of the documents people download, without extension: the organization, what the
// document is and its date ("Acme gap assessment 2026-12-06"), so that a folder of downloads sorts
// and reads by itself. The HTTP handlers send them in Content-Disposition. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace aims::report {

/// "<organization> <what> <YYYY-MM-DD>": `date` is a date or an RFC 3339 date-time (its day).
std::string file_stem(std::string_view organization, std::string_view what, std::string_view date);
/// "<organization> gap assessment <assessment date>" of a report model (assessment_report()).
std::string gap_assessment_file_stem(const boost::json::object& report);
/// "<organization> statement of applicability v3 <export day>", or "… working copy …", of the SoA's
/// JSON export.
std::string soa_file_stem(const boost::json::object& soa, std::string_view organization);

}  // namespace aims::report
