// The clock engine of incidents (docs/incidents.md, "Clocks"): from an incident's timestamps,
// its qualification and its reports, each clock of the data's start, deadline, time left and
// status (running, met, overdue, not applicable). Days are calendar days from the trigger
// instant (deadline = trigger + days × 24 h, an instant in UTC); a clock is met by the first
// matching report, on time when sent at or before the deadline; it is overdue only after the
// deadline instant. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/incidents/clock_rules.hpp"

namespace aims::incidents {

/// An ISO 8601 date-time with seconds optional, a fraction optional and a zone: Z or ±HH:MM
/// (2026-12-01T09:30+01:00, 2026-12-01T08:30:00.250Z); nullopt for anything else (no zone, a
/// day or hour that does not exist, an offset beyond ±18:00).
std::optional<TimePoint> parse_instant(std::string_view s);

/// One report of an incident as the clocks see it.
struct SentReport {
  std::string id, type, recipient_kind;
  TimePoint sent_at;
};

/// What the clocks of one incident depend on, read from its stored document.
struct IncidentFacts {
  std::map<std::string, TimePoint> timestamps;  // occurred_at, became_aware_at, causal_link_at (when set and valid)
  bool qualified = false;
  bool serious = false;
  bool death = false;
  bool critical_or_widespread = false;  // Art. 3(49)(b) or a widespread infringement
  std::vector<std::string> roles;       // the organization's roles at qualification
  std::vector<SentReport> reports;      // in the order sent
};

/// The facts of an incident document (qualification and reports as the service stores them).
IncidentFacts facts_of(const boost::json::object& doc);

enum class ClockStatus { running, met, overdue, not_applicable };
std::string_view status_name(ClockStatus s);

struct ClockState {
  const ClockRule* rule = nullptr;
  ClockStatus status = ClockStatus::not_applicable;
  std::string reason;                 // why not applicable
  std::optional<TimePoint> start;     // the trigger instant
  std::optional<TimePoint> deadline;  // none: immediately (or not applicable)
  std::optional<TimePoint> met_at;
  std::string met_by_report;
  bool on_time = false;  // met at or before the deadline (an immediate clock: always)
};

/// Each clock of `rules` for the incident at `now`, in the order of the data.
std::vector<ClockState> evaluate(const std::vector<ClockRule>& rules, const IncidentFacts& f, TimePoint now);

/// The served form: {id, regime, citation, title, summary, recipient, days, status, reason, start,
/// deadline, time_left_seconds (negative when overdue; null when none), met_at, met_by_report, on_time}.
boost::json::object to_json(const ClockState& c, TimePoint now);

/// The earliest deadline of the applicable clocks not met yet (none when every dated one is met
/// or not applicable), and whether any applicable clock (dated or immediate) is not met yet.
/// They do not depend on now: they are the incident's facets.
struct OpenClocks {
  std::optional<TimePoint> next_deadline;
  bool open = false;
};
OpenClocks open_clocks(const std::vector<ClockRule>& rules, const IncidentFacts& f);

}  // namespace aims::incidents
