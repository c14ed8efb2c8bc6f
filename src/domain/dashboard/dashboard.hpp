// The dashboard in one answer (GET /api/v1/dashboard): the figures of every card, each computed by
// the provider its area registered (src/domain/dashboard/cards/) with the same domain calls as the
// endpoint the card summarises, so the two never disagree. Providers depend only on the
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
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/inventory/list_cache.hpp"
#include "store/store.hpp"

namespace aims::dashboard {

/// Computes one card's figures for the caller; an error (e.g. the caller's role may not read the
/// area) is reported for that card alone.
using Provider = std::function<result<boost::json::value>(const accounts::Actor&)>;

class Dashboard {
 public:
  Dashboard(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// Registers a card under `name` (unique); cards appear in registration order.
  void add(std::string name, Provider provider);

  /// {"cards": {name: figures, …}, "errors": {name: {"detail"}, …}}: a card the caller may not
  /// read is under errors; a store failure fails the whole answer.
  result<std::string> figures(const accounts::Actor& a);

 private:
  struct Card {
    std::string name;
    Provider provider;
  };
  store::Store& store_;
  const Clock& clock_;
  std::vector<Card> cards_;
  inventory::ListCache cache_{8u << 20};  // documents by organization, caller, role and day
};

}  // namespace aims::dashboard
