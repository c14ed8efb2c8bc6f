// Rules of a field-driven kind that its KindSpec does not hold, declared by the kind's spec file
// beside it: a check that reads the organization's records or compares with the stored version
// (e.g. a reference whose kind its prefix names, fields only a workflow sets), run by the generic
// record service in the write transaction of a create or a change; and the facet slot of the due
// date of a record still open, which gives the generic list `overdue=true` (in SQL). Declared once
// per kind while its spec is built; read by every request. Thread-safe (a mutex guards the table).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::records {

/// Called with `before` null on a create; an error refuses the write (its status: 400, 409, 422).
using StoredCheck = std::function<status(store::ReadTx& tx, const std::string& org_id, const boost::json::object* before,
                                         const boost::json::object& after)>;

struct StoredRules {
  StoredCheck check{};
  /// The text slot holding the due date while the record is open ("" once done or without a date);
  /// the kind lists "overdue" in its extra_params.
  std::optional<store::FacetSlot> due_slot{};
};

/// Declares the rules of the kind named `kind` (a second declaration replaces the first).
void declare_stored_rules(const std::string& kind, StoredRules rules);

/// The rules declared for `kind`; empty rules when none.
StoredRules stored_rules(const std::string& kind);

}  // namespace aims::records
