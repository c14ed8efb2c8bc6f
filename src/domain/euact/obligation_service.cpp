#include "domain/euact/obligation_service.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/actions/action_index.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/euact/obligation_kind.hpp"
#include "domain/euact/obligation_view.hpp"
#include "domain/euact/recheck_memo.hpp"
#include "domain/euact/recheck_scan.hpp"
#include "domain/records/list_view.hpp"
#include "domain/records/read_cache.hpp"
#include "store/batch_lookups.hpp"
#include "store/list_views.hpp"
#include "core/json_members.hpp"

namespace aims::euact {
namespace json = boost::json;
using accounts::Actor;

namespace {

constexpr const char* kClassificationKind = "classification";
constexpr std::string_view kEditable[] = {"status", "not_applicable_reason", "owner", "evidence_refs", "notes"};
constexpr std::string_view kDerivedFields[] = {"roles", "variant", "applies_from", "grace_until", "due", "retired"};

Error not_found(const std::string& system_id, const std::string& obligation_id) {
  return make_error(errc::not_found, "No obligation " + obligation_id + " for AI system " + system_id + " in this organization.");
}

bool retired(const json::object& o) {
  auto p = o.if_contains("retired");
  return p && p->is_bool() && p->as_bool();
}

/// The indexed lookup key: the status, or "retired".
std::string ref_of(const json::object& doc) { return retired(doc) ? "retired" : string_at(doc, "status"); }

template <std::size_t N>
json::array changes_of(const json::object& before, const json::object& after, const std::string_view (&keys)[N]) {
  json::array out;
  for (auto k : keys) {
    auto b = before.if_contains(k);
    auto a = after.if_contains(k);
    json::value bv = b ? *b : json::value(nullptr), av = a ? *a : json::value(nullptr);
    if (bv != av) out.push_back(json::object{{"field", k}, {"from", bv}, {"to", av}});
  }
  return out;
}

store::HistoryRow history_row(const Actor& a, const std::string& system_id, const std::string& obligation_id,
                              std::int64_t version, const std::string& at, const std::string& op, const json::array& changes) {
  return store::HistoryRow{a.org_id, ObligationService::kKind, system_id + "/" + obligation_id, version, at, a.email, op,
                           json::serialize(changes)};
}


/// The sort key of sort=system: the system's name (lower-cased), then its id and the article
/// position, as the SQL sort keys end (obligation_kind.hpp).
std::string system_key(const std::string& name_key, const store::RecordRow& r) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\x1f%06lld", static_cast<long long>(r.position));
  return name_key + '\x1f' + r.parent_id + buf;
}

/// The ids of the organization's AI systems (archived too) of the EU AI Act class.
std::vector<std::string> systems_of_class(store::ReadTx& tx, const std::string& org_id, const std::string& cls) {
  std::vector<std::string> out;
  store::SystemQuery q;
  q.org_id = org_id;
  q.eu_ai_act_class = cls;
  q.archived = store::ArchivedFilter::all;
  q.limit = 500;
  for (bool more = true; more;) {
    auto page = tx.list_systems(q);
    for (const auto& s : page.items) out.push_back(s.id);
    more = page.more && !page.items.empty();
    if (more) q.after = store::SystemCursor{page.items.back().name_key, page.items.back().id};
  }
  return out;
}

/// Stores the next version of an obligation with the facets its kind derives, and its history
/// entry (keyed "<system id>/<obligation id>": obligation ids repeat across systems).
status save(store::WriteTx& tx, const Actor& a, store::RecordRow row, std::int64_t expected_version,
            const std::string& op, const json::array& changes) {
  row.facets = records::derive_facets(obligation_kind(), row);
  if (auto s = tx.put_record(row, expected_version); !s) return s;
  if (auto s = records::write_list_view(tx, obligation_kind(), row); !s) return s;
  if (auto s = actions::index_record(tx, row); !s) return s;  // docs/actions.md: the action index
  return tx.insert_history(history_row(a, row.parent_id, row.id, row.version, row.updated_at, op, changes));
}

}  // namespace

bool ObligationService::needs_recheck(store::ReadTx& tx, const std::string& org_id, const std::string& system_id) const {
  auto c = tx.find_record(org_id, kClassificationKind, "", system_id);
  return c && recheck_memo_of(q_).needed(c->doc);
}

std::string ObligationService::today() const { return format_date(date_of(clock_.now())); }

json::object ObligationService::view(const store::RecordRow& r, const std::optional<store::SystemRow>& sys,
                                     const std::string& today) const {
  auto doc = json::parse(r.doc).as_object();
  auto members = system_members(doc, sys, today);
  return obligation_view(data_, r, std::move(doc), members);
}

result<std::string> ObligationService::list(const Actor& a, const records::Params& p) {
  return records::cached_text(store_, lists_, a, kKind, clock_.now_text().substr(0, 10), p,
                              [&] { return list_built(a, p); });
}

result<std::string> ObligationService::list_built(const Actor& a, const records::Params& p) {
  const auto& spec = obligation_kind();
  std::vector<FieldError> errs;
  auto f = read_filters(p, errs);
  auto lq = records::parse_list(spec, p);
  if (!lq) {
    auto e = lq.error();
    e.errors.insert(e.errors.end(), errs.begin(), errs.end());
    return e;
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  auto now = today();
  std::string out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    add_conditions(f, data_, now, sql);
    // The re-check state of every classification is read only to filter on it; otherwise only the
    // systems of the page's obligations are looked at.
    std::map<std::string, bool> recheck_of;
    if (f.recheck) {
      std::vector<std::string> ids;
      for (const auto& [id, rc] : systems_needing_recheck(q_, tx, a.org_id)) ids.push_back(id);
      for (const auto& id : ids) recheck_of[id] = true;
      if (*f.recheck) sql.filters.push_back({store::FacetSlot::text0, std::move(ids)});
    }
    auto needs = [&](const std::string& system_id) {
      if (f.recheck) return recheck_of.count(system_id) > 0;
      auto it = recheck_of.find(system_id);
      if (it == recheck_of.end()) it = recheck_of.emplace(system_id, needs_recheck(tx, a.org_id, system_id)).first;
      return it->second;
    };
    if (f.system_class) sql.filters.push_back({store::FacetSlot::text0, systems_of_class(tx, a.org_id, *f.system_class)});
    std::map<std::string, std::optional<store::SystemRow>> systems;  // only those needed
    auto system_of = [&](const std::string& id) -> const std::optional<store::SystemRow>& {
      auto it = systems.find(id);
      if (it == systems.end()) it = systems.emplace(id, tx.find_system(a.org_id, id)).first;
      return it->second;
    };
    std::vector<store::RecordRow> rows;
    std::vector<std::string> views;  // the rows' stored list views, when the store paged them
    std::optional<std::string> next;
    std::int64_t total = 0;
    if (lq->sort_in_sql && f.recheck != false) {  // filtered, sorted and paged by the store
      auto [page, stored] = store::query_viewed(tx, sql);
      total = page.total;
      if (page.more && !page.items.empty())
        next = records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort));
      rows = std::move(page.items);
      views = std::move(stored);
    } else {
      // The re-check of the classification or the system's name: the rows the store selects are
      // filtered, sorted and paged here, by the same keyset as the store's.
      sql.limit = 0;
      sql.after.reset();
      sql.count = false;
      auto all = tx.query_records(sql).items;
      if (f.recheck == false) std::erase_if(all, [&](const store::RecordRow& r) { return needs(r.parent_id); });
      auto key_of = [&](const store::RecordRow& r) {
        if (lq->sort_in_sql) return records::position_of(r, sql.sort);
        const auto& sys = system_of(r.parent_id);
        return store::RecordPosition{system_key(sys ? sys->name_key : std::string(), r), 0, r.id, r.parent_id};
      };
      struct Hit {
        store::RecordPosition key;
        std::size_t row;
      };
      auto before = [&](const store::RecordPosition& x, const store::RecordPosition& y) {
        auto tx_ = std::tie(x.text, x.number, x.id, x.parent_id), ty = std::tie(y.text, y.number, y.id, y.parent_id);
        return lq->descending ? ty < tx_ : tx_ < ty;
      };
      std::vector<Hit> hits;
      for (std::size_t i = 0; i < all.size(); ++i) {
        auto k = key_of(all[i]);
        if (lq->after && !before(*lq->after, k)) continue;
        hits.push_back({std::move(k), i});
      }
      total = static_cast<std::int64_t>(all.size());
      auto want = std::min(hits.size(), static_cast<std::size_t>(lq->limit));
      std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(want), hits.end(),
                        [&](const Hit& x, const Hit& y) { return before(x.key, y.key); });
      for (std::size_t i = 0; i < want; ++i) rows.push_back(std::move(all[hits[i].row]));
      if (hits.size() > want && want > 0) next = records::encode_cursor(lq->sort_param, hits[want - 1].key);
    }
    // The page's systems and their classifications' re-check states, in one query each.
    std::vector<std::string> page_systems;
    for (const auto& r : rows)
      if (!systems.count(r.parent_id) && std::find(page_systems.begin(), page_systems.end(), r.parent_id) == page_systems.end())
        page_systems.push_back(r.parent_id);
    for (auto& s : store::systems_by_id(tx, a.org_id, page_systems)) {
      auto id = s.id;
      systems.emplace(std::move(id), std::move(s));
    }
    if (!f.recheck) {
      for (const auto& c : store::records_by_id(tx, a.org_id, kClassificationKind, "", page_systems))
        recheck_of.emplace(c.id, recheck_memo_of(q_).needed(c.doc));
    }
    for (const auto& id : page_systems) {
      systems.try_emplace(id, std::nullopt);
      if (!f.recheck) recheck_of.try_emplace(id, false);
    }
    auto items = records::page_json(
        obligation_kind(), rows, views,
        [&](const store::RecordRow& r, const json::object& in) {
          auto m = system_members(in, system_of(r.parent_id), now);
          m["recheck_needed"] = needs(r.parent_id);
          return m;
        },
        [&](const store::RecordRow& r) {
          return stored::row_or_error(kKind, a.org_id, r.parent_id + ":" + r.id, [&] {
            auto v = view(r, system_of(r.parent_id), now);
            v["recheck_needed"] = needs(r.parent_id);
            return v;
          });
        });
    // {"items": …, "total": …, "next"?} as json::serialize writes it, with the page's text as is.
    out = R"({"items":)" + items + R"(,"total":)" + std::to_string(total);
    if (next) out += R"(,"next":)" + json::serialize(json::string(*next));
    out += '}';
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ObligationService::rechecks(const Actor& a) {
  std::vector<std::pair<std::string, json::object>> items;  // name key, item
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    items.clear();
    for (auto& [id, rc] : systems_needing_recheck(q_, tx, a.org_id)) {
      auto sys = tx.find_system(a.org_id, id);
      if (!sys) continue;
      items.emplace_back(sys->name_key + '\n' + id, json::object{{"system_id", id},
                                                                {"system_name", system_name(sys)},
                                                                {"archived", sys->archived},
                                                                {"recheck", std::move(rc)}});
    }
    return ok();
  });
  if (!st) return st.error();
  std::sort(items.begin(), items.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  json::array out;
  for (auto& [k, v] : items) out.push_back(std::move(v));
  return json::serialize(json::object{{"total", static_cast<std::int64_t>(out.size())}, {"items", std::move(out)}});
}

result<ObligationView> ObligationService::get(const Actor& a, const std::string& system_id, const std::string& obligation_id) {
  std::optional<store::RecordRow> r;
  std::optional<store::SystemRow> sys;
  bool recheck = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    r = tx.find_record(a.org_id, kKind, system_id, obligation_id);
    if (r) sys = tx.find_system(a.org_id, system_id);
    if (r) recheck = needs_recheck(tx, a.org_id, system_id);
    return ok();
  });
  if (!st) return st.error();
  if (!r) return not_found(system_id, obligation_id);
  auto v = view(*r, sys, today());
  v["recheck_needed"] = recheck;
  return ObligationView{r->version, json::serialize(v)};
}

result<ObligationView> ObligationService::update(const Actor& a, const std::string& system_id,
                                                 const std::string& obligation_id, const json::value& body,
                                                 const std::optional<std::string>& if_match) {
  if (auto s = records::require(a, accounts::Action::write_record, "change obligations"); !s) return s.error();
  ObligationView out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto r = tx.find_record(a.org_id, kKind, system_id, obligation_id);
    if (!r) return not_found(system_id, obligation_id);
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"status", "not_applicable_reason", "owner", "evidence_refs", "notes"},
                     {"system_id", "obligation_id", "system_name", "article", "title", "summary", "roles", "classes",
                      "variant", "applies_from", "grace_until", "grace_applies_to", "due", "overdue", "retired",
                      "retired_at", "condition", "iso42001_controls", "evidence_examples", "amendment", "note",
                      "recheck_needed", "system_class", "version", "created_at", "updated_at", "updated_by"});
    auto status_v = in.choice("status", {"not_started", "in_progress", "met", "not_applicable"});
    auto reason = in.text("not_applicable_reason", 2000, true);
    auto owner = in.text("owner", 200);
    auto evidence = in.list("evidence_refs", 50, 500);
    auto notes = in.text("notes", 4000, true);
    if (!in.ok()) return in.failure("The change is not valid.");
    if (auto s = records::check_if_match(obligation_kind(), *r, if_match); !s) return s;
    auto before = json::parse(r->doc).as_object();
    if (retired(before))
      return make_error(errc::conflict, "This obligation no longer follows from the system's classification (it was retired); "
                                        "it cannot be changed.");
    auto after = before;
    if (status_v) after["status"] = *status_v;
    if (reason) after["not_applicable_reason"] = *reason;
    if (owner) after["owner"] = *owner;
    if (evidence) after["evidence_refs"] = input::to_array(*evidence);
    if (notes) after["notes"] = *notes;
    if (string_at(after, "status") == "not_applicable" && string_at(after, "not_applicable_reason").empty()) {
      in.error("not_applicable_reason", "is required when the status is not_applicable: say why the obligation does not apply");
      return in.failure("An obligation marked not applicable needs a reason.");
    }
    auto changes = changes_of(before, after, kEditable);
    if (changes.empty()) {
      std::optional<store::SystemRow> sys = tx.find_system(a.org_id, system_id);
      auto v = view(*r, sys, today());
      v["recheck_needed"] = needs_recheck(tx, a.org_id, system_id);
      out = ObligationView{r->version, json::serialize(v)};
      return ok();
    }
    auto now = clock_.now_text();
    after["updated_at"] = now;
    after["updated_by"] = a.email;
    store::RecordRow nr = *r;
    nr.version = r->version + 1;
    nr.updated_at = now;
    nr.ref = ref_of(after);
    nr.doc = json::serialize(after);
    if (auto s = save(tx, a, nr, r->version, "update", changes); !s) return s;
    std::optional<store::SystemRow> sys = tx.find_system(a.org_id, system_id);
    auto v = view(nr, sys, today());
    v["recheck_needed"] = needs_recheck(tx, a.org_id, system_id);
    out = ObligationView{nr.version, json::serialize(v)};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

status ObligationService::sync(store::WriteTx& tx, const Actor& a, const std::string& system_id,
                               const std::vector<Derived>& derived, const std::string& default_owner) {
  std::map<std::string, store::RecordRow> existing;
  for (auto& r : tx.list_records({.org_id = a.org_id, .kind = kKind, .parent_id = system_id})) existing[r.id] = std::move(r);
  auto now = clock_.now_text();
  const auto& obs = data_.obligations();
  auto position_of = [&](const std::string& id) {
    for (std::size_t i = 0; i < obs.size(); ++i)
      if (obs[i].id == id) return static_cast<std::int64_t>(i);
    return std::int64_t{0};
  };
  std::vector<std::string> kept;
  for (const auto& d : derived) {
    const std::string& id = d.obligation->id;
    kept.push_back(id);
    json::array roles;
    for (const auto& r : d.roles) roles.emplace_back(r);
    auto it = existing.find(id);
    json::object before;
    if (it != existing.end()) {
      before = json::parse(it->second.doc).as_object();
    } else {
      before = json::object{{"system_id", system_id},        {"obligation_id", id},
                            {"status", "not_started"},        {"not_applicable_reason", ""},
                            {"owner", default_owner},         {"evidence_refs", json::array()},
                            {"notes", ""}};
    }
    json::object after = before;
    after["roles"] = std::move(roles);
    after["variant"] = d.variant;
    after["applies_from"] = d.applies_from;
    after["grace_until"] = d.grace_until ? json::value(*d.grace_until) : json::value(nullptr);
    after["due"] = d.due;
    after["retired"] = false;
    after.erase("retired_at");
    auto changes = changes_of(it == existing.end() ? json::object{} : before, after, kDerivedFields);
    if (it != existing.end() && changes.empty()) continue;
    after["updated_at"] = now;
    after["updated_by"] = a.email;
    std::string op = it == existing.end() ? "create" : retired(before) ? "reinstate" : "update";
    if (it == existing.end()) {
      for (auto k : kEditable) changes.push_back(json::object{{"field", k}, {"from", nullptr}, {"to", after.at(k)}});
    }
    store::RecordRow nr{.kind = kKind,
                        .org_id = a.org_id,
                        .parent_id = system_id,
                        .id = id,
                        .version = it == existing.end() ? 1 : it->second.version + 1,
                        .position = position_of(id),
                        .ref = ref_of(after),
                        .created_at = it == existing.end() ? now : it->second.created_at,
                        .updated_at = now,
                        .doc = json::serialize(after)};
    if (auto s = save(tx, a, nr, it == existing.end() ? 0 : it->second.version, op, changes); !s) return s;
  }
  for (auto& [id, r] : existing) {
    if (std::find(kept.begin(), kept.end(), id) != kept.end()) continue;
    auto before = json::parse(r.doc).as_object();
    if (retired(before)) continue;
    auto after = before;
    after["retired"] = true;
    after["retired_at"] = now;
    after["updated_at"] = now;
    after["updated_by"] = a.email;
    store::RecordRow nr = r;
    nr.version = r.version + 1;
    nr.updated_at = now;
    nr.ref = ref_of(after);
    nr.doc = json::serialize(after);
    json::array changes{json::object{{"field", "retired"}, {"from", false}, {"to", true}}};
    if (auto s = save(tx, a, nr, r.version, "retire", changes); !s) return s;
  }
  return ok();
}

}  // namespace aims::euact
