// RFC 4180 CSV reading and writing. Pure functions; thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aims::csv {

using Row = std::vector<std::string>;

/// Parses CSV text (comma separated, double-quote quoting, CRLF or LF line ends, optional UTF-8 BOM).
/// Blank lines are skipped. Errors name the 1-based row of the problem.
result<std::vector<Row>> parse(std::string_view text);

/// Appends one row, quoting cells that need it, ending with CRLF.
void append_row(std::string& out, const Row& row);

}  // namespace aims::csv
