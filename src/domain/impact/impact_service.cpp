#include "core/json_members.hpp"
#include "domain/impact/impact_service.hpp"

#include "domain/impact/fria.hpp"
#include "domain/impact/impact_common.hpp"
#include "domain/impact/impact_fields.hpp"

namespace aims::impact {
using namespace detail;

namespace {

using detail::make_row;

store::RecordRow record_row(const std::string& org_id, const json::object& doc) {
  return make_row(ImpactService::kKind, org_id, "", std::string(doc.at("id").as_string()), doc.at("version").as_int64(),
                  doc.at("number").as_int64(), std::string(doc.at("system_id").as_string()),
                  std::string(doc.at("created_at").as_string()), std::string(doc.at("updated_at").as_string()),
                  json::serialize(doc));
}

}  // namespace

Date ImpactService::today() const { return date_of(clock_.now()); }

Settings ImpactService::load_settings(store::ReadTx& tx, const std::string& org_id) const {
  auto r = tx.find_record(org_id, std::string(kSettingsKind), "", "settings");
  if (!r) return Settings{};
  return settings_from(json::parse(r->doc).as_object());
}

json::object ImpactService::view_of(const json::object& doc, const json::object* system, const Settings& s) const {
  json::object v;
  v["id"] = doc.at("id");
  v["ref"] = doc.at("ref");
  v["system_id"] = doc.at("system_id");
  if (system) {
    json::object sys;
    for (auto k : {"id", "name", "archived", "organization_role", "eu_ai_act_class", "eu_ai_act_basis"})
      if (auto p = system->if_contains(k)) sys[k] = *p;
    v["system"] = std::move(sys);
  } else {
    v["system"] = nullptr;
  }
  v["title"] = doc.at("title");
  v["status"] = doc.at("status");
  json::array impacts = doc.at("impacts").as_array();
  auto outcome = annotate_impacts(impacts, s);
  v["outcome"] = level_name(outcome);
  v["summary"] = impact_summary(impacts);
  v["fria_required"] = system ? fria_applicability(*system).at("required").as_bool() : false;
  v["reassessment_due"] = reassessment_due(doc.at("approved_snapshot"), doc.at("approved_next_review_date"),
                                           system ? *system : json::object(), today());
  for (auto k : editable_fields()) {
    if (k == "title") continue;
    v[k] = k == "impacts" ? json::value(std::move(impacts)) : doc.at(k);
  }
  for (auto k : {"submitted_at", "submitted_by", "approved_version", "approved_at", "approved_by", "version", "created_at",
                 "updated_at", "created_by", "updated_by"})
    v[k] = doc.at(k);
  return v;
}

json::object ImpactService::summary_of(const json::object& v) const {
  json::object o;
  for (auto k : {"id", "ref", "system_id", "system", "title", "status", "outcome", "summary", "fria_required",
                 "reassessment_due", "next_review_date", "approved_version", "approved_at", "approved_by", "version",
                 "created_at", "updated_at", "updated_by"})
    o[k] = v.at(k);
  return o;
}

result<View> ImpactService::create(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "create impact assessments"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const auto& in = body.as_object();
  std::vector<FieldError> errs;
  auto fields = normalize(in, true, errs, [&] { return ids_.next("imp"); });
  std::string system_id;
  if (auto p = in.if_contains("system_id"); !p) errs.push_back({"system_id", 0, "is required: the AI system to assess"});
  else if (!p->is_string() || p->as_string().empty() || p->as_string().size() > 100)
    errs.push_back({"system_id", 0, "must be the id of an AI system of the organization"});
  else system_id = std::string(p->as_string());
  if (!errs.empty()) return make_error(errc::validation, "The impact assessment is not valid.", std::move(errs));
  auto id = ids_.next("ia");
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto sys = tx.find_system(a.org_id, system_id);
    if (!sys)
      return make_error(errc::validation, "The AI system to assess does not exist in this organization.",
                        {{"system_id", 0, "no AI system " + system_id + " in this organization"}});
    if (sys->archived)
      return make_error(errc::validation, "The AI system is archived.",
                        {{"system_id", 0, "the AI system is archived; restore it before assessing it"}});
    auto system = json::parse(sys->doc).as_object();
    system["eu_ai_act"] = euact::system_facts(tx, a.org_id, system_id);
    auto now = clock_.now_text();
    auto number = records::next_number(tx, impact_kind(), a.org_id, now);
    if (!number) return number.error();
    auto filled = empty_fields();
    for (auto& kv : prefill_from(system)) filled[kv.key()] = kv.value();
    for (auto& kv : fields) filled[kv.key()] = kv.value();
    json::object doc{{"id", id}, {"number", *number}, {"ref", impact_kind().prefix + std::to_string(*number)}, {"system_id", system_id},
                     {"status", "draft"}};
    for (auto k : editable_fields()) doc[k] = filled.at(k);
    for (auto k : {"submitted_at", "submitted_by", "approved_version", "approved_at", "approved_by", "approved_snapshot",
                   "approved_next_review_date"})
      doc[k] = nullptr;
    doc["version"] = 1;
    doc["created_at"] = now;
    doc["updated_at"] = now;
    doc["created_by"] = a.email;
    doc["updated_by"] = a.email;
    if (auto s = records::save(tx, impact_kind(), a, record_row(a.org_id, doc), 0, "create", diff(json::object(), doc)); !s)
      return s;
    out = View{id, 1, json::serialize(view_of(doc, &system, load_settings(tx, a.org_id)))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> ImpactService::get(const Actor& a, const std::string& id) {
  View out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!row) return not_found(id);
    auto doc = json::parse(row->doc).as_object();
    auto system = system_of(tx, a.org_id, string_at(doc, "system_id"));
    out = View{id, row->version, json::serialize(view_of(doc, system ? &*system : nullptr, load_settings(tx, a.org_id)))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> ImpactService::update(const Actor& a, const std::string& id, const json::value& body,
                                   const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change impact assessments"); !st) return st.error();
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!row) return not_found(id);  // before any check of the body: other organizations learn nothing
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    std::vector<FieldError> errs;
    auto changes = normalize(body.as_object(), false, errs, [&] { return ids_.next("imp"); });
    if (!errs.empty()) return make_error(errc::validation, "The change is not valid.", std::move(errs));
    if (auto s = records::check_if_match(impact_kind(), *row, if_match); !s) return s;
    auto before = json::parse(row->doc).as_object();
    auto after = before;
    for (auto& kv : changes) after[kv.key()] = kv.value();
    auto system = system_of(tx, a.org_id, string_at(before, "system_id"));
    auto settings = load_settings(tx, a.org_id);
    if (diff(before, after).empty()) {
      out = View{id, row->version, json::serialize(view_of(before, system ? &*system : nullptr, settings))};
      return ok();
    }
    // Edits always work on a draft: a change in review withdraws it, a change after approval
    // starts the next draft (the approved versions stay as they are).
    after["status"] = "draft";
    after["submitted_at"] = nullptr;
    after["submitted_by"] = nullptr;
    auto now = clock_.now_text();
    after["version"] = row->version + 1;
    after["updated_at"] = now;
    after["updated_by"] = a.email;
    if (auto s = records::save(tx, impact_kind(), a, record_row(a.org_id, after), row->version, "update", diff(before, after));
        !s)
      return s;
    out = View{id, row->version + 1, json::serialize(view_of(after, system ? &*system : nullptr, settings))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ImpactService::history(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                           const std::optional<std::string>& cursor) {
  return records::history_page(store_, impact_kind(), a, id, limit, cursor);
}

}  // namespace aims::impact
