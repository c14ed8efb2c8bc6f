#include "domain/risk/risk_service.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "domain/accounts/roles.hpp"
#include "domain/common/stored.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "domain/records/list_view.hpp"
#include "store/list_views.hpp"
#include "domain/records/read_cache.hpp"
#include "domain/risk/heatmap.hpp"
#include "domain/risk/risk_kind.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/risk_records.hpp"
#include "domain/risk/risk_list_view.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

using records::require;

/// The organization's risks of one AI system, organization-wide ones with "", or all.
std::vector<store::RecordRow> all_risks(store::ReadTx& tx, const std::string& org_id, const std::optional<std::string>& ref) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = kRiskKind;
  f.parent_id = "";
  f.ref = ref;
  return tx.list_records(f);
}

/// The AI system a risk names must be one of the organization's.
void check_system(store::ReadTx& tx, const std::string& org_id, const json::object& risk, std::vector<FieldError>& errors) {
  const auto& s = risk.at("system_id");
  if (s.is_string() && !tx.find_system(org_id, std::string(s.as_string())))
    errors.push_back({"system_id", 0, "no AI system " + std::string(s.as_string()) + " in this organization"});
}

/// The organization's risks (of one AI system, or organization-wide with ""), parsed into one
/// arena and with their facts derived: what lists and the heat map filter, sort and count.
/// Lives inside one read transaction; not copyable.
class RiskSet {
 public:
  RiskSet(store::ReadTx& tx, const std::string& org_id, std::vector<store::RecordRow> rows, const Criteria& c, Date today)
      : rows_(std::move(rows)) {
    names_ = system_names(tx, org_id, rows_);
    docs_.reserve(rows_.size());
    facts_.reserve(rows_.size());
    for (const auto& r : rows_) {
      // A record that cannot be read is left out of the counts and shown as an error row.
      try {
        docs_.push_back(json::parse(r.doc, json::storage_ptr(&arena_)));
        if (!docs_.back().is_object()) throw std::runtime_error("the stored document is not a JSON object");
        facts_.push_back(facts_of(r, docs_.back().as_object(), c, today, names_));
      } catch (const std::exception& e) {
        unreadable_.push_back(stored::error_row(kRiskKind, org_id, r.id, e));
      }
    }
  }
  RiskSet(const RiskSet&) = delete;
  RiskSet& operator=(const RiskSet&) = delete;

  const std::vector<Facts>& facts() const { return facts_; }
  const SystemNames& names() const { return names_; }
  /// The error rows of the records that could not be read.
  const std::vector<json::object>& unreadable() const { return unreadable_; }

 private:
  json::monotonic_resource arena_;
  std::vector<store::RecordRow> rows_;
  SystemNames names_;
  std::vector<json::value> docs_;
  std::vector<Facts> facts_;
  std::vector<json::object> unreadable_;
};

}  // namespace

result<Versioned> RiskService::create(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "register risks"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errors;
  auto fields = read_fields(body.as_object(), true, cat_, errors);
  if (!errors.empty()) return make_error(errc::validation, "The risk is not valid.", std::move(errors));
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto crit = load_criteria(tx, a.org_id);
    auto doc = with_defaults(fields);
    std::vector<FieldError> errs;
    check_rules(doc, crit.criteria, errs);
    check_system(tx, a.org_id, doc, errs);
    if (!errs.empty()) return make_error(errc::validation, "The risk is not valid.", std::move(errs));
    auto now = clock_.now_text();
    auto number = records::next_number(tx, risk_kind(), a.org_id, now);
    if (!number) return number.error();
    doc["acceptance"] = nullptr;
    doc["created_by"] = a.email;
    doc["updated_by"] = a.email;
    std::string id = risk_kind().prefix + std::to_string(*number);
    store::RecordRow row{kRiskKind, a.org_id, "", id, 1, *number,
                         doc.at("system_id").is_string() ? std::string(doc.at("system_id").as_string()) : std::string(),
                         now, now, json::serialize(doc)};
    if (auto s = records::save(tx, risk_kind(), a, row, 0, "create", diff(json::object{}, doc)); !s) return s;
    out = served_risk(tx, row, crit.criteria, date_of(clock_.now()));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RiskService::get(const Actor& a, const std::string& id) {
  Versioned out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find_risk(tx, a.org_id, id);
    if (!row) return row.error();
    out = served_risk(tx, *row, load_criteria(tx, a.org_id).criteria, date_of(clock_.now()));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RiskService::update(const Actor& a, const std::string& id, const json::value& body,
                                      const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change risks"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errors;
  auto fields = read_fields(body.as_object(), false, cat_, errors);
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = find_risk(tx, a.org_id, id);
    if (!row) return row.error();
    if (auto s = check_if_match(*row, if_match); !s) return s;
    if (!errors.empty()) return make_error(errc::validation, "The change is not valid.", errors);
    auto crit = load_criteria(tx, a.org_id);
    auto before = json::parse(row->doc).as_object();
    auto after = before;
    for (const auto& kv : fields) after[kv.key()] = kv.value();
    std::vector<FieldError> errs;
    check_rules(after, crit.criteria, errs);
    if (after.at("system_id") != before.at("system_id")) check_system(tx, a.org_id, after, errs);
    if (!errs.empty()) return make_error(errc::validation, "The change breaks a rule of the risk register.", std::move(errs));
    auto now = clock_.now_text();
    // A material change of the residual score withdraws an acceptance given for the old one.
    auto cell = [](const json::object& r) {
      return std::to_string(r.at("residual_likelihood").as_int64()) + " × " + std::to_string(r.at("residual_impact").as_int64());
    };
    if (auto acc = after.if_contains("acceptance"); acc && acc->is_object() && !acc->as_object().contains("withdrawn_at") &&
                                                    cell(before) != cell(after)) {
      auto& o = acc->as_object();
      o["withdrawn_at"] = now;
      o["withdrawn_by"] = a.email;
      o["withdrawn_reason"] = "The residual likelihood × impact changed from " + cell(before) + " to " + cell(after) +
                              "; accept the risk again if it still should be.";
    }
    auto changes = diff(before, after);
    auto today = date_of(clock_.now());
    if (changes.empty()) {
      out = served_risk(tx, *row, crit.criteria, today);
      return ok();
    }
    auto saved = save_risk(tx, a, *row, std::move(after), "update", std::move(changes), crit.criteria, today, now);
    if (!saved) return saved.error();
    out = std::move(*saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<ListResult> RiskService::list(const Actor& a, const records::Params& p) {
  auto page = records::cached_page(
      store_, lists_, a, kRiskKind, clock_.now_text().substr(0, 10), p, [&]() -> result<inventory::CachedPage> {
        auto r = list_built(a, p);
        if (!r) return r.error();
        return inventory::CachedPage{std::move(r->items_json), r->total, std::move(r->next), r->overdue_reviews};
      });
  if (!page) return page.error();
  return ListResult{std::move(page->items_json), page->total, page->figure, std::move(page->next)};
}

result<ListResult> RiskService::list_built(const Actor& a, const records::Params& p) {
  auto lq = records::parse_list(risk_kind(), p);
  if (!lq) return lq.error();
  ListResult out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto crit = load_criteria(tx, a.org_id);
    auto q = parse_query(*lq, crit.criteria);
    if (!q) return q.error();
    auto today = date_of(clock_.now());
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    sql.parent_id = "";
    if (sql.text) sql.or_ref_in = inventory::system_ids_named(tx, a.org_id, *sql.text);
    // Overdue reviews: a review date before today, of a risk that is not closed.
    auto overdue = [&](store::RecordQuery& r) {
      r.filters.push_back({store::FacetSlot::text3, {"open", "treating", "monitoring"}});
      r.below = std::make_pair(store::FacetSlot::text7, format_date(today));
    };
    if (q->overdue) overdue(sql);
    if (!q->in_memory) {  // filtered, sorted and paged by the store
      auto [page, views] = store::query_viewed(tx, sql);
      out.total = page.total;
      if (q->overdue) {
        out.overdue_reviews = page.total;
      } else {
        auto count = sql;
        overdue(count);
        count.limit = 1;
        count.after.reset();
        out.overdue_reviews = tx.query_records(count).total;
      }
      auto names = system_names(tx, a.org_id, page.items);
      if (page.more) out.next = records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort));
      out.items_json = records::page_json(
          risk_kind(), page.items, views,
          [&](const store::RecordRow& r, const json::object& in) { return list_holes(r, in, crit.criteria, today, names); },
          [&](const store::RecordRow& r) {
            return stored::row_or_error(kRiskKind, a.org_id, r.id, [&] { return view_of(r, crit.criteria, today, names); });
          });
      return ok();
    }
    // Filters under the criteria or today's date, or a sort by level: the rows the store selects
    // are filtered, sorted and paged here.
    sql.limit = 0;
    sql.after.reset();
    sql.count = false;
    RiskSet set(tx, a.org_id, tx.query_records(sql).items, crit.criteria, today);
    struct Hit {
      std::string key;
      const Facts* risk;
    };
    std::vector<Hit> hits;
    for (const auto& f : set.facts()) {
      if (!matches(*q, f)) continue;
      if (f.review_overdue) ++out.overdue_reviews;
      hits.push_back({sort_value(*q, f), &f});
    }
    out.total = static_cast<std::int64_t>(hits.size());
    auto less = [&](const std::string& ka, std::int64_t na, const std::string& kb, std::int64_t nb) {
      return q->descending ? (ka > kb || (ka == kb && na > nb)) : (ka < kb || (ka == kb && na < nb));
    };
    std::sort(hits.begin(), hits.end(), [&](const Hit& x, const Hit& y) { return less(x.key, x.risk->number, y.key, y.risk->number); });
    auto it = hits.begin();
    if (q->after)
      it = std::find_if(hits.begin(), hits.end(), [&](const Hit& x) { return less(q->after->first, q->after->second, x.key, x.risk->number); });
    json::array items;
    if (!q->after)  // unreadable records head the first page, whatever the filter
      for (const auto& e : set.unreadable()) items.push_back(e);
    const Hit* last = nullptr;
    for (int n = 0; it != hits.end() && n < q->limit; ++it, ++n) {
      items.push_back(stored::row_or_error(kRiskKind, a.org_id, it->risk->row->id,
                                           [&] { return view_of(*it->risk->row, crit.criteria, today, set.names()); }));
      last = &*it;
    }
    if (it != hits.end() && last) out.next = cursor_after(*q, last->key, last->risk->number);
    out.items_json = json::serialize(items);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> RiskService::history(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                         const std::optional<std::string>& cursor) {
  return records::history_page(store_, risk_kind(), a, id, limit, cursor);
}

result<std::string> RiskService::heatmap(const Actor& a, const std::optional<std::string>& system_id) {
  std::string out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto crit = load_criteria(tx, a.org_id);
    std::optional<std::string> ref;
    if (system_id) ref = *system_id == "none" ? std::string() : *system_id;
    RiskSet set(tx, a.org_id, all_risks(tx, a.org_id, ref), crit.criteria, date_of(clock_.now()));
    auto map = risk::heatmap(crit.criteria, set.facts());
    map["system_id"] = system_id ? json::value(*system_id) : json::value(nullptr);
    out = json::serialize(map);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::risk
