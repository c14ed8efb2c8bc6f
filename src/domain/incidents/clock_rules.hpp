// The reporting clocks of incidents as cited data (catalog/reporting-clocks/clocks.json): each
// clock's regime, citation, the roles it applies to, the condition that starts it, the timestamp
// it counts from, its calendar days (none: immediately) and the recipient and report types that
// meet it. The code names no regime: a regime is added as data. Loaded once from the embedded
// file; immutable afterwards, so thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aims::incidents {

struct ClockRule {
  std::string id, regime, citation, title, summary;
  std::vector<std::string> applies_to;  // the organization's roles for the AI system
  std::string unless_role;              // "" or a role that, also held, lifts the clock
  std::string condition;                // serious | critical_infrastructure_or_widespread | death
  std::string trigger;                  // became_aware_at | causal_link_at | occurred_at
  std::optional<int> days;              // none: immediately, no count of days
  std::string recipient;                // authority | provider
  std::vector<std::string> met_by;      // report types that meet it
  std::string met_by_citation;
};

class ClockRules {
 public:
  /// The embedded file, read and checked once. Throws std::runtime_error naming the clock at
  /// fault (a build defect, caught at start-up).
  static const ClockRules& embedded();
  /// Reads a document of the file's shape (tests give their own). Throws std::runtime_error.
  static ClockRules from_json(const boost::json::value& doc);

  const std::vector<ClockRule>& clocks() const { return clocks_; }
  const ClockRule* find(const std::string& id) const;
  /// The whole file as served by GET /api/v1/incident-clock-rules.
  const boost::json::object& document() const { return doc_; }

 private:
  std::vector<ClockRule> clocks_;
  boost::json::object doc_;
};

}  // namespace aims::incidents
