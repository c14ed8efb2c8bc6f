// Overdue planned communications (ISO/IEC 42001 7.4), counted in this one place for the list and
// the dashboard card: an entry of the communication plan on a schedule (monthly, quarterly,
// annually, once) is next due on its first due date while nothing was sent under it, else one
// period after the last communication sent under it (never again for "once"); it is overdue when
// that date is before today. Event-driven entries are never overdue. Archived records are left out.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::communication {

class OverdueService {
 public:
  OverdueService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// {"today", "planned": scheduled entries, "items": [{id, title, schedule, owner, last_sent_on,
  /// due_on}] (the overdue ones, earliest due first), "total"}.
  result<boost::json::object> overdue(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::communication
