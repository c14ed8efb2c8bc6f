// The EU AI Act facts of one AI system — class, basis, the organization's roles, the obligations
// that follow and whether an Art. 27 fundamental-rights impact assessment is required — read from
// its saved classification, the one source every other module asks (impact assessments, the
// obligations register, the inventory's derived fields). Pure functions plus one store read;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::euact {

/// The facts of a saved classification document (as stored under kind `classification`), or of
/// none (`saved` null): {classified, version, classified_at, class, basis, roles,
/// organization_role, obligations: [id], fria: {required, reason, conditions}}. Without a saved
/// classification nothing is guessed: classified false, class "unclassified", no roles, and the
/// FRIA reason says to classify the system.
boost::json::object facts_of(const boost::json::object* saved);

/// facts_of the system's saved classification, read in `tx`.
boost::json::object system_facts(store::ReadTx& tx, const std::string& org_id, const std::string& system_id);

/// The items of a systems list page (a JSON array of system documents; unreadable rows {id, error}
/// kept as they are) with "eu_ai_act_roles" added to each system: the roles of system_facts, or null
/// when the system is not classified. One read of the store for the page.
result<std::string> with_classified_roles(store::Store& store, const std::string& org_id, const std::string& items_json);

}  // namespace aims::euact
