#include "core/json_text.hpp"

#include <charconv>
#include <cmath>

namespace aims {
namespace json = boost::json;

namespace {

void write(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string_view(kv.key()));
        out += ':';
        write(kv.value(), out);
      }
      out += '}';
      break;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(e, out);
      }
      out += ']';
      break;
    }
    case json::kind::double_: {
      double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
        break;
      }
      char buf[64];
      auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
      std::string s(buf, ec == std::errc() ? p : buf);
      // Shortest fixed form that reads back as the same double.
      if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s += '0';
      } else {
        s += ".0";
      }
      out += s;
      break;
    }
    default: out += json::serialize(v);
  }
}

}  // namespace

std::string to_json_text(const json::value& v) {
  std::string out;
  write(v, out);
  return out;
}

}  // namespace aims
