// The arithmetic of AI objectives (ISO/IEC 42001 clause 6.2): how a reading compares with the
// target of an objective (on track / at risk / off track), when the next reading is due, and the
// rule and its outcome in words. Pure functions on values; thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace aims::objectives {

enum class Direction { higher_is_better, lower_is_better, within_range };
enum class Frequency { weekly, monthly, quarterly, yearly };
/// The status derived from the latest reading.
enum class Health { on_track, at_risk, off_track, no_data };

std::optional<Direction> parse_direction(std::string_view s);
std::optional<Frequency> parse_frequency(std::string_view s);
std::optional<Health> parse_health(std::string_view s);
std::string_view name_of(Direction d);
std::string_view name_of(Frequency f);
std::string_view name_of(Health h);

/// What an objective aims at. For higher_is_better and lower_is_better, `target_value` is set and
/// `warning_threshold` optionally marks the far edge of the "at risk" band (below the target for
/// higher_is_better, above it for lower_is_better). For within_range, `target_min` <= `target_max`
/// are set and `warning_margin` optionally widens the range on both sides into an "at risk" band.
struct Targets {
  Direction direction = Direction::higher_is_better;
  double target_value = 0;
  double target_min = 0;
  double target_max = 0;
  std::optional<double> warning_threshold;
  std::optional<double> warning_margin;
  std::string unit;  // shown after numbers, e.g. "%" or "ms"
};

/// The status of one value against the targets. Bounds count as inside: a value equal to the
/// target is on track, a value equal to the warning threshold (or at the edge of the margin) is at
/// risk.
Health classify(const Targets& t, double value);

/// The rule of `classify` in words, with the numbers of the targets.
std::string formula(const Targets& t);

/// `from` plus one period of `f`: 7 days, or 1, 3 or 12 calendar months (the day of the month is
/// kept, or the month's last day when it has fewer days: 2026-01-31 + 1 month = 2026-02-28).
Date add_period(Date from, Frequency f);

struct Latest {
  double value = 0;
  Date measured_on;
};

/// The derived status of an objective on `today`.
struct Evaluation {
  Health status = Health::no_data;
  std::string formula;
  std::string explanation;
  /// When the next reading is due: one period after the latest reading, or after the start date
  /// when there is none. Only for active objectives.
  std::optional<Date> next_reading_due;
  bool reading_overdue = false;  // active, and today is after next_reading_due
  int days_overdue = 0;
};

Evaluation evaluate(const Targets& t, Frequency f, bool active, Date start, const std::optional<Latest>& latest,
                    Date today);

/// The shortest decimal text that reads back as `v` ("0.95", "12", "-3.5").
std::string format_number(double v);

}  // namespace aims::objectives
