#include "domain/snapshots/snapshot_kind.hpp"

#include "domain/records/kind_build.hpp"

namespace aims::snapshots {
using namespace records::spec_terms;

namespace {

store::RecordFacets facets_of_snapshot(const store::RecordRow& row, const boost::json::object* doc) {
  store::RecordFacets f;
  f.text[0] = records::doc_text(doc, "register");
  f.text[1] = records::doc_text(doc, "status");
  f.number = row.position;
  return f;
}

records::KindSpec snapshot_spec() {
  auto k = records::named_kind("register_snapshot", "snapshot", "Snapshot", "SNAP-", facets_of_snapshot);
  k.filters = {
      FilterSpec{"register", Where::sql, false, FacetSlot::text0, std::vector<std::string>(kRegisters.begin(), kRegisters.end())},
      FilterSpec{"status", Where::sql, false, FacetSlot::text1, {"draft", "in_approval", "approved", "rejected"}},
  };
  // The default is -number (newest first): the service sends it when no sort is given.
  k.sorts = {SortSpec{"number", Where::sql, FacetSlot::number}, SortSpec{"created_at", Where::sql, FacetSlot::created_at}};
  k.text_search = false;
  k.clause = "7.5";
  return k;
}

}  // namespace

const records::KindSpec& snapshot_kind() { return records::built_once<snapshot_spec>(); }

}  // namespace aims::snapshots
