#include "domain/inventory/csv.hpp"

namespace aims::csv {

result<std::vector<Row>> parse(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  std::vector<Row> rows;
  Row row;
  std::string cell;
  bool in_quotes = false, cell_started = false, row_has_content = false;
  int line = 1, row_line = 1;
  auto end_cell = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    cell_started = false;
  };
  auto end_row = [&] {
    end_cell();
    bool blank = row.size() == 1 && row[0].empty() && !row_has_content;
    if (!blank) rows.push_back(std::move(row));
    row.clear();
    row_has_content = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
          if (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '\n' && text[i + 1] != '\r')
            return make_error(errc::bad_request, "CSV row " + std::to_string(row_line) +
                                                     ": a quoted cell must end at a comma or a line end.");
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      if (cell_started && !cell.empty())
        return make_error(errc::bad_request,
                          "CSV row " + std::to_string(row_line) + ": a quote may only start a cell.");
      in_quotes = true;
      cell_started = true;
      row_has_content = true;
    } else if (c == ',') {
      end_cell();
      row_has_content = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row_line = line;
    } else {
      cell += c;
      cell_started = true;
      row_has_content = true;
    }
  }
  if (in_quotes) return make_error(errc::bad_request, "CSV row " + std::to_string(row_line) + ": a quoted cell is not closed.");
  if (cell_started || !row.empty() || row_has_content) end_row();
  return rows;
}

namespace {
bool guarded_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\''; }
}  // namespace

std::string guard(std::string cell) {
  if (!cell.empty() && guarded_start(cell[0])) cell.insert(cell.begin(), '\'');
  return cell;
}

std::string unguard(std::string cell) {
  if (cell.size() > 1 && cell[0] == '\'' && guarded_start(cell[1])) cell.erase(0, 1);
  return cell;
}

void append_row(std::string& out, const Row& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    const auto& c = row[i];
    bool quote = c.find_first_of(",\"\r\n") != std::string::npos || (!c.empty() && (c.front() == ' ' || c.back() == ' '));
    if (!quote) {
      out += c;
      continue;
    }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace aims::csv
