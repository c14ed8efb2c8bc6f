#include "cli/output.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <ostream>

#include "core/json_members.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Characters (code points) in UTF-8 text; stray bytes count as one each.
std::size_t width_of(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

/// The first `n` characters of s, without splitting a multi-byte character.
std::string_view first_chars(std::string_view s, std::size_t n) {
  std::size_t i = 0, seen = 0;
  for (; i < s.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(s[i])) && seen++ == n) break;
  }
  return s.substr(0, i);
}

std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

void pad(std::ostream& out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out << ' ';
}

}  // namespace

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)), max_width_(headers_.size(), 0) {}

void Table::set_max_width(std::size_t column, std::size_t width) {
  if (column < max_width_.size()) max_width_[column] = width;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    cells[c] = one_line(std::move(cells[c]));
    auto limit = max_width_[c];
    if (limit > 1 && width_of(cells[c]) > limit) cells[c] = std::string(first_chars(cells[c], limit - 1)) + "…";
  }
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = width_of(headers_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width_of(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      s += cells[c];
      if (c + 1 < cells.size()) s.append(widths[c] - width_of(cells[c]) + 2, ' ');
    }
    s.erase(s.find_last_not_of(' ') + 1);
    out << s << '\n';
  };
  line(headers_);
  for (const auto& row : rows_) line(row);
}

std::string display(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string:
      return std::string(v.get_string());
    case json::kind::null:
      return "";
    case json::kind::bool_:
      return v.get_bool() ? "true" : "false";
    case json::kind::array: {
      std::string s;
      for (const auto& item : v.get_array()) {
        if (!s.empty()) s += "; ";
        s += display(item);
      }
      return s;
    }
    default:
      return json::serialize(v);
  }
}

void print_fields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t w = 0;
  for (const auto& f : fields) w = std::max(w, width_of(f.first));
  for (const auto& [label, value] : fields) {
    out << label;
    pad(out, w - width_of(label) + 2);
    if (value.empty()) {
      out << "-\n";
      continue;
    }
    std::string_view rest = value;
    bool first = true;
    while (true) {
      auto nl = rest.find('\n');
      if (!first) pad(out, w + 2);
      out << rest.substr(0, nl) << '\n';
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
      first = false;
    }
  }
}

void print_wrapped(std::ostream& out, std::string_view text, std::size_t indent, std::string_view bullet,
                   std::size_t width) {
  std::size_t hang = indent + width_of(bullet);
  std::size_t col = 0;  // 0: at the start of a line
  auto start_line = [&](bool first) {
    pad(out, indent);
    if (first) out << bullet;
    else pad(out, width_of(bullet));
    col = hang;
  };
  bool first = true;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {  // keep the author's line breaks
      out << '\n';
      col = 0;
      first = false;
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    auto end = text.find_first_of(" \n", i);
    auto word = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    auto w = width_of(word);
    if (col == 0) {
      start_line(first);
      first = false;
    } else if (col + 1 + w > width) {
      out << '\n';
      start_line(false);
    } else {
      out << ' ';
      ++col;
    }
    out << word;
    col += w;
    i += word.size();
  }
  if (col != 0 || first) out << '\n';
}

void print_body(std::ostream& out, std::string_view body) {
  out << body;
  if (body.empty() || body.back() != '\n') out << '\n';
}

void print_problem(std::ostream& err, int status, std::string_view reason, std::string_view media_type,
                   std::string_view body) {
  json::error_code ec;
  auto doc = (media_type == "application/problem+json" || media_type == "application/json") ? json::parse(body, ec)
                                                                                             : json::value();
  if (ec || !doc.is_object()) {
    err << "aims: the server answered " << status << (reason.empty() ? "" : " ") << reason << "\n";
    return;
  }
  const auto& o = doc.get_object();
  auto detail = string_at(o, "detail");
  if (detail.empty()) detail = string_at(o, "title");
  if (detail.empty()) detail = "the server answered " + std::to_string(status);
  err << "aims: " << detail << "\n";

  auto errors = o.if_contains("errors");
  if (!errors || !errors->is_array() || errors->get_array().empty()) return;
  const auto& list = errors->get_array();
  bool rows = std::any_of(list.begin(), list.end(), [](const json::value& e) {
    return e.is_object() && e.get_object().contains("row");
  });
  if (rows) {
    Table t({"row", "field", "message"});
    for (const auto& e : list) {
      if (!e.is_object()) continue;
      const auto& eo = e.get_object();
      auto row = eo.if_contains("row");
      t.add_row({row ? display(*row) : "", string_at(eo, "field"), string_at(eo, "message")});
    }
    t.print(err);
    return;
  }
  for (const auto& e : list) {
    if (!e.is_object()) continue;
    auto field = string_at(e.get_object(), "field");
    err << "  " << (field.empty() ? "" : field + ": ") << string_at(e.get_object(), "message") << "\n";
  }
}

bool confirm(const std::string& question) {
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  answer = text::lower(text::trim(answer));
  return answer == "y" || answer == "yes";
}

bool write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (out) return true;
  std::cerr << "aims: cannot write " << path << ": " << std::strerror(errno) << "\n";
  return false;
}

}  // namespace aims::cli
