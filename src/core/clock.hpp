// Time as the domain sees it: UTC instants formatted as RFC 3339 with milliseconds.
// Clock implementations are thread-safe.
#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace aims {

using TimePoint = std::chrono::system_clock::time_point;

/// Formats as 2026-11-22T10:35:00.123Z.
std::string format_time(TimePoint t);
/// Parses the format above (and without milliseconds); nullopt if malformed.
std::optional<TimePoint> parse_time(const std::string& s);

/// A source of the current time, injected into services so tests can pin it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  std::string now_text() const { return format_time(now()); }
};

/// The wall clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace aims
