// EvidenceService::list on the record mechanism (evidence_kind.hpp): the store filters, sorts,
// counts and keyset-pages the evidence unless a filter needs today's date (expired=false,
// expiring_within); then the store applies the other filters and the rest is done here, in the
// same order and with the same cursor.
#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include "domain/common/stored.hpp"
#include "domain/evidence/evidence_kind.hpp"
#include "domain/evidence/evidence_record.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/evidence/link_targets.hpp"
#include "domain/records/read_cache.hpp"
#include "core/text.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {


}  // namespace

result<ListResult> EvidenceService::list(const accounts::Actor& a, const records::Params& params) {
  auto page = records::cached_page(store_, lists_, a, kEvidence, clock_.now_text().substr(0, 10), params,
                                   [&]() -> result<inventory::CachedPage> {
                                     auto r = list_built(a, params);
                                     if (!r) return r.error();
                                     return inventory::CachedPage{std::move(r->items_json), r->total, std::move(r->next)};
                                   });
  if (!page) return page.error();
  return ListResult{std::move(page->items_json), page->total, std::move(page->next)};
}

result<ListResult> EvidenceService::list_built(const accounts::Actor& a, const records::Params& params) {
  records::Params p = params;
  if (std::none_of(p.begin(), p.end(), [](const auto& kv) { return kv.first == "sort"; }))
    p.emplace_back("sort", "-uploaded_at");  // newest first unless asked otherwise
  std::vector<FieldError> errs;
  std::map<std::string, std::string> given;
  for (const auto& [k, v] : p) given[k] = v;
  auto get = [&](const char* k) -> const std::string* {
    auto it = given.find(k);
    return it == given.end() ? nullptr : &it->second;
  };
  std::optional<int> within;
  if (auto v = get("expiring_within")) {
    auto n = text::to_int64(*v);
    if (!n || *n < 0 || *n > 3650) errs.push_back({"expiring_within", 0, "must be a whole number of days from 0 to 3650"});
    else within = static_cast<int>(*n);
  }
  std::optional<bool> expired;
  if (auto v = get("expired")) {
    if (*v == "true") expired = true;
    else if (*v == "false") expired = false;
    else errs.push_back({"expired", 0, "must be true or false"});
  }
  std::string deleted = get("deleted") ? *get("deleted") : "false";
  if (deleted != "false" && deleted != "true" && deleted != "all") errs.push_back({"deleted", 0, "must be false, true or all"});
  std::optional<LinkTarget> linked;
  if (auto v = get("linked_to")) {
    auto t = parse_target(*v, "linked_to");
    if (!t) {
      auto e = t.error();  // error() returns a copy: take both iterators from one
      errs.insert(errs.end(), e.errors.begin(), e.errors.end());
    } else {
      linked = *t;
    }
  }
  auto lq = records::parse_list(evidence_kind(), p);
  if (!lq) {
    auto e = lq.error();
    e.errors.insert(e.errors.end(), errs.begin(), errs.end());
    return e;
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));

  const auto day = today();
  const bool in_memory = expired == false || within.has_value();
  ListResult out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    sql.parent_id = "";
    if (deleted != "all") sql.filters.push_back({store::FacetSlot::text3, {deleted == "true" ? "true" : ""}});
    if (linked) {
      std::vector<std::string> ids;
      for (const auto& l : tx.list_records({a.org_id, std::string(kLink), std::nullopt, linked->key, 0, std::nullopt, std::nullopt}))
        ids.push_back(l.parent_id);
      sql.filters.push_back({store::FacetSlot::text7, std::move(ids)});
    }
    if (expired == true) sql.below = std::make_pair(store::FacetSlot::text4, format_date(day));
    std::vector<store::RecordRow> rows;
    if (!in_memory) {  // filtered, sorted and paged by the store
      auto page = tx.query_records(sql);
      out.total = page.total;
      if (page.more && !page.items.empty())
        out.next = records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort));
      rows = std::move(page.items);
    } else {
      // Freshness against today: the rows the store selects are filtered and paged here, in the
      // store's order (it sorted them), after the cursor's position.
      sql.limit = 0;
      sql.after.reset();
      sql.count = false;
      auto all = tx.query_records(sql).items;
      std::erase_if(all, [&](const store::RecordRow& r) {
        auto d = parse_object(r.doc);
        if (expired == false && evidence::freshness(d, day, opts_.expiring_window_days) == "expired") return true;
        if (within) {
          auto exp = parse_date(str_of(d, "expires_on"));
          if (!exp || *exp < day || *exp > day + std::chrono::days(*within)) return true;
        }
        return false;
      });
      out.total = static_cast<std::int64_t>(all.size());
      auto start = all.begin();
      if (lq->after) {
        auto after = std::tie(lq->after->text, lq->after->number, lq->after->id);
        start = std::find_if(all.begin(), all.end(), [&](const store::RecordRow& r) {
          auto k = records::position_of(r, sql.sort);
          auto t = std::tie(k.text, k.number, k.id);
          return lq->descending ? t < after : after < t;
        });
      }
      auto end = start + std::min<std::ptrdiff_t>(all.end() - start, lq->limit);
      if (end != all.end() && end != start)
        out.next = records::encode_cursor(lq->sort_param, records::position_of(*(end - 1), sql.sort));
      rows.assign(std::make_move_iterator(start), std::make_move_iterator(end));
    }
    json::array items;
    for (const auto& r : rows) {
      auto links = tx.count_records({a.org_id, std::string(kLink), r.id, std::nullopt, 0, std::nullopt, std::nullopt});
      items.push_back(stored::row_or_error(std::string(kEvidence), a.org_id, r.id, [&] {
        auto d = stored::parse_object(r.doc);
        (void)d.at("deleted").as_bool();
        return served(std::move(d), day, opts_.expiring_window_days, links);
      }));
    }
    out.items_json = json::serialize(items);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::evidence
