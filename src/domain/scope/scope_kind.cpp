#include "domain/scope/scope_kind.hpp"

#include "domain/records/kind_build.hpp"

namespace aims::scope {

namespace {

store::RecordFacets facets_of_scope(const store::RecordRow& row, const boost::json::object* doc) {
  store::RecordFacets f;
  f.text[0] = records::doc_text(doc, "status");
  f.number = row.position;
  return f;
}

records::KindSpec scope_spec() {
  // One record, no numbers and no list: named "scope" in messages ("No scope scope …" never shows,
  // the service answers its own 404).
  auto k = records::named_kind("scope", "AIMS scope", "The AIMS scope", "", facets_of_scope);
  k.counter_id.clear();
  k.text_search = false;
  k.clause = "4.3";
  return k;
}

}  // namespace

const records::KindSpec& scope_kind() { return records::built_once<scope_spec>(); }

}  // namespace aims::scope
