#include "domain/risk/risk_service.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "domain/accounts/roles.hpp"
#include "domain/common/stored.hpp"
#include "domain/risk/heatmap.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/risk_records.hpp"
#include "domain/risk/risk_view.hpp"
#include "domain/ledger/history_json.hpp"

namespace aims::risk {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

status require(const Actor& a, Action action, std::string_view what) {
  if (accounts::allowed(a.role, action)) return ok();
  return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " + std::string(what) + ".");
}

/// The AI system a risk names must be one of the organization's.
void check_system(store::ReadTx& tx, const std::string& org_id, const json::object& risk, std::vector<FieldError>& errors) {
  const auto& s = risk.at("system_id");
  if (s.is_string() && !tx.find_system(org_id, std::string(s.as_string())))
    errors.push_back({"system_id", 0, "no AI system " + std::string(s.as_string()) + " in this organization"});
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

/// The organization's risks (of one AI system, or organization-wide with ""), parsed into one
/// arena and with their facts derived: what lists and the heat map filter, sort and count.
/// Lives inside one read transaction; not copyable.
class RiskSet {
 public:
  RiskSet(store::ReadTx& tx, const std::string& org_id, const std::optional<std::string>& system_id, const Criteria& c,
          Date today) {
    store::RecordFilter f;
    f.org_id = org_id;
    f.kind = kRiskKind;
    f.parent_id = "";
    f.ref = system_id;
    rows_ = tx.list_records(f);
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
    // The next human number of the organization's risks.
    auto counter = tx.find_record(a.org_id, kCounterKind, "", kCounterId);
    std::int64_t last = counter ? parse_int(counter->doc).value_or(0) : 0;
    std::int64_t number = last + 1;
    store::RecordRow c{kCounterKind, a.org_id, "", kCounterId, counter ? counter->version + 1 : 1, 0, "",
                       counter ? counter->created_at : now, now, std::to_string(number)};
    if (auto s = tx.put_record(c, counter ? counter->version : 0); !s) return s;
    doc["acceptance"] = nullptr;
    doc["created_by"] = a.email;
    doc["updated_by"] = a.email;
    std::string id = "R-" + std::to_string(number);
    store::RecordRow row{kRiskKind, a.org_id, "", id, 1, number,
                         doc.at("system_id").is_string() ? std::string(doc.at("system_id").as_string()) : std::string(),
                         now, now, json::serialize(doc)};
    if (auto s = tx.put_record(row, 0); !s) return s;
    store::HistoryRow h{a.org_id, kRiskKind, id, 1, now, a.email, "create", json::serialize(diff(json::object{}, doc))};
    if (auto s = tx.insert_history(h); !s) return s;
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

result<ListResult> RiskService::list(const Actor& a, const ListParams& p) {
  ListResult out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto crit = load_criteria(tx, a.org_id);
    auto q = parse_query(p, crit.criteria);
    if (!q) return q.error();
    auto today = date_of(clock_.now());
    RiskSet set(tx, a.org_id, q->system_id, crit.criteria, today);
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
  int lim = 50;
  if (limit) {
    auto v = parse_int(*limit);
    if (!v || *v < 1 || *v > 500)
      return make_error(errc::bad_request, "limit must be a whole number from 1 to 500.", {{"limit", 0, "must be a whole number from 1 to 500"}});
    lim = static_cast<int>(*v);
  }
  std::optional<std::int64_t> before;
  if (cursor) {
    before = parse_int(*cursor);
    if (!before || *before < 1)
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
  }
  std::vector<store::HistoryRow> rows;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find_risk(tx, a.org_id, id);
    if (!row) return row.error();
    rows = tx.list_history(a.org_id, kRiskKind, id, lim + 1, before);
    return ok();
  });
  if (!st) return st.error();
  bool more = static_cast<int>(rows.size()) > lim;
  if (more) rows.resize(static_cast<std::size_t>(lim));
  json::array items;
  for (const auto& h : rows) items.push_back(ledger::history_item(h));
  json::object out{{"items", std::move(items)}};
  if (more && !rows.empty()) out["next"] = std::to_string(rows.back().version);
  return json::serialize(out);
}

result<std::string> RiskService::heatmap(const Actor& a, const std::optional<std::string>& system_id) {
  std::string out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto crit = load_criteria(tx, a.org_id);
    std::optional<std::string> ref;
    if (system_id) ref = *system_id == "none" ? std::string() : *system_id;
    RiskSet set(tx, a.org_id, ref, crit.criteria, date_of(clock_.now()));
    auto map = risk::heatmap(crit.criteria, set.facts());
    map["system_id"] = system_id ? json::value(*system_id) : json::value(nullptr);
    out = json::serialize(map);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::risk
