// Joining words the way a sentence lists them ("a, b and c"). Pure functions; thread-safe.
#pragma once
#include <string>
#include <vector>

namespace aims::text {

/// Joins as a sentence lists things: "a", "a and b", "a, b and c".
inline std::string join_and(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace aims::text
