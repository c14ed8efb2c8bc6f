// Printing for the API client commands: aligned text tables, "label: value" blocks, the text of
// JSON values, error reports of RFC 9457 problem documents, yes/no questions and output files.
#pragma once
#include <boost/json/fwd.hpp>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aims::cli {

/// A text table with a header row, printed with columns aligned by character count. A value
/// built and printed by one command; not thread-safe.
class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  /// Cells of `column` longer than `width` characters are cut and end with "…".
  void set_max_width(std::size_t column, std::size_t width);
  /// Adds a row; missing cells are empty, line breaks become spaces.
  void add_row(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }
  /// Prints the header and the rows, columns separated by two spaces.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::size_t> max_width_;  // 0: no limit
  std::vector<std::vector<std::string>> rows_;
};

/// The text of a JSON value for people: strings as they are, arrays joined by "; ", booleans
/// true/false, null as "".
std::string display(const boost::json::value& v);

/// Prints "label  value" lines aligned on the widest label; "-" for empty values and further
/// lines of multi-line values indented under the first.
void print_fields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields);

/// Prints text word-wrapped to `width` columns, every line indented by `indent` spaces; with a
/// `bullet`, the first line starts with it and the others are aligned after it.
void print_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::string_view bullet = {},
                   std::size_t width = 100);

/// Prints a body as received (JSON from the server) and ends it with a line break.
void print_body(std::ostream& out, std::string_view body);

/// Reports an unsuccessful response on `err`: "aims: DETAIL", then one line per field error or,
/// for CSV row errors, a "row  field  message" table. Bodies that are not problem documents are
/// reported by their status line.
void print_problem(std::ostream& err, int status, std::string_view reason, std::string_view media_type,
                   std::string_view body);

/// Asks `question` on stderr, followed by " [y/N] ", and reads one line of standard input; true
/// for y or yes. Callers ask only when standard input is a terminal.
bool confirm(const std::string& question);

/// Writes `content` to the file `path` (created or replaced); on failure reports
/// "aims: cannot write PATH: REASON" on stderr and returns false.
bool write_file(const std::string& path, std::string_view content);

}  // namespace aims::cli
