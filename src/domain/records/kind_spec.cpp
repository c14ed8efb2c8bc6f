#include "domain/records/kind_spec.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <utility>

#include "domain/records/list_view.hpp"

namespace aims::records {
namespace json = boost::json;

std::string doc_text(const json::object* doc, std::string_view key) {
  if (!doc) return {};
  auto p = doc->if_contains(key);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

std::string tied_key(std::string key, std::int64_t number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\x1f%012lld", static_cast<long long>(number));
  return key + buf;
}

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
  // One read transaction finds the (kind, organization) pairs with rows to re-derive; only those
  // get write transactions, so a start with nothing to do writes nothing.
  std::vector<std::pair<const KindSpec*, std::string>> todo;
  if (auto s = store.read([&](store::ReadTx& tx) {
        const auto orgs = tx.list_orgs();
        for (const KindSpec* spec : kinds)
          for (const auto& org : orgs) {
            store::RecordFilter f;
            f.org_id = org.id;
            f.kind = spec->kind;
            f.limit = 1;
            f.facets_rev_not = spec->facets_rev;
            if (!tx.list_records(f).empty()) todo.emplace_back(spec, org.id);
          }
        return ok();
      });
      !s)
    return s;
  for (const auto& [spec, org_id] : todo) {
    std::size_t done = 0;
    std::optional<store::RecordCursor> after;  // each batch goes on after the last one's rows
    for (bool more = true; more;) {
      auto s = store.write([&](store::WriteTx& tx) -> status {
        store::RecordFilter f;
        f.org_id = org_id;
        f.kind = spec->kind;
        f.limit = 200;
        f.facets_rev_not = spec->facets_rev;
        f.after = after;
        auto rows = tx.list_records(f);
        more = !rows.empty();
        if (more) after = store::RecordCursor{rows.back().parent_id, rows.back().position, rows.back().id};
        for (const auto& r : rows) {
          if (auto st = tx.set_record_facets(r.org_id, r.kind, r.parent_id, r.id, derive_facets(*spec, r)); !st) return st;
          if (auto st = write_list_view(tx, *spec, r); !st) return st;  // of the same revision
        }
        done += rows.size();
        return ok();
      });
      if (!s) return s;
    }
    if (done) spdlog::info("derived the list facets of {} stored {} records of organization {}", done, spec->kind, org_id);
  }
  return ok();
}

}  // namespace aims::records
