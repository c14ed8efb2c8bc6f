// The fields of a field-driven record kind (docs/records.md, "Adding a kind"): each field's name,
// words for people, type and limits, whether it is required, its default, whether lists show it as
// a column, and the list facet slots it feeds (filter, sort, text search). Reading a create body or
// a patch against the fields gives one field error per bad value. FieldSpecs are immutable values
// defined once per kind; the functions are pure (check_refs reads the caller's transaction).
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::records {

enum class FieldType { text, long_text, enumeration, date, integer, boolean, ref, refs };

/// The type's name in the kinds schema: text, long_text, enum, date, integer, boolean, ref, refs.
std::string_view type_name(FieldType t);

/// One allowed value of an enum field and its words for people.
struct EnumValue {
  std::string value;
  std::string label;
};

struct FieldSpec {
  std::string name;   // the JSON member, e.g. "review_date"
  std::string label;  // e.g. "Next review"
  std::string help;   // one line for people
  FieldType type = FieldType::text;
  bool required = false;
  boost::json::value default_value = nullptr;  // null: no default (the field starts null)
  bool column = false;                         // shown as a list column
  std::size_t max_length = 200;                // text and long_text: characters
  std::vector<EnumValue> values{};             // enum: the allowed values, in order
  std::int64_t min = 0, max = 0;               // integer: the range
  std::string ref{};                           // ref, refs: "system", "user" (a member), "control" (an Annex A control) or a record kind
  std::size_t max_items = 50;                  // refs: at most this many
  /// List parameters fed by the field: a filter named like it (on this text slot), a sort key
  /// named like it (on this slot), and whether `q` searches it.
  std::optional<store::FacetSlot> filter{};
  std::optional<store::FacetSlot> sort{};
  bool search = false;
  /// text: what the text holds beyond its type, for clients to show it; "date-time" = an ISO 8601
  /// instant with its zone (shown in the reader's local time). Empty: plain text.
  std::string format{};
};

/// The bookkeeping members of a served record: clients may send none of them.
const std::vector<std::string>& bookkeeping_fields();

/// Reads a create body (`create`: every field, missing ones take their default or null, required
/// ones must be present) or a patch (only the fields sent) against the fields: an unknown field,
/// a value of the wrong type, too long, out of range, not an allowed value, or a required field
/// that is missing or null each give one field error. Text is trimmed; refs are de-duplicated.
boost::json::object read_fields(const std::vector<FieldSpec>& fields, const boost::json::object& body, bool create,
                                std::vector<FieldError>& errors);

/// Each ref and refs value of `values` must name an AI system, a member (a user id) or a record of
/// its kind in the organization, or an Annex A control of the catalog (one field error per field
/// otherwise).
void check_refs(store::ReadTx& tx, const std::string& org_id, const std::vector<FieldSpec>& fields,
                const boost::json::object& values, std::vector<FieldError>& errors);

/// The field named `name`, or nullptr.
const FieldSpec* field_named(const std::vector<FieldSpec>& fields, std::string_view name);

}  // namespace aims::records
