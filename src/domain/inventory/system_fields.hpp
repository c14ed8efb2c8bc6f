// The fields of an AI system (SPEC §3): their types, limits, defaults and validation, and the
// mapping between the JSON record, the stored row and CSV cells. Pure functions over constant
// tables; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::inventory {

enum class FieldType { line, text, choice, list, boolean };

struct FieldSpec {
  std::string_view name;
  FieldType type;
  std::size_t max = 0;                      // characters (line/text), items (list)
  std::span<const std::string_view> choices{};  // for choice
  std::string_view default_choice{};            // for choice
  bool required = false;                     // on create
  bool default_bool = false;                 // for boolean
};

/// The editable fields, in the order used by JSON records and CSV columns.
std::span<const FieldSpec> fields();
const FieldSpec* find_field(std::string_view name);

std::span<const std::string_view> lifecycle_stages();
std::span<const std::string_view> eu_ai_act_classes();  // in rank order, least severe first
std::span<const std::string_view> statuses();
std::span<const std::string_view> organization_roles();

/// Validates and normalizes input fields (trims text, checks types, limits and choices).
/// `creating` makes required fields mandatory. Unknown and read-only fields are errors.
/// Returns the normalized fields present in the input; all problems go to `errors`.
boost::json::object normalize(const boost::json::object& input, bool creating, std::vector<FieldError>& errors,
                              int row = 0);

/// The EU AI Act fields (class, basis, rationale): derived from the system's saved classification,
/// which writes them through SystemService::update_in; read-only through the inventory's API.
std::span<const std::string_view> derived_fields();
/// Takes the derived fields out of normalized input: a value equal to `current`'s (as a web form or
/// a GET→PUT round trip or a re-imported export sends back) is dropped silently; one that differs
/// is an error naming the field and pointing to the classification.
void drop_derived(boost::json::object& changes, const boost::json::object& current, std::vector<FieldError>& errors,
                  int row = 0);

/// "in_scope": the scope flag systems once stored. Scope membership is derived from the scope
/// record (served as `scope`); input naming the flag is refused with scope_flag_message(), stored
/// records that still hold it lose it when read or saved, and a CSV column of that name is ignored.
std::string_view scope_flag();
std::string_view scope_flag_message();

/// A complete record for a new system: defaults overlaid with the given fields.
boost::json::object with_defaults(const boost::json::object& fields);

/// The stored row for a record (sort keys and search text derived from it). `doc` is the
/// serialized record.
store::SystemRow to_row(const boost::json::object& record, const std::string& org_id);

/// Field-by-field differences between two records: [{"field","from","to"}].
boost::json::array diff(const boost::json::object& before, const boost::json::object& after);

/// CSV cell for a field of a record (lists joined by "; ", booleans true/false), with the formula
/// guard of csv::guard.
std::string to_cell(const boost::json::object& record, const FieldSpec& f);
/// JSON value of a CSV cell for a field (formula guard removed), or an error message. Empty cells
/// give null (= not given).
boost::json::value from_cell(const std::string& cell, const FieldSpec& f, std::string& error);

}  // namespace aims::inventory
