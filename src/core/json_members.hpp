// Members of JSON objects read without checks at every call: an object or array member, or an
// empty one when it is absent or of another type. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace aims {

/// The object member `key` of `o`, or an empty object.
inline const boost::json::object& object_at(const boost::json::object& o, std::string_view key) {
  static const boost::json::object empty;
  auto p = o.if_contains(key);
  return p && p->is_object() ? p->get_object() : empty;
}

/// The string member `key` of `o`, or "" when it is absent or not a string.
inline std::string string_at(const boost::json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_string() ? std::string(p->get_string()) : std::string();
}

/// The array member `key` of `o`, or an empty array.
inline const boost::json::array& array_at(const boost::json::object& o, std::string_view key) {
  static const boost::json::array empty;
  auto p = o.if_contains(key);
  return p && p->is_array() ? p->get_array() : empty;
}

}  // namespace aims
