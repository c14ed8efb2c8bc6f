// ImpactService::list: the parameters of impact_kind(). The store filters (AI system, status,
// text, which also finds the assessments of AI systems whose name holds it), sorts and pages;
// only the page's assessments are read. The outcome and the re-assessment status depend on the
// organization's thresholds, the AI system as it is now and today's date, so a filter on them or
// the sort by outcome is applied here to the rows the store selects.
#include <algorithm>
#include <map>

#include "core/json_members.hpp"
#include "domain/common/stored.hpp"
#include "domain/impact/impact_common.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/records/memory_page.hpp"
#include "domain/records/read_cache.hpp"

namespace aims::impact {
using namespace detail;

result<std::string> ImpactService::list(const Actor& a, const records::Params& p) {
  return records::cached_text(store_, lists_, a, kKind, clock_.now_text().substr(0, 10), p,
                              [&] { return list_built(a, p); });
}

result<std::string> ImpactService::list_built(const Actor& a, const records::Params& p) {
  records::Params params = p;
  if (std::none_of(p.begin(), p.end(), [](const auto& kv) { return kv.first == "sort"; }))
    params.emplace_back("sort", "-updated_at");  // the newest change first
  auto lq = records::parse_list(impact_kind(), params);
  if (!lq) return lq.error();
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto settings = load_settings(tx, a.org_id);
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    sql.parent_id = "";
    if (sql.text) sql.or_ref_in = inventory::system_ids_named(tx, a.org_id, *sql.text);
    // The AI systems of the rows: those their refs name read for all the rows at once, any other
    // that a document names (a record changed by hand) one by one.
    std::map<std::string, std::optional<json::object>> systems;
    auto read_systems = [&](const std::vector<store::RecordRow>& rows) {
      std::vector<std::string> ids;
      for (const auto& r : rows) ids.push_back(r.ref);  // the ref of an assessment is its system
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      auto found = systems_of(tx, a.org_id, ids);
      for (auto& id : ids) {
        auto it = found.find(id);
        systems.emplace(id, it == found.end() ? std::nullopt : std::optional<json::object>(std::move(it->second)));
      }
    };
    auto summary = [&](const store::RecordRow& r) {
      return stored::row_or_error(kKind, a.org_id, r.id, [&] {
        auto doc = stored::parse_object(r.doc);
        auto sid = string_at(doc, "system_id");
        auto it = systems.find(sid);
        if (it == systems.end()) it = systems.emplace(sid, system_of(tx, a.org_id, sid)).first;
        return summary_of(view_of(doc, it->second ? &*it->second : nullptr, settings));
      });
    };
    if (lq->in_sql()) {  // filtered, sorted and paged by the store
      auto page = tx.query_records(sql);
      read_systems(page.items);
      json::array items;
      for (const auto& r : page.items) items.push_back(summary(r));
      out = json::object{{"items", std::move(items)}, {"total", page.total}};
      if (page.more) out["next"] = records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort));
      return ok();
    }
    sql.limit = 0;
    sql.after.reset();
    sql.count = false;
    auto outcome = lq->get("outcome");
    auto due = lq->get("reassessment_due");
    std::vector<records::Positioned> kept;
    json::array unreadable;
    auto all = tx.query_records(sql).items;
    read_systems(all);
    for (const auto& r : all) {
      auto s = summary(r);
      if (stored::is_error_row(s)) {  // unreadable records head the first page, whatever the filter
        unreadable.push_back(std::move(s));
        continue;
      }
      if (outcome && string_at(s, "outcome") != *outcome) continue;
      if (due && s.at("reassessment_due").at("due").as_bool() != (*due == "true")) continue;
      auto pos = lq->sort_in_sql
                     ? records::position_of(r, sql.sort)
                     : store::RecordPosition{std::to_string(static_cast<int>(parse_level(string_at(s, "outcome")).value_or(Level::normal))),
                                             0, r.id, r.parent_id};
      kept.push_back({std::move(pos), std::move(s)});
    }
    auto page = records::page_in_memory(std::move(kept), *lq);
    json::array items;
    if (!lq->after) items = std::move(unreadable);
    for (auto& i : page.items) items.push_back(std::move(i));
    out = json::object{{"items", std::move(items)}, {"total", page.total}};
    if (page.next) out["next"] = *page.next;
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::impact
