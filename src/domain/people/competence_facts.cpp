#include "domain/people/competence_facts.hpp"

#include <algorithm>

#include "domain/common/stored.hpp"
#include "domain/people/competence_action_kind.hpp"
#include "domain/people/kinds.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::people {
namespace json = boost::json;
using store::FacetSlot;

namespace {

/// The non-archived rows of a kind whose text slot holds one of `values` (all rows without values).
std::vector<store::RecordRow> rows_of(store::ReadTx& tx, const std::string& org_id, const records::KindSpec& k,
                                      std::optional<std::pair<FacetSlot, std::vector<std::string>>> in = std::nullopt) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = k.kind;
  q.parent_id = "";
  q.ref = "";  // archived rows carry records::kArchivedRef
  if (in) q.filters.push_back(store::FacetIn{in->first, std::move(in->second)});
  q.limit = 0;
  q.count = false;
  return tx.query_records(q).items;
}

std::vector<std::string> texts(const json::object& doc, std::string_view key) {
  std::vector<std::string> out;
  if (auto p = doc.if_contains(key); p && p->is_array())
    for (const auto& v : p->as_array())
      if (v.is_string()) out.emplace_back(v.as_string());
  return out;
}

}  // namespace

const CompetenceInfo* Catalogue::competence(const std::string& id) const {
  for (const auto& c : competences)
    if (c.id == id) return &c;
  return nullptr;
}

std::set<std::string> PersonFacts::required(const Catalogue& c) const {
  std::set<std::string> out;
  for (const auto& r : role_ids)
    if (auto it = c.roles.find(r); it != c.roles.end()) out.insert(it->second.required.begin(), it->second.required.end());
  return out;
}

std::string_view cell_name(Cell c) {
  switch (c) {
    case Cell::held: return "held";
    case Cell::expiring: return "expiring";
    case Cell::expired: return "expired";
    case Cell::gap: return "gap";
    default: return "not_needed";
  }
}

Cell cell_of(bool required, const std::optional<std::string>& expiry, Date today) {
  if (!expiry) return required ? Cell::gap : Cell::not_needed;
  if (expiry->empty()) return Cell::held;
  if (*expiry < format_date(today)) return Cell::expired;
  if (*expiry <= format_date(today + std::chrono::days{kExpiringDays})) return Cell::expiring;
  return Cell::held;
}

std::string effective_expiry(const json::object& record, const CompetenceInfo* competence) {
  auto own = records::doc_text(&record, "expires_on");
  if (!own.empty()) return own;
  auto achieved = parse_date(records::doc_text(&record, "achieved_on"));
  if (!achieved || !competence || !competence->validity_months) return "";
  return format_date(add_months(*achieved, *competence->validity_months));
}

Catalogue load_catalogue(store::ReadTx& tx, const std::string& org_id) {
  Catalogue c;
  for (const auto& row : rows_of(tx, org_id, competence_kind())) {
    auto doc = stored::parse_object(row.doc);
    CompetenceInfo info;
    info.id = row.id;
    info.name = records::doc_text(&doc, "name");
    info.category = records::doc_text(&doc, "category");
    if (auto v = doc.if_contains("validity_months"); v && v->is_int64()) info.validity_months = static_cast<int>(v->as_int64());
    if (auto v = doc.if_contains("ai_act_art4"); v && v->is_bool()) info.ai_act_art4 = v->as_bool();
    c.competences.push_back(std::move(info));
  }
  for (const auto& row : rows_of(tx, org_id, aims_role_kind())) {
    auto doc = stored::parse_object(row.doc);
    c.roles[row.id] = RoleInfo{row.id, records::doc_text(&doc, "name"), texts(doc, "competence_ids")};
  }
  return c;
}

bool assignment_holds(const json::object& doc, const std::string& today) {
  auto from = records::doc_text(&doc, "from");
  auto until = records::doc_text(&doc, "until");
  return (from.empty() || from <= today) && (until.empty() || until >= today);
}

std::map<std::string, PersonFacts> load_people(store::ReadTx& tx, const std::string& org_id, const Catalogue& c,
                                               const std::vector<std::string>& people, Date today) {
  std::map<std::string, PersonFacts> out;
  for (const auto& p : people) out[p];
  if (people.empty()) return out;
  const auto day = format_date(today);
  for (const auto& row : rows_of(tx, org_id, role_assignment_kind(), std::pair{FacetSlot::text0, people})) {
    auto doc = stored::parse_object(row.doc);
    if (!assignment_holds(doc, day)) continue;
    auto& f = out[records::doc_text(&doc, "person")];
    auto role = records::doc_text(&doc, "role_id");
    if (std::find(f.role_ids.begin(), f.role_ids.end(), role) == f.role_ids.end()) f.role_ids.push_back(role);
  }
  for (const auto& row : rows_of(tx, org_id, competence_record_kind(), std::pair{FacetSlot::text0, people})) {
    auto doc = stored::parse_object(row.doc);
    auto comp = records::doc_text(&doc, "competence_id");
    auto expiry = effective_expiry(doc, c.competence(comp));
    auto& held = out[records::doc_text(&doc, "person")].held;
    auto it = held.find(comp);
    if (it == held.end()) held[comp] = expiry;
    else if (!it->second.empty() && (expiry.empty() || expiry > it->second)) it->second = expiry;
  }
  for (const auto& row : rows_of(tx, org_id, competence_action_kind(), std::pair{kActionPersonSlot, people})) {
    const auto& fs = row.facets.text;
    auto status = fs[static_cast<std::size_t>(kActionStatusSlot)];
    if ((status != "open" && status != "in_progress") || fs[static_cast<std::size_t>(kActionClosesGapSlot)] != "true") continue;
    auto doc = stored::parse_object(row.doc);
    auto due = records::doc_text(&doc, "due_date");
    auto& actions = out[records::doc_text(&doc, "person")].actions;
    auto [it, fresh] = actions.try_emplace(records::doc_text(&doc, "competence_id"));
    auto before = fresh ? "" : records::doc_text(&it->second, "due_date");
    if (fresh || (!due.empty() && (before.empty() || due < before)))
      it->second = json::object{{"id", row.id}, {"action_type", records::doc_text(&doc, "action_type")},
                                {"due_date", due.empty() ? json::value(nullptr) : json::value(due)}, {"status", status}};
  }
  return out;
}

std::vector<std::string> holders_of(store::ReadTx& tx, const std::string& org_id, const std::vector<std::string>& role_ids,
                                    Date today) {
  std::set<std::string> out;
  if (role_ids.empty()) return {};
  const auto day = format_date(today);
  for (const auto& row : rows_of(tx, org_id, role_assignment_kind(), std::pair{FacetSlot::text1, role_ids})) {
    auto doc = stored::parse_object(row.doc);
    if (assignment_holds(doc, day)) out.insert(records::doc_text(&doc, "person"));
  }
  return {out.begin(), out.end()};
}

}  // namespace aims::people
