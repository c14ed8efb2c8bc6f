// Reading and checking what a client sends for an AI objective or a reading: field types and
// lengths, the Annex C objective against the catalog, and the rules between fields (the targets
// each direction needs, the warning band on the right side of the target, due date after start).
// Pure functions; thread-safe (the catalog is immutable).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/catalog/catalog.hpp"

namespace aims::objectives {

/// Checks an AI system id; returns an error message for the `system_id` field, or nullopt if the
/// system may be used.
using SystemCheck = std::function<std::optional<std::string>(const std::string& system_id)>;

/// The fields of an objective after applying `body` to `current` (the stored record, or an empty
/// object when creating). Unknown and read-only fields, wrong types, missing required fields and
/// broken rules all come back together as one errc::validation with field errors (fields of plans
/// are named like `plans[2].action`). `system_check` is called only for a system_id the body sets
/// to another system than the one linked.
result<boost::json::object> apply_objective_input(const boost::json::object& body, const boost::json::object& current,
                                                  bool creating, const catalog::Catalog& cat, Date today,
                                                  const SystemCheck& system_check);

/// The fields of an objective a client sets, in the order history lists their changes.
const std::vector<std::string_view>& objective_fields();

/// A reading as sent: the value, the day it was measured (default today) and a note.
struct ReadingInput {
  std::string objective;  // only in bulk pushes: the objective's id or key
  double value = 0;
  std::string measured_on;
  std::string note;
};

/// Reads one reading. `with_objective` also requires the `objective` field (bulk pushes). Field
/// errors carry `row` (0 for a single reading).
result<ReadingInput> read_reading(const boost::json::object& body, Date today, bool with_objective, int row = 0);

/// A JSON number as stored: integers as integers, anything else as a double.
boost::json::value number_value(double v);
/// A JSON number as a double (nullopt if not a number).
std::optional<double> to_double(const boost::json::value& v);

}  // namespace aims::objectives
