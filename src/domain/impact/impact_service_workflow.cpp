// ImpactService: the review and approval workflow (draft → in review → approved), the immutable
// numbered versions an approval creates, the Art. 27 view and the export model.

#include "core/json_members.hpp"
#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/impact/fria.hpp"
#include "domain/impact/impact_common.hpp"
#include "domain/impact/impact_fields.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/org/org_settings.hpp"

namespace aims::impact {
using namespace detail;

namespace {

std::optional<std::int64_t> version_number(const std::string& s) {
  auto v = text::to_int64(s);
  return v && *v >= 1 ? v : std::nullopt;
}

Error bad_version(std::string_view field) {
  return make_error(errc::bad_request, "A version number is a whole number from 1.",
                    {{std::string(field), 0, "must be a whole number from 1"}});
}

/// The assessment as an approved version shows it: the AI system as it was and the fields.
json::object assessment_of_version(const json::object& v) {
  json::object rec = v.at("assessment").as_object();
  rec["status"] = "approved";
  return rec;
}

}  // namespace

result<View> ImpactService::submit(const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!row) return not_found(id);
    if (auto s = require(a, Action::write_record, "submit impact assessments for review"); !s) return s;
    if (if_match)
      if (auto s = records::check_if_match(impact_kind(), *row, if_match); !s) return s;
    auto before = json::parse(row->doc).as_object();
    auto status = string_at(before, "status");
    if (status == "in_review") return make_error(errc::conflict, "This impact assessment is already in review.");
    if (status == "approved")
      return make_error(errc::conflict, "This impact assessment is approved as it stands; change it to start the next draft.");
    if (auto problems = completeness_problems(before); !problems.empty())
      return make_error(errc::validation, "The impact assessment is not complete enough for review.", std::move(problems));
    auto after = before;
    auto now = clock_.now_text();
    after["status"] = "in_review";
    after["submitted_at"] = now;
    after["submitted_by"] = a.email;
    auto r = records::next_version(*row, after, now, a.email);
    if (auto s = records::save(tx, impact_kind(), a, r, row->version, "submit", diff(before, after)); !s) return s;
    auto system = system_of(tx, a.org_id, string_at(after, "system_id"));
    out = View{id, r.version, json::serialize(view_of(after, system ? &*system : nullptr, load_settings(tx, a.org_id)))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ImpactService::approve(const Actor& a, const std::string& id, const json::value& body,
                                           const std::optional<std::string>& if_match, std::int64_t& number) {
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!row) return not_found(id);
    if (auto s = require(a, Action::approve, "approve impact assessments"); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"note"});
    auto note = in.text("note", 2000, true);
    if (!in.ok()) return in.failure("The approval is not valid.");
    if (if_match)
      if (auto s = records::check_if_match(impact_kind(), *row, if_match); !s) return s;
    auto before = json::parse(row->doc).as_object();
    if (string_at(before, "status") != "in_review")
      return make_error(errc::conflict, string_at(before, "status") == "approved"
                                            ? "This impact assessment is approved already; change it and submit it again."
                                            : "Submit the impact assessment for review before approving it.");
    if (auto s = org::require_segregation(tx, a, org::Duty::impact_approval, string_at(before, "submitted_by") == a.email,
                                          "you submitted this impact assessment for review; another manager or admin must approve it.");
        !s)
      return s;
    auto system = system_of(tx, a.org_id, string_at(before, "system_id"));
    if (!system) return make_error(errc::conflict, "The assessed AI system no longer exists.");
    auto settings = load_settings(tx, a.org_id);
    auto view = view_of(before, &*system, settings);
    auto outcome = *parse_level(string_at(view, "outcome"));
    std::string role_error;
    auto problems = completeness_problems(before);
    auto rules = approval_problems(view.at("impacts").as_array(), outcome, settings, a.role, note && !note->empty(), role_error);
    if (!role_error.empty()) return make_error(errc::forbidden, role_error);
    problems.insert(problems.end(), rules.begin(), rules.end());
    auto today_text = format_date(today());
    const auto& review = before.at("next_review_date");
    if (!review.is_string())
      problems.push_back({"next_review_date", 0, "set the date of the next review before approval"});
    else if (std::string(review.as_string()) <= today_text)
      problems.push_back({"next_review_date", 0, "must be after today (" + today_text + ")"});
    if (!problems.empty())
      return make_error(errc::validation, "The impact assessment cannot be approved yet.", std::move(problems));

    auto now = clock_.now_text();
    number = before.at("approved_version").is_int64() ? before.at("approved_version").as_int64() + 1 : 1;
    auto snapshot = system_snapshot(*system);
    json::object sys_then{{"id", before.at("system_id")}, {"name", system->at("name")}};
    for (auto& kv : snapshot) sys_then[kv.key()] = kv.value();
    json::object assessment{{"title", before.at("title")}};
    for (auto k : editable_fields())
      if (k != "title") assessment[k] = view.at(k);
    json::object version{{"number", number},
                         {"assessment_id", id},
                         {"ref", before.at("ref")},
                         {"approved_at", now},
                         {"approved_by", a.email},
                         {"note", note.value_or("")},
                         {"outcome", level_name(outcome)},
                         {"summary", view.at("summary")},
                         {"settings", settings_json(settings)},
                         {"system", std::move(sys_then)},
                         {"assessment", std::move(assessment)}};
    out = json::serialize(version);
    auto vr = make_row(kVersionKind, a.org_id, id, std::to_string(number), 1, number, string_at(before, "system_id"), now, now, out);
    if (auto s = tx.put_record(vr, 0); !s) {
      if (s.error().code == errc::conflict)
        return make_error(errc::conflict, "Another approval was recorded at the same moment; reload and try again.");
      return s;
    }
    auto after = before;
    after["status"] = "approved";
    after["approved_version"] = number;
    after["approved_at"] = now;
    after["approved_by"] = a.email;
    after["approved_snapshot"] = std::move(snapshot);
    after["approved_next_review_date"] = review;
    auto r = records::next_version(*row, after, now, a.email);
    if (auto s = records::save(tx, impact_kind(), a, r, row->version, "approve", diff(before, after)); !s) return s;
    return tx.insert_history(history_row(a, kVersionKind, id + "/" + std::to_string(number), 1, now, "approve", json::array()));
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ImpactService::versions(const Actor& a, const std::string& id) {
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    if (!tx.find_record(a.org_id, std::string(kKind), "", id)) return not_found(id);
    auto rows = tx.list_records(children(kVersionKind, a.org_id, id));
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {  // newest first
      auto d = json::parse(it->doc).as_object();
      items.push_back(json::object{{"number", d.at("number")},
                                   {"approved_at", d.at("approved_at")},
                                   {"approved_by", d.at("approved_by")},
                                   {"note", d.at("note")},
                                   {"outcome", d.at("outcome")},
                                   {"title", d.at("assessment").at("title")},
                                   {"summary", d.at("summary")}});
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<std::string> ImpactService::version(const Actor& a, const std::string& id, const std::string& number) {
  std::string out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    if (!tx.find_record(a.org_id, std::string(kKind), "", id)) return not_found(id);
    auto n = version_number(number);
    if (!n) return bad_version("n");
    auto r = tx.find_record(a.org_id, std::string(kVersionKind), id, std::to_string(*n));
    if (!r) return make_error(errc::not_found, "Impact assessment " + id + " has no approved version " + number + ".");
    out = r->doc;
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<json::object> ImpactService::export_model(const Actor& a, const std::string& id,
                                                 const std::optional<std::string>& version_n) {
  json::object model;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!row) return not_found(id);
    std::optional<std::int64_t> n;
    if (version_n) {
      n = version_number(*version_n);
      if (!n) return bad_version("version");
    }
    auto doc = json::parse(row->doc).as_object();
    auto system = system_of(tx, a.org_id, string_at(doc, "system_id"));
    auto settings = load_settings(tx, a.org_id);
    auto view = view_of(doc, system ? &*system : nullptr, settings);
    json::array versions;
    for (const auto& r : tx.list_records(children(kVersionKind, a.org_id, id))) {
      auto d = json::parse(r.doc).as_object();
      versions.push_back(json::object{{"number", d.at("number")}, {"approved_at", d.at("approved_at")},
                                      {"approved_by", d.at("approved_by")}, {"outcome", d.at("outcome")}, {"note", d.at("note")}});
    }
    model["organization"] = a.org_name;
    model["exported_at"] = clock_.now_text();
    if (n) {
      auto r = tx.find_record(a.org_id, std::string(kVersionKind), id, std::to_string(*n));
      if (!r) return make_error(errc::not_found, "Impact assessment " + id + " has no approved version " + *version_n + ".");
      auto v = json::parse(r->doc).as_object();
      auto rec = assessment_of_version(v);
      model["source"] = json::object{{"kind", "version"}, {"number", *n}, {"approved_at", v.at("approved_at")},
                                     {"approved_by", v.at("approved_by")}, {"note", v.at("note")}};
      json::object head{{"id", id}, {"ref", v.at("ref")}, {"system_id", doc.at("system_id")}, {"system", v.at("system")},
                        {"title", rec.at("title")}, {"status", "approved"}, {"outcome", v.at("outcome")},
                        {"summary", v.at("summary")}, {"settings", v.at("settings")}};
      for (auto k : editable_fields())
        if (k != "title") head[k] = rec.at(k);
      // Whether an FRIA is required is the saved classification's answer now.
      model["fria"] = derive_fria(rec, system ? *system : v.at("system").as_object());
      model["assessment"] = std::move(head);
    } else {
      model["source"] = json::object{{"kind", "working"}, {"version", row->version}};
      view["settings"] = settings_json(settings);
      model["fria"] = derive_fria(view, system ? *system : json::object());
      model["assessment"] = std::move(view);
    }
    model["versions"] = std::move(versions);
    return ok();
  });
  if (!st) return st.error();
  return model;
}

result<std::string> ImpactService::fria(const Actor& a, const std::string& id, const std::optional<std::string>& version_n) {
  auto m = export_model(a, id, version_n);
  if (!m) return m.error();
  auto f = m->at("fria").as_object();
  const auto& rec = m->at("assessment").as_object();
  json::object out{{"assessment_id", id}, {"ref", rec.at("ref")}, {"title", rec.at("title")}, {"system", rec.at("system")},
                   {"source", m->at("source")}};
  for (auto& kv : f) out[kv.key()] = kv.value();
  return json::serialize(out);
}

}  // namespace aims::impact
