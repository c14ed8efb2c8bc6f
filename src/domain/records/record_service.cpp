#include "domain/records/record_service.hpp"
#include "domain/records/record_lock.hpp"

#include "core/date.hpp"
#include "domain/common/stored.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/list_view.hpp"
#include "domain/records/stored_rules.hpp"
#include "domain/retention/retention.hpp"
#include "store/list_views.hpp"

namespace aims::records {
namespace json = boost::json;
using accounts::Actor;

namespace {

/// Field-by-field changes between two stored documents of the kind (its fields and `archived`).
json::array changes_of(const KindSpec& k, const json::object& before, const json::object& after) {
  json::array out;
  auto compare = [&](std::string_view name) {
    const json::value* a = before.if_contains(name);
    const json::value* b = after.if_contains(name);
    json::value av = a ? *a : json::value(nullptr);
    json::value bv = b ? *b : json::value(nullptr);
    if (av != bv) out.push_back(json::object{{"field", name}, {"from", av}, {"to", bv}});
  };
  for (const auto& f : k.fields) compare(f.name);
  compare("archived");
  return out;
}

Versioned served(const KindSpec& k, const store::RecordRow& row) {
  return Versioned{row.id, row.version, json::serialize(record_view(k, row))};
}

Error invalid(const KindSpec& k, std::vector<FieldError> errs, bool create) {
  return make_error(errc::validation, create ? "The " + k.noun + " is not valid." : "The change is not valid.",
                    std::move(errs));
}

/// The record `id` of kind k about to change: found, readable and at the version `if_match` names.
struct ToChange {
  store::RecordRow row;
  json::object before;
};

result<ToChange> open_to_change(store::WriteTx& tx, const KindSpec& k, const std::string& org_id, const std::string& id,
                                const std::optional<std::string>& if_match) {
  auto row = find(tx, k, org_id, id);
  if (!row) return row.error();
  if (auto s = stored::readable(k.kind, org_id, id, row->doc); !s) return s.error();
  if (auto s = check_if_match(k, *row, if_match); !s) return s.error();
  auto before = stored::parse_object(row->doc);
  return ToChange{std::move(*row), std::move(before)};
}

}  // namespace

json::object record_view(const KindSpec& k, const store::RecordRow& row) {
  auto doc = stored::parse_object(row.doc);
  json::object v{{"id", row.id},
                 {"number", row.id},
                 {"version", row.version},
                 {"archived", is_archived(doc)},
                 {"created_at", row.created_at},
                 {"created_by", doc.contains("created_by") ? doc.at("created_by") : json::value(nullptr)},
                 {"updated_at", row.updated_at},
                 {"updated_by", doc.contains("updated_by") ? doc.at("updated_by") : json::value(nullptr)}};
  for (const auto& f : k.fields) v[f.name] = doc.contains(f.name) ? doc.at(f.name) : json::value(nullptr);
  if (k.derive) k.derive(doc, v);
  return v;
}

result<Versioned> RecordService::create(const Actor& a, const KindSpec& k, const json::value& body) {
  if (auto st = require(a, k.write, "create " + k.noun + " records"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errs;
  auto doc = read_fields(k.fields, body.as_object(), true, errs);
  if (errs.empty() && k.check) k.check(doc, errs);
  if (!errs.empty()) return invalid(k, std::move(errs), true);
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    check_refs(tx, a.org_id, k.fields, doc, errs);
    if (!errs.empty()) return invalid(k, std::move(errs), true);
    if (auto rules = stored_rules(k.kind); rules.check)
      if (auto s = rules.check(tx, a.org_id, nullptr, doc); !s) return s;
    if (k.guard)
      if (auto s = k.guard(tx, a.org_id, json::object{}, doc); !s) return s;
    auto now = clock_.now_text();
    auto number = next_number(tx, k, a.org_id, now);
    if (!number) return number.error();
    doc["archived"] = false;
    doc["created_by"] = a.email;
    doc["updated_by"] = a.email;
    store::RecordRow row{k.kind, a.org_id, "", k.prefix + std::to_string(*number), 1, *number, "", now, now,
                         json::serialize(doc)};
    if (auto s = save(tx, k, a, row, 0, "create", changes_of(k, json::object{}, doc)); !s) return s;
    out = served(k, row);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RecordService::get(const Actor& a, const KindSpec& k, const std::string& id) {
  if (auto st = require(a, k.read, "read " + k.noun + " records"); !st) return st.error();
  Versioned out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find(tx, k, a.org_id, id);
    if (!row) return row.error();
    if (auto s = stored::readable(k.kind, a.org_id, id, row->doc); !s) return s;
    auto view = record_view(k, *row);
    retention::add_to_view(tx, *row, stored::parse_object(row->doc), view);
    out = Versioned{row->id, row->version, json::serialize(view)};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RecordService::update(const Actor& a, const KindSpec& k, const std::string& id, const json::value& body,
                                        const std::optional<std::string>& if_match) {
  if (auto st = require(a, k.write, "change " + k.noun + " records"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errs;
  auto fields = read_fields(k.fields, body.as_object(), false, errs);
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto opened = open_to_change(tx, k, a.org_id, id, if_match);
    if (!opened) return opened.error();
    if (!errs.empty()) return invalid(k, std::move(errs), false);
    const auto& row = opened->row;
    const auto& before = opened->before;
    if (auto s = not_archived(k.title, id, before); !s) return s;
    if (auto s = not_locked(k, id, before); !s) return s;
    auto after = before;
    for (const auto& kv : fields) after[kv.key()] = kv.value();
    if (k.check) k.check(after, errs);
    check_refs(tx, a.org_id, k.fields, fields, errs);
    if (!errs.empty()) return make_error(errc::validation, "The change breaks a rule of the " + k.noun + " records.", std::move(errs));
    if (auto rules = stored_rules(k.kind); rules.check)
      if (auto s = rules.check(tx, a.org_id, &before, after); !s) return s;
    if (k.guard)
      if (auto s = k.guard(tx, a.org_id, before, after); !s) return s;
    auto changes = changes_of(k, before, after);
    if (changes.empty()) {  // nothing changes: nothing is stored
      out = served(k, row);
      return ok();
    }
    auto next = row;
    after["updated_by"] = a.email;
    next.version = row.version + 1;
    next.updated_at = clock_.now_text();
    next.doc = json::serialize(after);
    if (auto s = save(tx, k, a, next, row.version, "update", changes); !s) return s;
    out = served(k, next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RecordService::set_archived(const Actor& a, const KindSpec& k, const std::string& id, bool archived,
                                              const std::optional<std::string>& if_match) {
  if (auto st = require(a, accounts::Action::archive_record, (archived ? "archive " : "restore ") + k.noun + " records");
      !st)
    return st.error();
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto opened = open_to_change(tx, k, a.org_id, id, if_match);
    if (!opened) return opened.error();
    const auto& row = opened->row;
    const auto& before = opened->before;
    if (auto s = not_locked(k, id, before); !s) return s;
    if (is_archived(before) == archived)
      return make_error(errc::conflict, k.title + " " + id + (archived ? " is archived already." : " is not archived."));
    if (archived)
      if (auto s = retention::require_not_held(tx, a.org_id, k.kind, k.title, id); !s) return s;
    auto after = before;
    after["archived"] = archived;
    after["updated_by"] = a.email;
    if (k.guard)
      if (auto s = k.guard(tx, a.org_id, before, after); !s) return s;
    auto next = row;
    next.version = row.version + 1;
    next.updated_at = clock_.now_text();
    next.ref = archived ? kArchivedRef : "";
    next.doc = json::serialize(after);
    if (auto s = save(tx, k, a, next, row.version, archived ? "archive" : "restore", changes_of(k, before, after)); !s)
      return s;
    out = served(k, next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<RecordList> RecordService::list(const Actor& a, const KindSpec& k, const Params& p) {
  if (auto st = require(a, k.read, "read " + k.noun + " records"); !st) return st.error();
  auto lq = parse_list(k, p);
  if (!lq) return lq.error();
  auto archived = lq->get("archived").value_or("false");
  if (archived != "false" && archived != "true" && archived != "all")
    return make_error(errc::bad_request, "The list parameters are not valid.",
                      {{"archived", 0, "must be one of false, true, all"}});
  auto overdue = lq->get("overdue");
  const auto due_slot = stored_rules(k.kind).due_slot;
  if (overdue && (!due_slot || *overdue != "true"))
    return make_error(errc::bad_request, "The list parameters are not valid.", {{"overdue", 0, "must be true"}});
  RecordList out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    if (overdue) sql.below = std::make_pair(*due_slot, format_date(date_of(clock_.now())));
    sql.parent_id = "";
    if (archived != "all") sql.ref = archived == "true" ? kArchivedRef : "";
    auto [page, views] = store::query_viewed(tx, sql);
    out.total = page.total;
    if (page.more && !page.items.empty())
      out.next = encode_cursor(lq->sort_param, position_of(page.items.back(), sql.sort));
    out.items_json = page_json(k, page.items, views, nullptr, [&](const store::RecordRow& r) {
      return stored::row_or_error(k.kind, a.org_id, r.id, [&] { return record_view(k, r); });
    });
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> RecordService::history(const Actor& a, const KindSpec& k, const std::string& id,
                                           const std::optional<std::string>& limit, const std::optional<std::string>& cursor) {
  if (auto st = require(a, k.read, "read " + k.noun + " records"); !st) return st.error();
  return history_page(store_, k, a, id, limit, cursor);
}

}  // namespace aims::records
