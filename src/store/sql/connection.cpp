// Row accessors of the connection abstraction.
#include "store/sql/connection.hpp"

#include <charconv>

namespace aims::store::sql {

std::string Row::text(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return {};
}

std::string Row::take_text(std::size_t i) {
  Value& v = cells_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return std::move(*s);
  return text(i);
}

std::int64_t Row::int64(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc() || ptr != s->data() + s->size())
      throw SqlError(ErrorKind::other, "column " + std::to_string(i) + " is not an integer: " + *s);
    return out;
  }
  return 0;
}

bool Row::boolean(std::size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n != 0;
  if (const auto* s = std::get_if<std::string>(&v)) return *s == "t" || *s == "true" || *s == "1";
  return false;
}

}  // namespace aims::store::sql
