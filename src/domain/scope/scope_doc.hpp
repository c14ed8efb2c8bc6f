// The AIMS scope's document: reading a body into its fields (units, sites, AI systems in and out
// of scope with reasons, the organization's AI roles, interfaces, boundaries), the certificate
// statement derived from them, and the drift between the scope and the inventory. Pure functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace aims::scope {

/// What the scope needs to know of one AI system of the inventory.
struct SystemFact {
  std::string name;
  std::string status;  // the inventory's status (planned, active, suspended, retired)
  bool archived = false;
};

/// The organization's AI systems by id, archived ones included.
using Systems = std::map<std::string, SystemFact>;

/// The editable members of a scope, in the order of the document and of its history's changes.
const std::vector<std::string>& scope_fields();

/// The editable members of `body` checked and normalized (every member present; lists
/// de-duplicated); a validation error naming each bad field otherwise. Systems are checked against
/// `systems` (unknown or archived ones are errors) and a system both in and out of scope is an error.
result<boost::json::object> read_scope(const boost::json::value& body, const Systems& systems);

/// The one-sentence scope statement for the certificate, derived from the document's fields.
std::string statement(const std::string& org_name, const boost::json::object& doc, const Systems& systems);

/// The drift between the scope and the inventory: [{system_id, name, problem, sentence}], where
/// problem is "unplaced" (a live system neither in nor out of scope), "retired", "archived" or
/// "missing" (an in-scope system the inventory retired, archived or no longer holds).
boost::json::array drift(const boost::json::object& doc, const Systems& systems);

/// Whether the system is "in", "out" (with its reason) or "unplaced" by the scope document.
struct Placement {
  std::string where;
  std::string reason;
};
Placement placement(const boost::json::object& doc, const std::string& system_id);

/// Every system the scope document places, by id: "in" (in_scope) or "out" with its reason
/// (out_of_scope). The one reading of a scope's membership: placement, drift and the membership
/// served with each AI system all use it; a system it does not hold is "unplaced".
std::map<std::string, Placement> placements(const boost::json::object& doc);

}  // namespace aims::scope
