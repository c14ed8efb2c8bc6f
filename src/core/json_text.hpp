// JSON text for people as well as programs: like boost::json::serialize, but doubles are written in
// their shortest form that reads back as the same double, in plain decimal notation ("0.03", "90.6")
// unless an exponent is shorter ("1e-300"). Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace aims {

std::string to_json_text(const boost::json::value& v);

/// Parses JSON text like boost::json::parse, but every number that is not an integer becomes the
/// double nearest to its text (correctly rounded), so a value written by json_number reads back
/// bit for bit. Numbers beyond a double's range become infinity (or zero), for callers to refuse.
boost::json::value parse_json_exact(std::string_view text, boost::json::error_code& ec,
                                    const boost::json::parse_options& opt = {});

/// One double as a JSON number token that parses back to the same bits ("null" if not finite).
std::string json_number(double d);

}  // namespace aims
