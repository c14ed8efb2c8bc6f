#include "http/json_keys.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <string>
#include <unordered_set>
#include <vector>

namespace aims::http {
namespace json = boost::json;

namespace {

/// One open object or array while the document streams by.
struct Frame {
  bool object = false;
  std::unordered_set<std::string> keys;  // objects: keys seen so far
  std::string key;                        // objects: the current member's key
  std::size_t index = 0;                  // arrays: the current element's index
};

/// A basic_parser handler that keeps only the open containers and stops at a repeated key.
struct KeyHandler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::vector<Frame> stack;
  std::string key;  // the key being read (it may arrive in parts)
  std::optional<DuplicateKey> found;

  using ec_t = boost::system::error_code;

  /// A value inside the current container is complete.
  void value_done() {
    if (!stack.empty() && !stack.back().object) ++stack.back().index;
  }
  std::string pointer() const {  // of the innermost open container
    std::string p;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
      p += '/';
      if (!stack[i].object) {
        p += std::to_string(stack[i].index);
        continue;
      }
      for (char c : stack[i].key) {
        if (c == '~') p += "~0";
        else if (c == '/') p += "~1";
        else p += c;
      }
    }
    return p;
  }

  bool on_document_begin(ec_t&) { return true; }
  bool on_document_end(ec_t&) { return true; }
  /// A container opens (an object or an array) or the innermost one closes.
  bool open_container(bool object) {
    stack.push_back(Frame{object, {}, {}, 0});
    return true;
  }
  bool close_container() {
    stack.pop_back();
    value_done();
    return true;
  }
  bool on_object_begin(ec_t&) { return open_container(true); }
  bool on_object_end(std::size_t, ec_t&) { return close_container(); }
  bool on_array_begin(ec_t&) { return open_container(false); }
  bool on_array_end(std::size_t, ec_t&) { return close_container(); }
  bool on_key_part(json::string_view s, std::size_t, ec_t&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, ec_t& ec) {
    key.append(s.data(), s.size());
    auto& top = stack.back();
    if (!top.keys.insert(key).second) {
      found = DuplicateKey{key, pointer()};
      ec = json::error::syntax;  // stops the parser; `found` tells why
      return false;
    }
    top.key = std::move(key);
    key.clear();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, ec_t&) { return true; }
  bool on_string(json::string_view, std::size_t, ec_t&) { return scalar(); }
  bool on_number_part(json::string_view, ec_t&) { return true; }
  bool on_int64(std::int64_t, json::string_view, ec_t&) { return scalar(); }
  bool on_uint64(std::uint64_t, json::string_view, ec_t&) { return scalar(); }
  bool on_double(double, json::string_view, ec_t&) { return scalar(); }
  bool on_bool(bool, ec_t&) { return scalar(); }
  bool on_null(ec_t&) { return scalar(); }
  bool on_comment_part(json::string_view, ec_t&) { return true; }
  bool on_comment(json::string_view, ec_t&) { return true; }

  bool scalar() {
    value_done();
    return true;
  }
};

}  // namespace

std::optional<DuplicateKey> find_duplicate_key(std::string_view json_text, int max_depth) {
  json::parse_options po;
  po.max_depth = static_cast<std::size_t>(max_depth);
  json::basic_parser<KeyHandler> p(po);
  boost::system::error_code ec;
  p.write_some(false, json_text.data(), json_text.size(), ec);
  return std::move(p.handler().found);
}

}  // namespace aims::http
