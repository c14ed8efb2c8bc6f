// A record's list view kept with its row (docs/storage.md, "Stored list views (migration v13)"):
// the JSON text of the record's row on a list page, made at write time with its facets and valid
// for their revision, with holes where members depend on today's date, settings or other records,
// and the few document members those are worked out from. A page copies the stored text and fills
// only the holes; a row without a usable view is built from its doc as before. Pure functions and
// one registry of the kinds' hooks (written once per kind, under a lock); thread-safe.
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/records/kind_spec.hpp"
#include "store/store.hpp"

namespace aims::records {

/// How a kind writes its served JSON: boost::json::serialize (json_serialize) or
/// aims::to_json_text (doubles in their shortest form). A stored view is written and filled by the
/// writer of the kind's fresh views, so both give the same bytes.
using JsonWriter = std::string (*)(const boost::json::value&);
std::string json_serialize(const boost::json::value& v);

/// The stored form of the list row `view`: each member named in `holes` is left as a hole (its
/// value is given when a page is served); `inputs` (document members the holes are worked out
/// from) is kept with it.
std::string make_list_view(const boost::json::object& view, std::initializer_list<std::string_view> holes = {},
                           const boost::json::object& inputs = {}, JsonWriter write = json_serialize);

/// What a hand-made kind stores as a record's list view (make_list_view of its list row), from the
/// row and its document; '' for none.
using ListViewHook = std::function<std::string(const store::RecordRow& row, const boost::json::object& doc)>;
/// Declares the list view of a hand-made kind: its spec factory calls it once. Field-driven kinds
/// need none (generic_list_view); other kinds without one store no views. Thread-safe.
void declare_list_view(const std::string& kind, ListViewHook hook);

/// The list view `spec` stores for `row`: '' when the kind has none or the document cannot be
/// read or has an unexpected shape.
std::string list_view_of(const KindSpec& spec, const store::RecordRow& row);
/// Stores it in the caller's write transaction, after the record (put_record or set_record_facets).
status write_list_view(store::WriteTx& tx, const KindSpec& spec, const store::RecordRow& row);

/// A stored list view as read back: its inputs (numbers read back exactly) and its text with holes.
struct ListView {
  boost::json::object inputs;
  std::string_view body;  // into the stored text
};

/// The stored view `text` of `row` when there is one, its facets are of the kind's current
/// revision (the backfill has seen the row) and it is readable; nullopt otherwise (the row is then
/// built from its doc).
std::optional<ListView> stored_list_view(const KindSpec& spec, const store::RecordRow& row, const std::string& text);

/// Appends `body` to `out` with each hole filled by the member of `values` of its name; false,
/// with `out` as it was, when a hole has no value or the body is not one made by make_list_view.
bool fill_list_view(std::string& out, std::string_view body, const boost::json::object& values,
                    JsonWriter write = json_serialize);

/// The values of a row's holes, from the row and its view's inputs.
using HoleValues = std::function<boost::json::object(const store::RecordRow& row, const boost::json::object& inputs)>;
/// A row as served, built from its doc as before stored views (an error row when unreadable).
using FreshView = std::function<boost::json::object(const store::RecordRow& row)>;

/// The JSON array text of a page's rows: each row's stored view (`views`, in the rows' order; empty
/// for none) with its holes filled by `holes` (none when unset), or, when it has no usable view,
/// `fresh`. The same bytes as writing the array of fresh rows with `write`.
std::string page_json(const KindSpec& spec, const std::vector<store::RecordRow>& rows, const std::vector<std::string>& views,
                      const HoleValues& holes, const FreshView& fresh, JsonWriter write = json_serialize);

/// The stored list view of a field-driven kind's record (its whole served view: nothing in it
/// depends on anything but the record).
std::string generic_list_view(const KindSpec& spec, const store::RecordRow& row);

}  // namespace aims::records
