#include "core/json_text.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <charconv>
#include <cmath>
#include <string_view>

namespace aims {
namespace json = boost::json;

namespace {

void write_text(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string_view(kv.key()));
        out += ':';
        write_text(kv.value(), out);
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
        write_text(e, out);
      }
      out += ']';
      break;
    }
    case json::kind::double_: out += json_number(v.get_double()); break;
    default: out += json::serialize(v);
  }
}

/// Builds a value like boost::json::parser does, but reads each non-integer number from its text
/// with std::from_chars (correctly rounded) instead of the parser's faster, inexact conversion.
struct ExactHandler {
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::string number;  // the text of the number being read, when it spans several parts

  explicit ExactHandler(json::storage_ptr sp) : st(std::move(sp)) {}

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) { return true; }
  bool on_object_end(std::size_t n, json::error_code&) { st.push_object(n); return true; }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) { st.push_array(n); return true; }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) { st.push_chars(s); return true; }
  bool on_key(json::string_view s, std::size_t, json::error_code&) { st.push_key(s); return true; }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) { st.push_chars(s); return true; }
  bool on_string(json::string_view s, std::size_t, json::error_code&) { st.push_string(s); return true; }
  bool on_number_part(json::string_view s, json::error_code&) { number.append(s.data(), s.size()); return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) { number.clear(); st.push_int64(i); return true; }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) { number.clear(); st.push_uint64(u); return true; }
  bool on_double(double d, json::string_view s, json::error_code&) {
    number.append(s.data(), s.size());
    double exact = 0;
    auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), exact);
    // Out of range (1e400, 1e-400): the parser's infinity or zero stands, and is refused or kept as such.
    if (ec == std::errc() && p == number.data() + number.size()) d = exact;
    number.clear();
    st.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) { st.push_bool(b); return true; }
  bool on_null(json::error_code&) { st.push_null(); return true; }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

}  // namespace

json::value parse_json_exact(std::string_view text, json::error_code& ec, const json::parse_options& opt) {
  json::basic_parser<ExactHandler> p(opt, json::storage_ptr());
  p.handler().st.reset(json::storage_ptr());
  auto n = p.write_some(false, text.data(), text.size(), ec);
  if (!ec && n < text.size()) ec = json::error::extra_data;
  if (ec) return nullptr;
  return p.handler().st.release();
}

std::string json_number(double d) {
  if (!std::isfinite(d)) return "null";
  // The shortest digits that read back as the same double, plain or with an exponent, whichever is
  // shorter: "0.03", "90.6", "1e-300", "5e-324", "1.7976931348623157e+308". Always fits in 32 bytes.
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, res.ec == std::errc() ? res.ptr : buf);
  // A double stays a double when read back: whole values keep a fraction ("2.0", "-0.0").
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string to_json_text(const json::value& v) {
  std::string out;
  write_text(v, out);
  return out;
}

}  // namespace aims
