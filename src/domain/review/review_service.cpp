#include "domain/review/review_service.hpp"

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/common/stored.hpp"
#include "domain/dashboard/card_figures.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/record_lock.hpp"
#include "domain/records/record_service.hpp"
#include "domain/review/review_inputs.hpp"
#include "domain/review/review_kinds.hpp"

namespace aims::review {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

result<store::RecordRow> readable_review(store::ReadTx& tx, const Actor& a, const std::string& id) {
  auto row = records::find(tx, management_review_kind(), a.org_id, id);
  if (!row) return row.error();
  if (auto s = stored::readable(management_review_kind().kind, a.org_id, id, row->doc); !s) return s.error();
  return *row;
}

std::string status_of(const json::object& doc) {
  auto s = records::doc_text(&doc, "status");
  return s.empty() ? "planned" : s;
}

/// The review `id` a workflow step changes: readable, at the version `if_match` names, not archived.
struct Changing {
  store::RecordRow row;
  json::object before;
};
result<Changing> changing_review(store::WriteTx& tx, const Actor& a, const std::string& id,
                                 const std::optional<std::string>& if_match) {
  auto row = readable_review(tx, a, id);
  if (!row) return row.error();
  if (auto s = records::check_if_match(management_review_kind(), *row, if_match); !s) return s.error();
  auto before = stored::parse_object(row->doc);
  if (auto s = records::not_archived("Management review", id, before); !s) return s.error();
  if (auto s = records::not_locked(management_review_kind(), id, before); !s) return s.error();
  return Changing{std::move(*row), std::move(before)};
}

/// Saves the next version of a review step and returns the review as served.
result<records::Versioned> save_next(store::WriteTx& tx, const Actor& a, const store::RecordRow& row, const json::object& before,
                                     json::object after, const std::string& now, const char* operation,
                                     const std::vector<std::string>& keys) {
  const auto& k = management_review_kind();
  after["updated_by"] = a.email;
  auto next = row;
  next.version = row.version + 1;
  next.updated_at = now;
  next.doc = json::serialize(after);
  if (auto s = records::save(tx, k, a, next, row.version, operation, records::changes_of(before, after, keys)); !s) return s.error();
  auto saved = records::find(tx, k, a.org_id, row.id);
  if (!saved) return saved.error();
  return records::Versioned{saved->id, saved->version, json::serialize(records::record_view(k, *saved))};
}

/// When the latest review other than `id` was held (its start), if any: read in SQL on the status slot.
std::optional<std::string> previous_held(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = management_review_kind().kind;
  q.parent_id = "";
  q.filters = {{kReviewStatusSlot, {"in_progress", "signed_off"}}};
  q.limit = 200;
  q.count = false;
  std::optional<std::string> latest;
  for (;;) {
    auto page = tx.query_records(q);
    for (const auto& r : page.items) {
      if (r.id == id) continue;
      auto doc = stored::parse_object(r.doc);
      auto at = records::doc_text(&doc, "started_at");
      if (!at.empty() && (!latest || at > *latest)) latest = at;
    }
    if (!page.more || page.items.empty()) break;
    q.after = records::position_of(page.items.back(), q.sort);
  }
  return latest;
}

/// The review actions decided by review `id`, in number order.
json::array decisions_of(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  const auto& k = review_action_kind();
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = k.kind;
  q.parent_id = "";
  q.filters = {{kActionReviewSlot, {id}}};
  q.limit = 500;
  q.count = false;
  json::array out;
  for (;;) {
    auto page = tx.query_records(q);
    for (const auto& r : page.items)
      out.push_back(stored::row_or_error(k.kind, org_id, r.id, [&] { return records::record_view(k, r); }));
    if (!page.more || page.items.empty()) break;
    q.after = records::position_of(page.items.back(), q.sort);
  }
  return out;
}

bool active_on(const json::object& doc, const std::string& today) {
  auto from = records::doc_text(&doc, "from");
  auto until = records::doc_text(&doc, "until");
  return (from.empty() || from <= today) && (until.empty() || until >= today);
}

/// Whether an AIMS role is top management: its name says so ("Top management", "Top management
/// board", …), case aside.
bool is_top_management(const std::string& role_name) { return text::lower(role_name).find("top management") != std::string::npos; }

json::object attendance_of(store::ReadTx& tx, const std::string& org_id, const json::object& review, const std::string& today) {
  json::array people;
  bool top = false;
  std::vector<std::string> ids;
  if (auto v = review.if_contains("attendees"); v && v->is_array())
    for (const auto& e : v->as_array())
      if (e.is_string()) ids.emplace_back(e.as_string());
  for (const auto& uid : ids) {
    auto user = tx.find_user(uid);
    json::array roles;
    bool person_top = false;
    store::RecordQuery q;
    q.org_id = org_id;
    q.kind = "role_assignment";
    q.parent_id = "";
    q.ref = "";  // not archived
    q.filters = {{store::FacetSlot::text0, {uid}}};
    q.limit = 100;
    q.count = false;
    for (const auto& r : tx.query_records(q).items) {
      auto doc = stored::parse_object(r.doc);
      if (!active_on(doc, today)) continue;
      auto role_id = records::doc_text(&doc, "role_id");
      auto role = tx.find_record(org_id, "aims_role", "", role_id);
      auto role_doc = role ? stored::parse_object(role->doc) : json::object{};
      auto name = records::doc_text(&role_doc, "name");
      bool t = is_top_management(name);
      person_top = person_top || t;
      roles.push_back(json::object{{"assignment_id", r.id}, {"role_id", role_id}, {"name", name}, {"top_management", t},
                                   {"path", "/aims-roles/" + role_id}});
    }
    top = top || person_top;
    people.push_back(json::object{{"user_id", uid},
                                  {"name", user ? json::value(user->name) : json::value(nullptr)},
                                  {"email", user ? json::value(user->email) : json::value(nullptr)},
                                  {"roles", std::move(roles)},
                                  {"top_management", person_top}});
  }
  json::object out{{"attendees", std::move(people)}, {"top_management_present", top}};
  out["warning"] = top ? json::value(nullptr)
                       : json::value(ids.empty() ? "No attendees yet: top management must take part in the management review."
                                                 : "No attendee holds a top management role today (see the role assignments).");
  return out;
}

}  // namespace

json::object ReviewService::compile(store::ReadTx& tx, const std::string& org_id, const std::string& review_id,
                                    const std::optional<std::string>& since, json::value objectives) const {
  const auto now = clock_.now();
  PackInput in{tx, org_id, review_id, format_date(date_of(now)), format_time(now), since, std::move(objectives)};
  return compile_pack(in);
}

result<std::string> ReviewService::attendance(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read management reviews"); !st) return st.error();
  json::object out{{"review_id", id}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_review(tx, a, id);
    if (!row) return row.error();
    auto more = attendance_of(tx, a.org_id, stored::parse_object(row->doc), format_date(date_of(clock_.now())));
    for (auto& kv : more) out[kv.key()] = kv.value();
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<records::Versioned> ReviewService::start(const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  if (auto st = records::require(a, Action::write_record, "start management reviews"); !st) return st.error();
  json::value objectives = nullptr;
  if (objectives_) {
    auto s = objectives_(a);
    if (s) {
      std::error_code ec;
      objectives = json::parse(*s, ec);
      if (ec) objectives = nullptr;
    }
  }
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto current = changing_review(tx, a, id, if_match);
    if (!current) return current.error();
    auto& [row, before] = *current;
    if (status_of(before) != "planned")
      return make_error(errc::conflict, "Management review " + id + " has started already; its input pack is frozen.");
    auto pack = compile(tx, a.org_id, id, previous_held(tx, a.org_id, id), objectives);
    auto hash = ledger::content_hash(pack);
    if (!hash) return hash.error();
    const auto now = clock_.now_text();
    store::RecordRow frozen{kPackKind, a.org_id, id, "pack", 1, 0, "", now, now, json::serialize(pack)};
    if (auto s = tx.put_record(frozen, 0); !s) return s;
    auto after = before;
    after["status"] = "in_progress";
    after["held_on"] = now.substr(0, 10);
    after["started_at"] = now;
    after["started_by"] = a.email;
    after["pack_hash"] = *hash;
    static const std::vector<std::string> keys{"status", "held_on", "started_at", "started_by", "pack_hash"};
    auto saved = save_next(tx, a, row, before, after, now, "start", keys);
    if (!saved) return saved.error();
    out = std::move(*saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ReviewService::pack(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read management reviews"); !st) return st.error();
  std::string out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_review(tx, a, id);
    if (!row) return row.error();
    auto doc = stored::parse_object(row->doc);
    if (status_of(doc) == "planned")
      return make_error(errc::conflict, "Management review " + id + " has not started; its input pack is compiled when it starts.");
    auto frozen = tx.find_record(a.org_id, kPackKind, id, "pack");
    if (!frozen) return make_error(errc::internal, "the frozen input pack of " + id + " is missing");
    if (auto s = stored::readable(kPackKind, a.org_id, id, frozen->doc); !s) return s;
    auto pack = stored::parse_object(frozen->doc);
    auto hash = ledger::content_hash(pack);
    if (!hash) return hash.error();
    pack["sha256"] = *hash;
    pack["matches_review"] = *hash == records::doc_text(&doc, "pack_hash");
    out = json::serialize(pack);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> ReviewService::sign_off(const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  const auto& k = management_review_kind();
  if (auto st = records::require(a, Action::approve, "sign off management reviews"); !st) return st.error();
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto current = changing_review(tx, a, id, if_match);
    if (!current) return current.error();
    auto& [row, before] = *current;
    if (status_of(before) != "in_progress")
      return make_error(errc::conflict, "Management review " + id + " has not started; start it (its input pack is compiled) before signing it off.");
    std::vector<FieldError> errs;
    for (const auto& j : judgements()) {
      if (records::doc_text(&before, j.field).empty())
        errs.push_back({j.field, 0, std::string("the conclusion on ") + j.label + " is required before the sign-off"});
      if (records::doc_text(&before, j.text_field).empty())
        errs.push_back({j.text_field, 0, std::string("the reasons for the judgement on ") + j.label + " are required before the sign-off"});
    }
    if (!errs.empty()) return make_error(errc::validation, "Management review " + id + " cannot be signed off yet.", std::move(errs));
    const auto now = clock_.now_text();
    auto after = before;
    after["status"] = "signed_off";
    after["signed_off_by"] = a.email;
    after["signed_off_at"] = now;
    // The hash of what is signed: the review as it stands, its pack's hash and its decisions.
    json::object signed_content{{"review", records::record_view(k, row)}, {"pack_hash", records::doc_text(&before, "pack_hash")},
                                {"decisions", decisions_of(tx, a.org_id, id)}, {"signed_off_by", a.email}, {"signed_off_at", now}};
    auto hash = ledger::content_hash(signed_content);
    if (!hash) return hash.error();
    after["sign_off_hash"] = *hash;
    static const std::vector<std::string> keys{"status", "signed_off_by", "signed_off_at", "sign_off_hash"};
    auto saved = save_next(tx, a, row, before, after, now, "sign_off", keys);
    if (!saved) return saved.error();
    out = std::move(*saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<json::object> ReviewService::minutes(const Actor& a, const std::string& id) {
  if (auto st = records::require(a, Action::read, "read management reviews"); !st) return st.error();
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = readable_review(tx, a, id);
    if (!row) return row.error();
    auto doc = stored::parse_object(row->doc);
    if (status_of(doc) == "planned")
      return make_error(errc::conflict, "Management review " + id + " has not started; its minutes follow its start.");
    out["review"] = records::record_view(management_review_kind(), *row);
    out["attendance"] = attendance_of(tx, a.org_id, doc, format_date(date_of(clock_.now())));
    out["decisions"] = decisions_of(tx, a.org_id, id);
    return ok();
  });
  if (!st) return st.error();
  auto p = pack(a, id);
  if (!p) return p.error();
  out["pack"] = json::parse(*p);
  return out;
}

result<json::object> ReviewService::summary(const Actor& a) {
  if (auto st = records::require(a, Action::read, "read management reviews"); !st) return st.error();
  const auto today = format_date(date_of(clock_.now()));
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto count = [&](const std::string& kind, std::vector<store::FacetIn> filters, std::optional<std::pair<store::FacetSlot, std::string>> below) {
      store::RecordQuery q;
      q.org_id = a.org_id;
      q.kind = kind;
      q.parent_id = "";
      q.ref = "";  // not archived
      q.filters = std::move(filters);
      q.below = std::move(below);
      q.limit = 1;
      return tx.query_records(q).total;
    };
    out["planned"] = count(management_review_kind().kind, {{kReviewStatusSlot, {"planned"}}}, std::nullopt);
    out["in_progress"] = count(management_review_kind().kind, {{kReviewStatusSlot, {"in_progress"}}}, std::nullopt);
    out["actions_open"] = count(review_action_kind().kind, {{kActionStatusSlot, {"open", "in_progress"}}}, std::nullopt);
    out["actions_overdue"] =
        count(review_action_kind().kind, {{kActionStatusSlot, {"open", "in_progress"}}}, std::make_pair(kActionDueSlot, today));
    store::RecordQuery q;
    q.org_id = a.org_id;
    q.kind = management_review_kind().kind;
    q.parent_id = "";
    q.ref = "";
    q.filters = {{kReviewStatusSlot, {"planned"}}};
    q.sort = kReviewPlannedSlot;
    q.limit = 1;
    q.count = false;
    auto page = tx.query_records(q);
    out["next_review_id"] = nullptr;
    out["next_review_on"] = nullptr;
    if (!page.items.empty()) {
      auto doc = stored::parse_object(page.items.front().doc);
      out["next_review_id"] = page.items.front().id;
      out["next_review_on"] = records::doc_text(&doc, "planned_on");
    }
    return ok();
  });
  if (!st) return st.error();
  auto next = out["next_review_id"].is_string() ? "/management-reviews/" + std::string(out["next_review_id"].as_string()) : "/management-reviews";
  bool overdue_next = out["next_review_on"].is_string() && std::string(out["next_review_on"].as_string()) < today;
  dashboard::describe_card(out, "Management review", "/management-reviews",
                           {{"planned", out["next_review_on"].is_string() ? "next review on " + std::string(out["next_review_on"].as_string())
                                                                          : "reviews planned",
                             out["planned"].as_int64(), next, overdue_next},
                            {"in_progress", "reviews in progress", out["in_progress"].as_int64(), "/management-reviews", false},
                            {"actions_open", "review actions open", out["actions_open"].as_int64(), "/review-actions", false},
                            {"actions_overdue", "review actions overdue", out["actions_overdue"].as_int64(), "/review-actions",
                             out["actions_overdue"].as_int64() > 0}});
  return out;
}

}  // namespace aims::review
