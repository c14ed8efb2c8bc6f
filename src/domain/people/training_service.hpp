// Completions of training campaigns (ISO/IEC 42001 7.2, 7.3; EU AI Act Art. 4): who is in a
// campaign's audience (its people and today's holders of its AIMS roles), who completed it when
// and who is due again under its recurrence; completing records the completion (a child row of
// the campaign, kind training_completion, one per person and day) and creates or renews the
// person's competence record of each competence the campaign gives, all in one transaction.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::people {

class TrainingService {
 public:
  TrainingService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// POST /api/v1/training-campaigns/{id}/completions {person, completed_on?} (default today):
  /// 201 with the completion and the competence records made or renewed.
  result<std::string> complete(const accounts::Actor& a, const std::string& campaign_id, const boost::json::value& body);
  /// GET /api/v1/training-campaigns/{id}/completions: {campaign, today, items: [{person, email,
  /// name, completed_on, next_due, status: completed|due|overdue}], total, completed}.
  result<std::string> completions(const accounts::Actor& a, const std::string& campaign_id);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::people
