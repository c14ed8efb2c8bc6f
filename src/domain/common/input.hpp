// Reading fields of a JSON request body with validation, collecting field errors. Used by the
// services; one instance per request (not thread-safe, not shared).
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aims::input {

class Reader {
 public:
  /// Fails unknown fields (read-only ones named as such) when `allowed` does not list them.
  Reader(const boost::json::object& o, std::initializer_list<std::string_view> allowed,
         std::initializer_list<std::string_view> read_only = {});
  /// The same for a list of fields known at run time (e.g. a kind's FieldSpecs), and its read-only ones.
  Reader(const boost::json::object& o, const std::vector<std::string>& allowed, const std::vector<std::string>& read_only);

  bool has(std::string_view key) const { return o_.contains(key); }
  /// Trimmed text of at most `max` characters (one line unless multiline); required = non-empty.
  std::optional<std::string> text(std::string_view key, std::size_t max, bool multiline = false, bool required = false);
  std::optional<std::string> choice(std::string_view key, std::initializer_list<std::string_view> choices);
  std::optional<bool> boolean(std::string_view key);
  /// An integer in [lo, hi]; `nullable` accepts null (returned as nullopt with *was_null set).
  std::optional<int> integer(std::string_view key, int lo, int hi, bool nullable = false, bool* was_null = nullptr);
  /// A finite number in [lo, hi] (a whole number or not); `nullable` accepts null (nullopt, *was_null set).
  std::optional<double> number(std::string_view key, double lo, double hi, bool nullable = false, bool* was_null = nullptr);
  /// Trimmed, de-duplicated one-line strings of at most `item_max` characters, at most `max_items`.
  std::optional<std::vector<std::string>> list(std::string_view key, std::size_t max_items, std::size_t item_max);
  /// A list whose entries must each be one of `choices`.
  std::optional<std::vector<std::string>> choice_list(std::string_view key, std::initializer_list<std::string_view> choices);
  /// A YYYY-MM-DD calendar date.
  std::optional<std::string> date(std::string_view key);

  void error(std::string_view field, std::string message) { errors_.push_back({std::string(field), 0, std::move(message)}); }
  bool ok() const { return errors_.empty(); }
  Error failure(std::string detail) { return make_error(errc::validation, std::move(detail), errors_); }

 private:
  const boost::json::object& o_;
  std::vector<FieldError> errors_;
};

/// A JSON number as a double when it is finite and within [lo, hi]; nullopt for anything else
/// (not a number, beyond the range a double holds, outside the bounds).
std::optional<double> finite_number(const boost::json::value& v, double lo, double hi);
/// A JSON number that is a whole number in [lo, hi] (2, 2.0, 2e0 and -0.0 are; 2.5, 1e-300 and
/// anything beyond ±2^53 written with a fraction or exponent are not); nullopt for anything else.
std::optional<std::int64_t> whole_number(const boost::json::value& v, std::int64_t lo, std::int64_t hi);
/// The message for a number outside [lo, hi]: "must be a number from -1e15 to 1e15".
std::string number_range(double lo, double hi, bool nullable = false);

boost::json::array to_array(const std::vector<std::string>& v);
std::vector<std::string> from_array(const boost::json::value& v);

}  // namespace aims::input
