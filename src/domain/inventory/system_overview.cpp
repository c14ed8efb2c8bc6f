#include "domain/inventory/system_overview.hpp"

#include "core/json_text.hpp"
#include "domain/euact/obligation_query.hpp"
#include "domain/euact/system_facts.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/risk/risk_fields.hpp"

namespace aims::inventory {
namespace json = boost::json;

namespace {

constexpr const char* kFew = "3";  // the records listed per part

const json::value* member(const json::object& o, std::string_view part, std::string_view key) {
  auto p = o.if_contains(part);
  return p && p->is_object() ? p->as_object().if_contains(key) : nullptr;
}
std::int64_t count_of(const json::object& o, std::string_view part, std::string_view key) {
  auto v = member(o, part, key);
  return v && v->is_int64() ? v->as_int64() : 0;
}
bool flag_of(const json::object& o, std::string_view part, std::string_view key) {
  auto v = member(o, part, key);
  return v && v->is_bool() && v->as_bool();
}

json::object parse_object(const std::string& text) {
  auto v = json::parse(text);
  return v.is_object() ? std::move(v.as_object()) : json::object{};
}

/// The members people see of a listed record (id, number, title or name, status, …).
json::array brief(const json::value& items, std::initializer_list<std::string_view> keys) {
  json::array out;
  if (!items.is_array()) return out;
  for (const auto& it : items.as_array()) {
    if (!it.is_object()) continue;
    json::object b;
    for (auto k : {std::string_view("id"), std::string_view("number"), std::string_view("title"), std::string_view("name")})
      if (auto p = it.as_object().if_contains(k)) b[k] = *p;
    for (auto k : keys)
      if (auto p = it.as_object().if_contains(k)) b[k] = *p;
    out.push_back(std::move(b));
  }
  return out;
}

/// The `total` of a list page served as JSON text ({"items", "total"}).
result<std::int64_t> total_of(const result<std::string>& page) {
  if (!page) return page.error();
  auto o = parse_object(*page);
  auto t = o.if_contains("total");
  return t && t->is_int64() ? t->as_int64() : 0;
}

result<json::object> classification_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  json::object facts;
  auto st = s.store.read([&](store::ReadTx& tx) -> status {
    facts = euact::system_facts(tx, a.org_id, id);
    return {};
  });
  if (!st) return st.error();
  json::object out{{"classified", facts.at("classified")},
                   {"class", facts.at("class")},
                   {"roles", facts.at("roles")},
                   {"recheck_needed", false}};
  if (facts.at("classified").as_bool()) {
    auto saved = s.classifications.get(a, id);
    if (!saved) return saved.error();
    auto doc = parse_object(saved->json);
    if (auto r = doc.if_contains("recheck"); r && r->is_object())
      if (auto n = r->as_object().if_contains("needed"); n && n->is_bool()) out["recheck_needed"] = n->as_bool();
  }
  json::object by_status;
  std::int64_t total = 0;
  for (auto status : euact::obligation_statuses()) {
    auto n = total_of(s.obligations.list(a, {{"system", id}, {"status", std::string(status)}, {"limit", "1"}}));
    if (!n) return n.error();
    by_status[status] = *n;
    total += *n;
  }
  out["obligations"] = json::object{{"total", total}, {"by_status", std::move(by_status)}};
  return out;
}

result<json::object> risks_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  auto top = s.risks.list(a, {{"system_id", id}, {"sort", "-residual"}, {"limit", kFew}});
  if (!top) return top.error();
  auto items = json::parse(top->items_json);
  json::object out{{"total", top->total}, {"overdue_reviews", top->overdue_reviews}, {"highest_residual", nullptr}};
  if (items.is_array() && !items.as_array().empty()) out["highest_residual"] = items.as_array().front().at("residual");
  out["items"] = brief(items, {"status", "residual", "acceptance_state"});
  json::object by_status;
  for (auto status : risk::statuses()) {
    auto n = s.risks.list(a, {{"system_id", id}, {"status", std::string(status)}, {"limit", "1"}});
    if (!n) return n.error();
    by_status[status] = n->total;
  }
  out["by_status"] = std::move(by_status);
  auto lapsed = s.risks.list(a, {{"system_id", id}, {"acceptance", "expired"}, {"limit", "1"}});
  if (!lapsed) return lapsed.error();
  out["acceptance_lapsed"] = lapsed->total;
  return out;
}

result<json::object> impact_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  auto latest = s.impact.list(a, {{"system_id", id}, {"sort", "-updated_at"}, {"limit", "1"}});
  if (!latest) return latest.error();
  auto page = parse_object(*latest);
  json::object out{{"total", page.at("total")}, {"latest", nullptr}};
  auto items = brief(page.at("items"), {"status", "reassessment_due", "updated_at"});
  if (!items.empty()) out["latest"] = items.front();
  auto approved = total_of(s.impact.list(a, {{"system_id", id}, {"status", "approved"}, {"limit", "1"}}));
  if (!approved) return approved.error();
  out["approved"] = *approved;
  auto due = total_of(s.impact.list(a, {{"system_id", id}, {"reassessment_due", "true"}, {"limit", "1"}}));
  if (!due) return due.error();
  out["reassessment_due"] = *due;
  return out;
}

result<json::object> objectives_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  auto all = s.objectives.list(a, {{"system_id", id}, {"limit", kFew}});
  if (!all) return all.error();
  auto page = parse_object(*all);
  auto off = total_of(s.objectives.list(a, {{"system_id", id}, {"derived_status", "off_track"}, {"limit", "1"}}));
  if (!off) return off.error();
  return json::object{{"total", page.at("total")}, {"off_track", *off}, {"items", brief(page.at("items"), {"status"})}};
}

result<json::object> evidence_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  auto page = s.evidence.list(a, {{"linked_to", "system:" + id}, {"limit", kFew}});
  if (!page) return page.error();
  return json::object{{"total", page->total}, {"items", brief(json::parse(page->items_json), {"expires_on"})}};
}

/// Field-driven kinds with a filterable reference to an AI system: one entry per such field.
result<json::array> records_part(const OverviewSources& s, const accounts::Actor& a, const std::string& id) {
  json::array out;
  for (const auto* k : kinds::generic_kinds()) {
    for (const auto& f : k->fields) {
      if (f.type != records::FieldType::ref || f.ref != "system" || !f.filter) continue;
      auto page = s.records.list(a, *k, {{f.name, id}, {"limit", kFew}});
      if (!page) return page.error();
      out.push_back(json::object{{"kind", k->kind},
                                 {"title", k->title},
                                 {"field", f.name},
                                 {"total", page->total},
                                 {"items", brief(json::parse(page->items_json), {"status"})}});
    }
  }
  return out;
}

const std::vector<MissingRule> kRules = {
    {"not_classified", "The system has no saved EU AI Act classification.", "/systems/{id}/classification/wizard",
     [](const json::object& o) { return !flag_of(o, "classification", "classified"); }},
    {"classification_recheck", "The saved classification needs a re-check: the questionnaire changed since.",
     "/systems/{id}/classification", [](const json::object& o) { return flag_of(o, "classification", "recheck_needed"); }},
    {"reassessment_overdue", "An impact assessment of the system is due for re-assessment.",
     "/impact?system_id={id}&reassessment_due=true",
     [](const json::object& o) { return count_of(o, "impact_assessments", "reassessment_due") > 0; }},
    {"risk_review_overdue", "A risk of the system is past its review date.", "/risks?system_id={id}&overdue=true",
     [](const json::object& o) { return count_of(o, "risks", "overdue_reviews") > 0; }},
    {"acceptance_lapsed", "The acceptance of a risk of the system has lapsed.", "/risks?system_id={id}&acceptance=expired",
     [](const json::object& o) { return count_of(o, "risks", "acceptance_lapsed") > 0; }},
    {"no_approved_impact_assessment", "The system is high-risk and has no approved impact assessment.",
     "/impact?system_id={id}",
     [](const json::object& o) {
       auto c = member(o, "classification", "class");
       return c && c->is_string() && c->as_string() == "high_risk" && count_of(o, "impact_assessments", "approved") == 0;
     }},
    {"no_evidence", "No evidence is linked to the system.", "/evidence?linked_to=system:{id}",
     [](const json::object& o) { return count_of(o, "evidence", "total") == 0; }},
};

std::string with_id(std::string_view link, const std::string& id) {
  std::string s(link);
  if (auto p = s.find("{id}"); p != std::string::npos) s.replace(p, 4, id);
  return s;
}

}  // namespace

const std::vector<MissingRule>& missing_rules() { return kRules; }

result<json::object> system_overview(const OverviewSources& s, const accounts::Actor& a, const std::string& system_id) {
  auto sys = s.systems.get(a, system_id);
  if (!sys) return sys.error();
  auto doc = parse_object(sys->json);
  json::object o{{"system", json::object{{"id", sys->id}, {"name", doc["name"]}, {"status", doc["status"]}}}};
  auto put = [&](std::string_view key, auto&& part) -> status {
    if (!part) return part.error();
    o[key] = std::move(*part);
    return {};
  };
  o["scope"] = doc["scope"];  // as served with the system: derived from the scope record only
  if (auto st = put("classification", classification_part(s, a, system_id)); !st) return st.error();
  if (auto st = put("risks", risks_part(s, a, system_id)); !st) return st.error();
  if (auto st = put("impact_assessments", impact_part(s, a, system_id)); !st) return st.error();
  if (auto st = put("objectives", objectives_part(s, a, system_id)); !st) return st.error();
  if (auto st = put("evidence", evidence_part(s, a, system_id)); !st) return st.error();
  if (auto st = put("records", records_part(s, a, system_id)); !st) return st.error();
  auto history = s.systems.history(a, system_id, std::string(kFew), std::nullopt);
  if (!history) return history.error();
  o["history"] = parse_object(*history).at("items");
  json::array missing;
  for (const auto& r : kRules)
    if (r.applies(o))
      missing.push_back(json::object{{"code", r.code}, {"sentence", r.sentence}, {"link", with_id(r.link, system_id)}});
  o["missing"] = std::move(missing);
  return o;
}

}  // namespace aims::inventory
