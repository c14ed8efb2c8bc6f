// Stored list views of generic records (migration v13, docs/storage.md "Stored list views"): the
// JSON text of a record's row on a list page, kept in `records.list_view` beside its facets. Every
// SQL transaction answers these (SqlTx implements this next to ReadTx, like BatchLookups); callers
// use query_viewed and set_list_view below, which fall back to the plain store (no views) on a
// transaction without them. Borrowed from the transaction; used by its thread only.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace aims::store {

/// A page of generic records and each row's stored list view ('' when none), in the same order.
struct ViewedPage {
  RecordPage page;
  std::vector<std::string> views;
};

class ListViews {
 public:
  virtual ~ListViews() = default;
  /// query_records, with each row's stored list view read in the same query.
  virtual ViewedPage query_viewed(const RecordQuery& q) = 0;
  /// Replaces the stored list view of the generic record (org_id, kind, parent_id, id); its
  /// version, doc and facets stay. errc::not_found if absent. A later write that changes the
  /// record's doc, version, position or times without giving a new view empties it (a trigger).
  virtual status set_list_view(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                               const std::string& id, const std::string& view) = 0;
};

/// ListViews::query_viewed of the transaction, or query_records with no views.
inline ViewedPage query_viewed(ReadTx& tx, const RecordQuery& q) {
  if (auto* v = dynamic_cast<ListViews*>(&tx)) return v->query_viewed(q);
  ViewedPage out{tx.query_records(q), {}};
  out.views.resize(out.page.items.size());
  return out;
}

/// ListViews::set_list_view of the transaction; nothing on a transaction without views (its rows
/// are then served from their documents).
inline status set_list_view(WriteTx& tx, const RecordRow& row, const std::string& view) {
  if (auto* v = dynamic_cast<ListViews*>(&tx)) return v->set_list_view(row.org_id, row.kind, row.parent_id, row.id, view);
  return ok();
}

}  // namespace aims::store
