#include "domain/records/kind_spec.hpp"

#include <spdlog/spdlog.h>

namespace aims::records {
namespace json = boost::json;

store::RecordFacets derive_facets(const KindSpec& spec, const store::RecordRow& row) {
  store::RecordFacets f;
  try {
    boost::system::error_code ec;
    json::value doc = json::parse(row.doc, ec);
    f = spec.facets(row, !ec && doc.is_object() ? &doc.as_object() : nullptr);
  } catch (const std::exception&) {
    f = spec.facets(row, nullptr);  // a document of an unexpected shape: what the row alone gives
  }
  f.rev = spec.facets_rev;
  return f;
}

status backfill_facets(store::Store& store, const std::vector<const KindSpec*>& kinds) {
  std::vector<store::Organization> orgs;
  if (auto s = store.read([&](store::ReadTx& tx) {
        orgs = tx.list_orgs();
        return ok();
      });
      !s)
    return s;
  for (const KindSpec* spec : kinds)
    for (const auto& org : orgs) {
      std::size_t done = 0;
      for (bool more = true; more;) {
        auto s = store.write([&](store::WriteTx& tx) -> status {
          store::RecordFilter f;
          f.org_id = org.id;
          f.kind = spec->kind;
          f.limit = 200;
          f.facets_rev_not = spec->facets_rev;
          auto rows = tx.list_records(f);
          more = !rows.empty();
          for (const auto& r : rows)
            if (auto st = tx.set_record_facets(r.org_id, r.kind, r.parent_id, r.id, derive_facets(*spec, r)); !st) return st;
          done += rows.size();
          return ok();
        });
        if (!s) return s;
      }
      if (done) spdlog::info("derived the list facets of {} stored {} records of organization {}", done, spec->kind, org.id);
    }
  return ok();
}

}  // namespace aims::records
