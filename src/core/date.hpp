// Calendar dates (YYYY-MM-DD, proleptic Gregorian, no time zone). Values; thread-safe.
#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace aims {

using Date = std::chrono::sys_days;

/// Parses YYYY-MM-DD (a real calendar date); nullopt otherwise.
std::optional<Date> parse_date(const std::string& s);
std::string format_date(Date d);
/// Today's date in UTC for a time point.
Date date_of(std::chrono::system_clock::time_point t);

}  // namespace aims
