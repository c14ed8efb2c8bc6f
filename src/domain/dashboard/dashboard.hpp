// The dashboard in one answer (GET /api/v1/dashboard): where the organization stands and what comes
// next first (the lead sections), then what is due this month, then the figures of every card, each
// computed by the provider its area registered (src/domain/dashboard/cards/) with the same domain
// calls as the endpoint it summarises, so the two never disagree. Providers depend only on the
// organization's records, the caller and today's date; the composed document is therefore cached
// per caller and day at the size of the organization's audit log, which every record change grows
// in its own transaction (docs/benchmarks.md). Cards are added by the composition root before
// serving and never after; figures() is then thread-safe (the cache locks).
#pragma once
#include <boost/json/value.hpp>

#include <functional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/inventory/list_cache.hpp"
#include "store/store.hpp"

namespace aims::dashboard {

/// Computes one card's figures for the caller; an error (e.g. the caller's role may not read the
/// area) is reported for that card alone.
using Provider = std::function<result<boost::json::value>(const accounts::Actor&)>;

/// Lists what one area has due from the past up to `until` (the last day of this month), each item
/// {"source", "title", "due_on", "overdue" (due before `today`), "link"} — read from the service that
/// owns the fact. An error is reported for that source alone, like a card's.
using DueProvider = std::function<result<boost::json::array>(const accounts::Actor&, Date today, Date until)>;

/// One item of "due this month": {"source", "title", "due_on", "overdue", "link"}.
boost::json::object due_item(std::string_view source, std::string title, const std::string& due_on, Date today,
                             std::string link);

/// The items of a list page (a JSON document with "items", or the items array itself), unreadable
/// rows ({id, error}) left out.
std::vector<boost::json::object> page_items(const std::string& json);

class Dashboard {
 public:
  Dashboard(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// Registers a card under `name` (unique); cards appear in registration order.
  void add(std::string name, Provider provider);
  /// Registers a lead section under `name` (unique): leads come first, in registration order.
  void add_lead(std::string name, Provider provider);
  /// Registers a source of "due this month" under `source` (unique among names).
  void add_due(std::string source, DueProvider provider);

  /// The store the providers may read through (the SoA's answer source, for one).
  store::Store& store() { return store_; }

  /// {lead name: figures, …, "due_this_month": {"today", "until", "items": [by due_on]}, "cards": {name:
  /// figures, …}, "errors": {name: {"detail"}, …}}: a section the caller may not read is under
  /// errors; a store failure fails the whole answer.
  result<std::string> figures(const accounts::Actor& a);

 private:
  struct Card {
    std::string name;
    Provider provider;
  };
  struct Due {
    std::string source;
    DueProvider provider;
  };
  void check_unique(const std::string& name) const;

  store::Store& store_;
  const Clock& clock_;
  std::vector<Card> leads_;
  std::vector<Due> due_;
  std::vector<Card> cards_;
  inventory::ListCache cache_{8u << 20};  // documents by organization, caller, role and day
};

}  // namespace aims::dashboard
