// The Content-Disposition header of a file the API sends (RFC 6266): a safe ASCII `filename` for
// old clients and the exact UTF-8 name as `filename*` (RFC 8187). Pure function; thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace aims::http {

/// `disposition` is "attachment" or "inline". Characters a file name cannot hold (`/`, `\`, control
/// characters) become `_` in both forms; in `filename` every other non-ASCII character does too.
std::string content_disposition(std::string_view disposition, std::string_view name);

}  // namespace aims::http
