// The action tracker (docs/actions.md): every action of the organization in one list, read from the
// action index (store/actions.hpp) — filtered (mine, owner, status, overdue, source, due_before, q),
// sorted (due date, nulls last; updated; title) and keyset-paged in SQL — and the dashboard's
// figures (my open and overdue actions, all overdue). Overdue is worked out from today's date when
// read. Only actions of kinds the caller's role may read are listed. Thread-safe (stateless over the
// store and clock it borrows).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::actions {

class ActionService {
 public:
  ActionService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// A page {"items", "total", "next"?, "today"} of the organization's actions; 400 for an unknown
  /// parameter or a bad value (nothing is read then).
  result<std::string> list(const accounts::Actor& a, const records::Params& params) const;

  /// The dashboard card: {"mine_open", "mine_overdue", "overdue", "open", "today"} and its
  /// self-description (card_figures.hpp).
  result<boost::json::object> summary(const accounts::Actor& a) const;

  /// Today's date (YYYY-MM-DD) by the clock.
  std::string today() const;

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::actions
