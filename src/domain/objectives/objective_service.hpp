// Use cases of AI objectives (ISO/IEC 42001 clause 6.2, SPEC §6): create with a human key (OBJ-1,
// OBJ-2, …), read with the status derived from the latest reading, list with filters, sorting and
// paging, change under optimistic concurrency, history (the objective's versions and the readings
// added and deleted) and a summary for dashboards. Acts for an Actor and checks its role; records
// of other organizations are invisible. Owned by the composition root; thread-safe (all state is in
// the store; the catalog is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::objectives {

class ObjectiveService {
 public:
  ObjectiveService(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids)
      : store_(store), cat_(cat), clock_(clock), ids_(ids) {}

  result<records::Versioned> create(const accounts::Actor& a, const boost::json::value& body);
  /// `id` is the objective's id (obj_…) or its key (OBJ-3).
  result<records::Versioned> get(const accounts::Actor& a, const std::string& id);
  /// `if_match` is the ETag the caller last read; required.
  result<records::Versioned> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                               const std::optional<std::string>& if_match);
  /// {"items": [...], "total": N, "next"?}: the parameters of objective_kind(), an unknown one a 400.
  result<std::string> list(const accounts::Actor& a, const records::Params& p);
  /// {"items": [...], "next"?}: the objective's versions and its readings added and deleted, newest
  /// first; 404 for an objective that is not the organization's before a bad limit or cursor (400).
  result<std::string> history(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);
  /// Counts for dashboards: total, by_status, by_derived_status and overdue (of active objectives).
  result<std::string> summary(const accounts::Actor& a);

 private:
  /// list() without the cache: reads the store.
  result<std::string> list_built(const accounts::Actor& a, const records::Params& p);
  store::Store& store_;
  const catalog::Catalog& cat_;
  const Clock& clock_;
  IdSource& ids_;
  inventory::ListCache lists_{8u << 20};  // list answers by organization, role, day and parameters
};

}  // namespace aims::objectives
