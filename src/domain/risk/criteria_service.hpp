// Use cases of the risk criteria (ISO/IEC 42001 6.1.2): read them, and replace them (admins only:
// they decide who may accept which risks) with optimistic concurrency, refusing a matrix that
// existing risks' scores would no longer fit into. Levels of risks are derived on read, so a
// change re-levels every risk at once.
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

namespace aims::risk {

/// A versioned document as served: its JSON and version (for the ETag).
using Versioned = records::Versioned;

class CriteriaService {
 public:
  CriteriaService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// The criteria (the defaults, at version 0, until first set).
  result<Versioned> get(const accounts::Actor& a);
  /// Replaces the criteria; If-Match with the version read ("v0" for the defaults) is required.
  result<Versioned> put(const accounts::Actor& a, const boost::json::value& body, const std::optional<std::string>& if_match);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::risk
