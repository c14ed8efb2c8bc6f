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

/// The UTF-8 byte order mark every CSV export starts with (spreadsheets then read the file as
/// UTF-8); parse() skips it when present.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// The formula guard of an exported cell: a value starting with = + - @ tab or CR (which a
/// spreadsheet would run as a formula) or with the guard itself (') gets one ' in front, so
/// unguard(guard(v)) == v for every v.
std::string guard(std::string cell);
/// Removes the formula guard of an imported cell: one leading ' when a guarded character follows.
std::string unguard(std::string cell);

}  // namespace aims::csv
