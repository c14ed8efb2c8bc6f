// The description of one kind of generic record (docs/records.md): its store name, the words of
// its messages, its human-number prefix, the roles that may read and write it, its list
// parameters (which filter or sort in SQL on which facet slot, and which the kind's service
// applies in memory) and the function that derives a record's facets. A KindSpec is an immutable
// value defined once per kind (a function-local static); thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/roles.hpp"
#include "domain/records/field_spec.hpp"
#include "store/store.hpp"

namespace aims::records {

/// Where a list parameter is applied: by the store (SQL), or by the kind's service in memory
/// (filters that depend on today's date, on other records or on settings).
enum class Where { sql, memory };

/// A filter parameter of a kind's list.
struct FilterSpec {
  std::string name;                    // the query parameter
  Where where = Where::sql;
  bool on_ref = false;                 // SQL: compares the record's ref instead of a slot
  store::FacetSlot slot = store::FacetSlot::text0;  // SQL: the slot compared
  std::vector<std::string> values{};   // the values allowed (checked by parse_list); empty = any text
  /// SQL: the facet value a parameter value stands for (e.g. lower-cased); identity when empty.
  std::function<std::string(const std::string&)> to_facet{};
  bool skip_blank = false;             // SQL: a value that gives an empty facet filters nothing
};

/// A sort key of a kind's list (sent as `sort=name` or `sort=-name`).
struct SortSpec {
  std::string name;
  Where where = Where::sql;
  store::FacetSlot slot = store::FacetSlot::position;  // SQL: the slot ordered by (ties by id)
};

struct KindSpec {
  std::string kind;     // the store's kind, e.g. "risk"
  std::string noun;     // in messages: "risk" ("No risk R-1 in this organization.")
  std::string title;    // in messages at the start of a sentence: "Risk"
  std::string prefix;   // human numbers: "R-" gives …; "" for kinds without numbers
  std::string counter_id;  // the id of the kind's counter record (kind "counter")
  accounts::Action read = accounts::Action::read;
  accounts::Action write = accounts::Action::write_record;
  std::vector<FilterSpec> filters;
  std::vector<SortSpec> sorts;  // the first is the default
  bool text_search = true;      // whether `q` is accepted (searched in facets.search)
  /// Parameters the kind's service reads itself besides the filters (validated there).
  std::vector<std::string> extra_params;
  /// The revision of `facets`: raise it when the derivation changes, and the start-up backfill
  /// re-derives the stored rows' facets.
  std::int64_t facets_rev = 1;
  /// Derives the facets of a record; `doc` is null when the stored document cannot be read (the
  /// function then derives what it can from the row). rev is set by the caller.
  std::function<store::RecordFacets(const store::RecordRow& row, const boost::json::object* doc)> facets;

  // What a field-driven kind adds (empty for hand-made kinds such as risks; see field_kind.hpp).
  std::string path;    // the URL segment: /api/v1/<path>, e.g. "context-issues"
  std::string cli;     // the CLI command: aims <cli> …, e.g. "context-issue"
  std::string plural;  // e.g. "Context issues"
  std::string clause;  // the catalog id of the clause the kind serves, e.g. "4.1"
  std::vector<FieldSpec> fields;
  /// A rule across the fields of the whole (merged) document: one field error per breach.
  std::function<void(const boost::json::object& doc, std::vector<FieldError>& errors)> check{};
  /// Adds derived members to a served record (e.g. a flag computed from two fields).
  std::function<void(const boost::json::object& doc, boost::json::object& view)> derive{};
  /// The demo organization's records of the kind, as create bodies (JSON text). A ref or refs
  /// value to an AI system names the system by its name; the demo seeder puts in its id.
  std::vector<std::string> demo{};
  /// Served by the generic record service, routes, CLI and web pages.
  bool generic = false;
  /// A kind's say on a change through the generic service, in its transaction: `before` is the
  /// stored document (empty on create), `after` the document to store (on archive or restore,
  /// with `archived` changed). An error refuses the change (e.g. a 409 for a record frozen by its
  /// workflow). Unset: every change the fields allow is allowed.
  std::function<status(store::ReadTx& tx, const std::string& org_id, const boost::json::object& before,
                       const boost::json::object& after)>
      guard{};
};

/// The string member `key` of a record's document; "" when the document could not be read (null)
/// or the member is missing or not a string. For the kinds' facet functions.
std::string doc_text(const boost::json::object* doc, std::string_view key);

/// A sort facet: `key` followed by the record's number, so ties sort in the order of numbers
/// (\x1f sorts before every printable character, so a key that is a prefix of another sorts first).
std::string tied_key(std::string key, std::int64_t number);

/// The facets of a record under its kind's rules (rev set; an unreadable doc gives the row-only
/// facets), for put_record.
store::RecordFacets derive_facets(const KindSpec& spec, const store::RecordRow& row);

/// Re-derives the facets of every stored record of `kinds` whose facets another revision derived
/// (or none: rows written before v8). Idempotent: one read transaction finds the work, and only
/// kinds and organizations with rows to re-derive get write transactions (batches of 200), so a
/// start with nothing to do writes nothing. A record whose JSON cannot be read gets the facets of
/// its row. Run at start-up.
status backfill_facets(store::Store& store, const std::vector<const KindSpec*>& kinds);

}  // namespace aims::records
