// RFC 8785 JSON Canonicalization Scheme (JCS) over Boost.JSON values: the one byte form of a JSON
// value that the audit log hashes (docs/formats/audit-log.md). Pure functions; thread-safe.
#pragma once
#include <boost/json/fwd.hpp>

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims {

/// The canonical form of `v` (RFC 8785): no white space; object members sorted by the UTF-16 code
/// units of their names; strings with only the escapes JSON requires (\" \\ \b \f \n \r \t and
/// \u00xx, lower-case hex, for the other control characters), everything else as UTF-8; numbers as
/// ECMAScript's Number.prototype.toString writes the IEEE 754 double (integers up to 2^53 exactly).
/// Fails with errc::bad_request for a string that is not valid UTF-8 and for NaN or infinity.
result<std::string> canonical_json(const boost::json::value& v);

/// ECMAScript's Number.prototype.toString of a finite double (RFC 8785 §3.2.2.3): the shortest
/// digits that read back as the same double, in plain notation for 1e-7 < |d| < 1e21, else with an
/// exponent ("1e+21", "1.5e-7"); -0 is "0".
std::string ecmascript_number(double d);

/// True if `s` is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace aims
