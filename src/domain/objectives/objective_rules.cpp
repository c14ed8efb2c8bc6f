#include "domain/objectives/objective_rules.hpp"

#include <charconv>
#include <chrono>

#include "core/date_months.hpp"

namespace aims::objectives {

namespace {

constexpr std::string_view kDirections[] = {"higher_is_better", "lower_is_better", "within_range"};
constexpr std::string_view kFrequencies[] = {"weekly", "monthly", "quarterly", "yearly"};
constexpr std::string_view kHealth[] = {"on_track", "at_risk", "off_track", "no_data"};

template <class E, std::size_t N>
std::optional<E> parse(std::string_view s, const std::string_view (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

std::string_view health_words(Health h) {
  switch (h) {
    case Health::on_track: return "on track";
    case Health::at_risk: return "at risk";
    case Health::off_track: return "off track";
    case Health::no_data: return "no data";
  }
  return "";
}

}  // namespace

std::optional<Direction> parse_direction(std::string_view s) { return parse<Direction>(s, kDirections); }
std::optional<Frequency> parse_frequency(std::string_view s) { return parse<Frequency>(s, kFrequencies); }
std::optional<Health> parse_health(std::string_view s) { return parse<Health>(s, kHealth); }
std::string_view name_of(Direction d) { return kDirections[static_cast<int>(d)]; }
std::string_view name_of(Frequency f) { return kFrequencies[static_cast<int>(f)]; }
std::string_view name_of(Health h) { return kHealth[static_cast<int>(h)]; }

std::string format_number(double v) {
  if (v == 0) return "0";  // also -0
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "?";
  return std::string(buf, end);
}

Health classify(const Targets& t, double v) {
  switch (t.direction) {
    case Direction::higher_is_better:
      if (v >= t.target_value) return Health::on_track;
      return t.warning_threshold && v >= *t.warning_threshold ? Health::at_risk : Health::off_track;
    case Direction::lower_is_better:
      if (v <= t.target_value) return Health::on_track;
      return t.warning_threshold && v <= *t.warning_threshold ? Health::at_risk : Health::off_track;
    case Direction::within_range: {
      if (v >= t.target_min && v <= t.target_max) return Health::on_track;
      double m = t.warning_margin.value_or(0);
      if (t.warning_margin && v >= t.target_min - m && v <= t.target_max + m) return Health::at_risk;
      return Health::off_track;
    }
  }
  return Health::off_track;
}

namespace {

std::string with_unit(double v, const std::string& unit) {
  auto s = format_number(v);
  if (unit.empty()) return s;
  return s + (unit == "%" ? "" : " ") + unit;
}

}  // namespace

std::string formula(const Targets& t) {
  auto n = [&](double v) { return with_unit(v, t.unit); };
  switch (t.direction) {
    case Direction::higher_is_better:
      if (t.warning_threshold)
        return "higher is better: on track when the value is " + n(t.target_value) + " or more; at risk from " +
               n(*t.warning_threshold) + " up to " + n(t.target_value) + "; off track below " + n(*t.warning_threshold) + ".";
      return "higher is better: on track when the value is " + n(t.target_value) + " or more; off track below it (no warning band).";
    case Direction::lower_is_better:
      if (t.warning_threshold)
        return "lower is better: on track when the value is " + n(t.target_value) + " or less; at risk above " +
               n(t.target_value) + " up to " + n(*t.warning_threshold) + "; off track above " + n(*t.warning_threshold) + ".";
      return "lower is better: on track when the value is " + n(t.target_value) + " or less; off track above it (no warning band).";
    case Direction::within_range:
      if (t.warning_margin)
        return "within a range: on track from " + n(t.target_min) + " to " + n(t.target_max) + "; at risk up to " +
               n(*t.warning_margin) + " outside it (" + n(t.target_min - *t.warning_margin) + " to " +
               n(t.target_max + *t.warning_margin) + "); off track beyond that.";
      return "within a range: on track from " + n(t.target_min) + " to " + n(t.target_max) +
             "; off track outside it (no warning band).";
  }
  return "";
}

Date add_period(Date from, Frequency f) {
  if (f == Frequency::weekly) return from + std::chrono::days{7};
  return add_months(from, f == Frequency::monthly ? 1 : f == Frequency::quarterly ? 3 : 12);
}

namespace {

/// Why a value has its status, in words.
std::string reason(const Targets& t, double v, Health h) {
  auto n = [&](double x) { return with_unit(x, t.unit); };
  switch (t.direction) {
    case Direction::higher_is_better:
      if (h == Health::on_track) return "is at or above the target of " + n(t.target_value);
      if (h == Health::at_risk)
        return "is below the target of " + n(t.target_value) + " but not below the warning threshold of " + n(*t.warning_threshold);
      return t.warning_threshold ? "is below the warning threshold of " + n(*t.warning_threshold)
                                 : "is below the target of " + n(t.target_value);
    case Direction::lower_is_better:
      if (h == Health::on_track) return "is at or below the target of " + n(t.target_value);
      if (h == Health::at_risk)
        return "is above the target of " + n(t.target_value) + " but not above the warning threshold of " + n(*t.warning_threshold);
      return t.warning_threshold ? "is above the warning threshold of " + n(*t.warning_threshold)
                                 : "is above the target of " + n(t.target_value);
    case Direction::within_range: {
      std::string range = n(t.target_min) + " to " + n(t.target_max);
      if (h == Health::on_track) return "is inside the target range of " + range;
      if (h == Health::at_risk) return "is outside the target range of " + range + " but within the margin of " + n(*t.warning_margin);
      return t.warning_margin ? "is more than " + n(*t.warning_margin) + " outside the target range of " + range
                              : "is outside the target range of " + range;
    }
  }
  (void)v;
  return "";
}

}  // namespace

Evaluation evaluate(const Targets& t, Frequency f, bool active, Date start, const std::optional<Latest>& latest,
                    Date today) {
  Evaluation e;
  e.formula = formula(t);
  if (latest) {
    e.status = classify(t, latest->value);
    e.explanation = "The latest reading, " + with_unit(latest->value, t.unit) + " on " + format_date(latest->measured_on) +
                    ", " + reason(t, latest->value, e.status) + ": " + std::string(health_words(e.status)) + ".";
  } else {
    e.status = Health::no_data;
    e.explanation = "No reading has been recorded yet.";
  }
  if (!active) return e;
  Date due = add_period(latest ? latest->measured_on : start, f);
  e.next_reading_due = due;
  if (today > due) {
    e.reading_overdue = true;
    e.days_overdue = static_cast<int>((today - due).count());
    e.explanation += " A " + std::string(name_of(f)) + " reading was due by " + format_date(due) + " (" +
                     std::to_string(e.days_overdue) + (e.days_overdue == 1 ? " day" : " days") + " ago): reading overdue.";
  } else {
    e.explanation += " The next " + std::string(name_of(f)) + " reading is due by " + format_date(due) + ".";
  }
  return e;
}

}  // namespace aims::objectives
