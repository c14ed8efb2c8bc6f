#include "core/canonical_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace aims {
namespace json = boost::json;

namespace {

/// Decodes one UTF-8 sequence at s[i] (s is valid UTF-8) and advances i.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : 4;
  char32_t cp = len == 1 ? c : c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += static_cast<std::size_t>(len);
  return cp;
}

/// The UTF-16 code units of a valid UTF-8 string: the order RFC 8785 sorts member names by.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp < 0x10000) {
      out.push_back(static_cast<char16_t>(cp));
    } else {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xd800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
    }
  }
  return out;
}

status write_string(std::string_view s, std::string& out) {
  if (!is_valid_utf8(s)) return make_error(errc::bad_request, "a JSON string is not valid UTF-8");
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return ok();
}

constexpr std::int64_t kMaxExact = std::int64_t{1} << 53;

status write(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::null: out += "null"; return ok();
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return ok();
    case json::kind::string: return write_string(v.get_string(), out);
    case json::kind::int64: {
      auto i = v.get_int64();
      if (i >= -kMaxExact && i <= kMaxExact) out += std::to_string(i);
      else out += ecmascript_number(static_cast<double>(i));
      return ok();
    }
    case json::kind::uint64: {
      auto u = v.get_uint64();
      if (u <= static_cast<std::uint64_t>(kMaxExact)) out += std::to_string(u);
      else out += ecmascript_number(static_cast<double>(u));
      return ok();
    }
    case json::kind::double_: {
      double d = v.get_double();
      if (!std::isfinite(d)) return make_error(errc::bad_request, "a JSON number is not finite");
      out += ecmascript_number(d);
      return ok();
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out += ',';
        first = false;
        if (auto s = write(e, out); !s) return s;
      }
      out += ']';
      return ok();
    }
    case json::kind::object: {
      const auto& o = v.get_object();
      std::vector<std::pair<std::u16string, const json::key_value_pair*>> members;
      members.reserve(o.size());
      for (const auto& kv : o) {
        if (!is_valid_utf8(kv.key())) return make_error(errc::bad_request, "a JSON member name is not valid UTF-8");
        members.emplace_back(utf16(kv.key()), &kv);
      }
      std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      out += '{';
      bool first = true;
      for (const auto& m : members) {
        if (!first) out += ',';
        first = false;
        (void)write_string(m.second->key(), out);
        out += ':';
        if (auto s = write(m.second->value(), out); !s) return s;
      }
      out += '}';
      return ok();
    }
  }
  return make_error(errc::internal, "unknown JSON value kind");
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) return false;
    char32_t cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

std::string ecmascript_number(double d) {
  if (d == 0) return "0";  // also -0
  // The shortest digits that round-trip, in scientific form: "-d.ddde+XX".
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(end - buf));
  std::string out;
  if (sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  auto e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exp10 = 0;
  auto exp_text = sci.substr(e_pos + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp10);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  // ECMAScript: value = 0.digits × 10^n, with k digits.
  int k = static_cast<int>(digits.size());
  int n = exp10 + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(n - 1 >= 0 ? n - 1 : 1 - n);
  }
  return out;
}

result<std::string> canonical_json(const json::value& v) {
  std::string out;
  if (auto s = write(v, out); !s) return s.error();
  return out;
}

}  // namespace aims
