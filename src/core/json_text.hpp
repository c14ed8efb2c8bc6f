// JSON text for people as well as programs: like boost::json::serialize, but numbers that are not
// whole are written in plain decimal notation ("0.03", "90.6") instead of exponent form ("3E-2").
// Pure function; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims {

std::string to_json_text(const boost::json::value& v);

}  // namespace aims
