#include "domain/common/input.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/date.hpp"
#include "core/text.hpp"

namespace aims::input {
namespace json = boost::json;

namespace {

/// A bound as people write it: "1e15", "0", "100".
std::string json_number_text(double d) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, r.ec == std::errc() ? r.ptr : buf);
  if (auto e = s.find("e+"); e != std::string::npos) s.erase(e + 1, 1);
  return s;
}

}  // namespace

Reader::Reader(const json::object& o, std::initializer_list<std::string_view> allowed,
               std::initializer_list<std::string_view> read_only)
    : o_(o) {
  for (const auto& kv : o) {
    std::string_view k = kv.key();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    if (std::find(read_only.begin(), read_only.end(), k) != read_only.end()) error(k, "is read-only");
    else error(k, "is not a field here");
  }
}

Reader::Reader(const json::object& o, const std::vector<std::string>& allowed, const std::vector<std::string>& read_only)
    : o_(o) {
  for (const auto& kv : o) {
    std::string_view k = kv.key();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    if (std::find(read_only.begin(), read_only.end(), k) != read_only.end()) error(k, "is read-only");
    else error(k, "is not a field here");
  }
}

std::optional<std::string> Reader::text(std::string_view key, std::size_t max, bool multiline, bool required) {
  auto p = o_.if_contains(key);
  if (!p) {
    if (required) error(key, "is required");
    return std::nullopt;
  }
  if (!p->is_string()) {
    error(key, "must be a string");
    return std::nullopt;
  }
  auto s = text::trim(p->as_string());
  if (!text::is_clean_utf8(s, multiline)) {
    error(key, multiline ? "must be text without control characters" : "must be one line of text without control characters");
    return std::nullopt;
  }
  if (text::utf8_length(s) > max) {
    error(key, "must be at most " + std::to_string(max) + " characters");
    return std::nullopt;
  }
  if (required && s.empty()) {
    error(key, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Reader::choice(std::string_view key, std::initializer_list<std::string_view> choices) {
  auto p = o_.if_contains(key);
  if (!p) return std::nullopt;
  if (p->is_string() && std::find(choices.begin(), choices.end(), std::string_view(p->as_string())) != choices.end())
    return std::string(p->as_string());
  std::string all;
  for (auto c : choices) all += (all.empty() ? "" : ", ") + std::string(c);
  error(key, "must be one of " + all);
  return std::nullopt;
}

std::optional<bool> Reader::boolean(std::string_view key) {
  auto p = o_.if_contains(key);
  if (!p) return std::nullopt;
  if (!p->is_bool()) {
    error(key, "must be true or false");
    return std::nullopt;
  }
  return p->as_bool();
}

namespace {

/// The member `key` of a number field, or null when it is absent or (nullable) null, as `was_null` says.
const json::value* number_member(const json::object& o, std::string_view key, bool nullable, bool* was_null) {
  auto p = o.if_contains(key);
  if (p && p->is_null() && nullable) {
    if (was_null) *was_null = true;
    return nullptr;
  }
  return p;
}

}  // namespace

std::optional<int> Reader::integer(std::string_view key, int lo, int hi, bool nullable, bool* was_null) {
  auto p = number_member(o_, key, nullable, was_null);
  if (!p) return std::nullopt;
  auto v = whole_number(*p, lo, hi);
  if (!v) {
    error(key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                   (nullable ? " (or null)" : ""));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<double> Reader::number(std::string_view key, double lo, double hi, bool nullable, bool* was_null) {
  auto p = number_member(o_, key, nullable, was_null);
  if (!p) return std::nullopt;
  auto d = finite_number(*p, lo, hi);
  if (!d) error(key, number_range(lo, hi, nullable));
  return d;
}

std::optional<std::vector<std::string>> Reader::list(std::string_view key, std::size_t max_items, std::size_t item_max) {
  auto p = o_.if_contains(key);
  if (!p) return std::nullopt;
  if (!p->is_array()) {
    error(key, "must be a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& e : p->as_array()) {
    if (!e.is_string()) {
      error(key, "must be a list of strings");
      return std::nullopt;
    }
    auto s = text::trim(e.as_string());
    if (s.empty() || !text::is_clean_utf8(s, false) || text::utf8_length(s) > item_max) {
      error(key, "each entry must be one line of 1 to " + std::to_string(item_max) + " characters");
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  if (out.size() > max_items) {
    error(key, "must have at most " + std::to_string(max_items) + " entries");
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<std::string>> Reader::choice_list(std::string_view key,
                                                            std::initializer_list<std::string_view> choices) {
  auto l = list(key, choices.size(), 100);
  if (!l) return l;
  for (const auto& e : *l)
    if (std::find(choices.begin(), choices.end(), std::string_view(e)) == choices.end()) {
      std::string all;
      for (auto c : choices) all += (all.empty() ? "" : ", ") + std::string(c);
      error(key, "entries must be among " + all);
      return std::nullopt;
    }
  return l;
}

std::optional<std::string> Reader::date(std::string_view key) {
  auto p = o_.if_contains(key);
  if (!p) return std::nullopt;
  if (!p->is_string() || !parse_date(std::string(p->as_string()))) {
    error(key, "must be a date as YYYY-MM-DD");
    return std::nullopt;
  }
  return std::string(p->as_string());
}

std::optional<double> finite_number(const json::value& v, double lo, double hi) {
  std::optional<double> d;
  if (v.is_int64()) d = static_cast<double>(v.get_int64());
  else if (v.is_uint64()) d = static_cast<double>(v.get_uint64());
  else if (v.is_double()) d = v.get_double();
  if (!d || !std::isfinite(*d) || *d < lo || *d > hi) return std::nullopt;
  if (*d == 0) return 0.0;  // negative zero is zero: never stored or answered as -0
  return d;
}

std::optional<std::int64_t> whole_number(const json::value& v, std::int64_t lo, std::int64_t hi) {
  std::optional<std::int64_t> n;
  if (v.is_int64()) n = v.get_int64();
  else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) n = static_cast<std::int64_t>(v.get_uint64());
  // A JSON number with no fraction is a whole number however it is written (2.0, 2e0, -0.0), as in
  // JSON Schema; anything beyond ±2^53 is not exactly what was sent, so it is not taken.
  else if (v.is_double() && std::isfinite(v.get_double()) && std::trunc(v.get_double()) == v.get_double() &&
           std::fabs(v.get_double()) <= 9007199254740992.0)
    n = static_cast<std::int64_t>(v.get_double());
  if (!n || *n < lo || *n > hi) return std::nullopt;
  return n;
}

std::string number_range(double lo, double hi, bool nullable) {
  return "must be a number from " + json_number_text(lo) + " to " + json_number_text(hi) + (nullable ? " (or null)" : "");
}

json::array to_array(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

std::vector<std::string> from_array(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& e : v.as_array())
      if (e.is_string()) out.emplace_back(e.as_string());
  return out;
}

}  // namespace aims::input
