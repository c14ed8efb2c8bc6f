// Small text helpers shared by the domain and the interfaces. Pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aims::text {

/// ASCII lower-case copy (non-ASCII bytes unchanged).
std::string lower(std::string_view s);
/// Copy without leading and trailing ASCII white space.
std::string trim(std::string_view s);
/// True if s is valid UTF-8 without control characters other than tab, CR and LF.
bool is_clean_utf8(std::string_view s, bool allow_newlines = true);
/// Number of code points (s must be valid UTF-8).
std::size_t utf8_length(std::string_view s);
/// Splits on a separator, trimming each part and dropping empty parts.
std::vector<std::string> split_list(std::string_view s, char sep);
/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// A plausible email address: one @, non-empty local part, a dot in the domain, no spaces, <= 254.
bool looks_like_email(std::string_view s);

/// `s` as a whole decimal integer (an optional leading '-'), or nothing when it is not one or does
/// not fit 64 bits.
std::optional<std::int64_t> to_int64(std::string_view s);

}  // namespace aims::text
