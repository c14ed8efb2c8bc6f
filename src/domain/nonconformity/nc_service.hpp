// The steps of a nonconformity (ISO/IEC 42001 10.2; docs/nonconformity.md) on top of the generic
// record service: correction and containment, cause analysis, "could it occur elsewhere?", updates
// to risks and the AIMS, the effectiveness check (criterion, due date, a verifier who is not the
// owner), its result (effective: the NC may be closed; not effective: it reopens) and the closing.
// Each step is a new version of the NC with its history entry (the step's name) and audit entry,
// by whom and when; the status moves forward only through them. Also the dashboard card.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/lifecycle.hpp"
#include "store/store.hpp"

namespace aims::nonconformity {

class NcService {
 public:
  NcService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// POST …/containment {action, done_on?}: open → contained.
  result<records::Versioned> contain(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                     const std::optional<std::string>& if_match);
  /// POST …/cause-analysis {method, analysis, root_cause}: contained → analysed.
  result<records::Versioned> analyse(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                     const std::optional<std::string>& if_match);
  /// POST …/elsewhere-check {could_occur_elsewhere, where?}: analysed → actions_planned.
  result<records::Versioned> check_elsewhere(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                             const std::optional<std::string>& if_match);
  /// POST …/updates {links, note}: the risks, documents or other records changed because of the NC.
  result<records::Versioned> add_update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                        const std::optional<std::string>& if_match);
  /// POST …/effectiveness-check {criterion, due_date, verifier}: actions_planned → verifying, once
  /// every corrective action that is not cancelled is done.
  result<records::Versioned> schedule_check(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                            const std::optional<std::string>& if_match);
  /// POST …/effectiveness-result {result, reason?} by the verifier: effective (the NC may close) or
  /// not_effective (back to actions_planned, the check kept among the earlier ones).
  result<records::Versioned> record_result(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                           const std::optional<std::string>& if_match);
  /// POST …/close {}: verifying with an effective check → closed (closed_on today).
  result<records::Versioned> close(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                                   const std::optional<std::string>& if_match);

  /// The dashboard card: {open, overdue, overdue_actions, checks_due} with its figures.
  result<boost::json::object> summary(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::nonconformity
