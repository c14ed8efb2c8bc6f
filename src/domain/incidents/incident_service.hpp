// The workflow of AI incidents (docs/incidents.md) on top of the generic record service: the
// serious-incident qualification (the AI system's EU AI Act class and the organization's roles
// read from its saved classification, the Art. 3(49) category, the causal link, the rationale,
// who and when; a re-qualification is a new version with its history), the report chain
// (initial → follow-up → final per recipient, each a frozen snapshot kept as a child record whose
// audit entry holds its SHA-256), the clocks of one incident, the organization's clocks board
// (paged in SQL on the next-deadline facet), the JSON export and the dashboard figures.
// Owned by the composition root; thread-safe (state is in the store; the clock data is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/incidents/clock_rules.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::incidents {

class IncidentService {
 public:
  static constexpr const char* kReportKind = "incident_report";  // child rows of an incident

  IncidentService(store::Store& store, const Clock& clock, const ClockRules& rules = ClockRules::embedded())
      : store_(store), clock_(clock), rules_(rules) {}

  /// POST /incidents/{id}/qualification {harm_category, death?, widespread_infringement?,
  /// causal_link, rationale} with If-Match (manager, admin): the served incident.
  result<records::Versioned> qualify(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                     const std::optional<std::string>& if_match);
  /// POST /incidents/{id}/reports {type, recipient_kind, recipient, sent_at, reference?, content}
  /// with If-Match (manager, admin): 201 with the frozen report and its sha256.
  result<std::string> send_report(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                  const std::optional<std::string>& if_match);
  /// GET /incidents/{id}/reports: {incident_id, items: [frozen reports, in the order sent]}.
  result<std::string> reports(const accounts::Actor& a, const std::string& id);
  /// GET /incidents/{id}/clocks: {incident_id, now, clocks: [...]} (see clocks.hpp, to_json).
  result<std::string> clocks(const accounts::Actor& a, const std::string& id);
  /// GET /incident-clocks?state=open|overdue&limit&cursor: the incidents with a clock not met
  /// (open) or past its deadline (overdue), soonest deadline first, with their clocks.
  result<std::string> board(const accounts::Actor& a, const records::Params& p);
  /// GET /incidents/{id}/export: the incident, its AI system {id, name}, its clocks and its
  /// reports as one JSON document.
  result<std::string> export_json(const accounts::Actor& a, const std::string& id);
  /// The dashboard card: {open, serious, open_clocks, overdue_clocks, next_deadline}.
  result<boost::json::object> summary(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
  const ClockRules& rules_;
};

}  // namespace aims::incidents
