#include "domain/people/training_service.hpp"

#include <algorithm>
#include <set>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/people/competence_facts.hpp"
#include "domain/people/kinds.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::people {
namespace json = boost::json;
using store::FacetSlot;

namespace {

constexpr const char* kCompletion = "training_completion";  // the child rows of a campaign

std::vector<std::string> campaign_texts(const json::object& doc, std::string_view key) {
  auto p = doc.if_contains(key);
  return p ? input::from_array(*p) : std::vector<std::string>{};
}

/// Months between two completions of the campaign; 0 when it does not recur.
int interval_months(const json::object& campaign) {
  auto r = records::doc_text(&campaign, "recurrence");
  if (r == "annual") return 12;
  auto m = campaign.if_contains("recurrence_months");
  return r == "months" && m && m->is_int64() ? static_cast<int>(m->as_int64()) : 0;
}

/// The audience today: the campaign's people and the holders of its roles who are members.
std::vector<std::string> audience(store::ReadTx& tx, const std::string& org_id, const json::object& campaign, Date today) {
  std::set<std::string> out;
  for (const auto& p : campaign_texts(campaign, "audience_member_ids")) out.insert(p);
  for (const auto& p : holders_of(tx, org_id, campaign_texts(campaign, "audience_role_ids"), today)) out.insert(p);
  std::vector<std::string> members;
  for (const auto& p : out)
    if (tx.find_membership(p, org_id)) members.push_back(p);
  return members;
}

/// Creates the person's competence record of `competence_id` or renews the latest one (when it
/// was achieved before `on`): acquired by training on `on`, expiring on `expires` ("" none).
result<std::string> renew(store::WriteTx& tx, const accounts::Actor& a, const std::string& person,
                          const std::string& competence_id, const std::string& on, const std::string& expires,
                          const std::string& note, const std::string& now) {
  const auto& k = competence_record_kind();
  store::RecordQuery q;
  q.org_id = a.org_id;
  q.kind = k.kind;
  q.parent_id = "";
  q.ref = "";
  q.filters = {{FacetSlot::text0, {person}}, {FacetSlot::text1, {competence_id}}};
  q.sort = FacetSlot::text6;  // achieved_on
  q.descending = true;
  q.limit = 1;
  q.count = false;
  auto latest = tx.query_records(q).items;
  json::object after{{"acquired_by", "training"}, {"achieved_on", on}, {"note", note},
                     {"expires_on", expires.empty() ? json::value(nullptr) : json::value(expires)}};
  static const std::vector<std::string> keys{"acquired_by", "achieved_on", "expires_on", "note"};
  if (!latest.empty()) {
    auto row = latest.front();
    auto before = stored::parse_object(row.doc);
    if (records::doc_text(&before, "achieved_on") >= on) return row.id;  // a later record holds already
    auto doc = before;
    for (const auto& kv : after) doc[kv.key()] = kv.value();
    doc["updated_by"] = a.email;
    auto changes = records::changes_of(before, doc, keys);
    auto next = row;
    next.version = row.version + 1;
    next.updated_at = now;
    next.doc = json::serialize(doc);
    if (auto s = records::save(tx, k, a, next, row.version, "update", changes); !s) return s.error();
    return row.id;
  }
  auto number = records::next_number(tx, k, a.org_id, now);
  if (!number) return number.error();
  json::object doc{{"person", person}, {"competence_id", competence_id}, {"verified_by", nullptr}};
  for (const auto& kv : after) doc[kv.key()] = kv.value();
  doc["archived"] = false;
  doc["created_by"] = a.email;
  doc["updated_by"] = a.email;
  std::vector<std::string> all{"person", "competence_id"};
  all.insert(all.end(), keys.begin(), keys.end());
  store::RecordRow row{k.kind, a.org_id, "", k.prefix + std::to_string(*number), 1, *number, "", now, now, json::serialize(doc)};
  if (auto s = records::save(tx, k, a, row, 0, "create", records::changes_of(json::object{}, doc, all)); !s) return s.error();
  return row.id;
}

}  // namespace

result<std::string> TrainingService::complete(const accounts::Actor& a, const std::string& campaign_id, const json::value& body) {
  if (auto st = records::require(a, accounts::Action::write_record, "record training completions"); !st) return st.error();
  const auto& k = training_campaign_kind();
  // The campaign must exist in the organization before the body is judged (404 before 422).
  if (auto st = store_.read([&](store::ReadTx& tx) -> status {
        auto row = records::find(tx, k, a.org_id, campaign_id);
        return row ? ok() : status(row.error());
      });
      !st)
    return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader r(body.as_object(), {"person", "completed_on"});
  auto person = r.text("person", 200, false, true);
  auto on = r.date("completed_on");
  const auto today = date_of(clock_.now());
  std::string day = on ? *on : format_date(today);
  if (on && *on > format_date(today)) r.error("completed_on", "cannot be in the future");
  if (!r.ok()) return r.failure("The completion is not valid.");
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = records::find(tx, k, a.org_id, campaign_id);
    if (!row) return row.error();
    auto campaign = stored::parse_object(row->doc);
    if (auto p = campaign.if_contains("archived"); p && p->is_bool() && p->as_bool())
      return make_error(errc::conflict, "Training campaign " + campaign_id + " is archived; restore it before recording completions.");
    auto status = records::doc_text(&campaign, "status");
    if (status != "open")
      return make_error(errc::conflict, "Training campaign " + campaign_id + " is " + status + "; open it to record completions.");
    auto people = audience(tx, a.org_id, campaign, today);
    if (!std::binary_search(people.begin(), people.end(), *person))
      return make_error(errc::validation, "The completion is not valid.",
                        {{"person", 0, "member " + *person + " is not in the audience of " + campaign_id}});
    const auto id = *person + "@" + day;
    if (tx.find_record(a.org_id, kCompletion, campaign_id, id))
      return make_error(errc::conflict, "Member " + *person + " completed " + campaign_id + " on " + day + " already.");
    const auto now = clock_.now_text();
    int months = interval_months(campaign);
    json::array made;
    for (const auto& comp_id : campaign_texts(campaign, "competence_ids")) {
      auto comp = tx.find_record(a.org_id, competence_kind().kind, "", comp_id);
      std::string expires;
      if (months > 0) expires = format_date(add_months(*parse_date(day), months));
      else if (comp) {
        CompetenceInfo info;
        info.id = comp_id;
        auto doc = stored::parse_object(comp->doc);
        if (auto v = doc.if_contains("validity_months"); v && v->is_int64()) info.validity_months = static_cast<int>(v->as_int64());
        expires = effective_expiry(json::object{{"achieved_on", day}}, &info);
      }
      auto rec = renew(tx, a, *person, comp_id, day, expires, "Training " + campaign_id, now);
      if (!rec) return rec.error();
      made.push_back(json::string(*rec));
    }
    json::object doc{{"person", *person}, {"completed_on", day}, {"recorded_by", a.email}, {"competence_records", made}};
    store::RecordRow c{kCompletion, a.org_id, campaign_id, id, 1, 0, *person, now, now, json::serialize(doc)};
    c.facets.text[0] = *person;
    c.facets.text[1] = day;
    if (auto s = tx.put_record(c, 0); !s) return s;
    out = doc;
    out["campaign_id"] = campaign_id;
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> TrainingService::completions(const accounts::Actor& a, const std::string& campaign_id) {
  if (auto st = records::require(a, accounts::Action::read, "read training completions"); !st) return st.error();
  const auto today = date_of(clock_.now());
  const auto day = format_date(today);
  json::object out{{"campaign_id", campaign_id}, {"today", day}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = records::find(tx, training_campaign_kind(), a.org_id, campaign_id);
    if (!row) return row.error();
    auto campaign = stored::parse_object(row->doc);
    auto due = records::doc_text(&campaign, "due_date");
    int months = interval_months(campaign);
    std::map<std::string, std::string> last;  // person → latest completion day
    store::RecordFilter filter;
    filter.org_id = a.org_id;
    filter.kind = kCompletion;
    filter.parent_id = campaign_id;
    for (const auto& c : tx.list_records(filter)) {
      auto doc = stored::parse_object(c.doc);
      auto on = records::doc_text(&doc, "completed_on");
      auto& l = last[c.ref];
      if (on > l) l = on;
    }
    json::array items;
    std::int64_t completed = 0;
    for (const auto& p : audience(tx, a.org_id, campaign, today)) {
      auto user = tx.find_user(p);
      json::object item{{"person", p}, {"email", user ? user->email : ""}, {"name", user ? user->name : ""}};
      auto it = last.find(p);
      std::string next_due = due;
      std::string state;
      if (it != last.end()) {
        item["completed_on"] = it->second;
        if (months > 0) next_due = format_date(add_months(*parse_date(it->second), months));
        else next_due = "";
      }
      if (it != last.end() && (next_due.empty() || next_due > day)) state = "completed";
      else state = !next_due.empty() && next_due < day ? "overdue" : "due";
      if (state == "completed") ++completed;
      if (it == last.end()) item["completed_on"] = nullptr;
      item["next_due"] = next_due.empty() ? json::value(nullptr) : json::value(next_due);
      item["status"] = state;
      items.push_back(std::move(item));
    }
    out["total"] = static_cast<std::int64_t>(items.size());
    out["completed"] = completed;
    out["items"] = std::move(items);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::people
