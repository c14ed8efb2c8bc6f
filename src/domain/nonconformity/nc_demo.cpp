#include "domain/nonconformity/nc_demo.hpp"

#include "core/date.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/nonconformity/nc_service.hpp"
#include "domain/nonconformity/nonconformity_kinds.hpp"
#include "domain/records/record_service.hpp"

namespace aims::nonconformity {
namespace json = boost::json;

namespace {

std::string days_from(const Clock& clock, int days) {
  return format_date(date_of(clock.now() + std::chrono::hours(24 * days)));
}

}  // namespace

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& admin) {
  auto compliance = demo::member_id(store, demo::kComplianceLead);
  auto cto = demo::member_id(store, demo::kCto);
  auto steward = demo::member_id(store, demo::kDataSteward);
  auto oversight = demo::member_id(store, demo::kOversightLead);
  for (const auto* id : {&compliance, &cto, &steward, &oversight})
    if (!*id) return id->error();
  const bool findings = kinds::kind_named("audit_finding") != nullptr;
  records::RecordService records(store, clock);
  NcService ncs(store, clock);
  const auto& nc_kind = nonconformity_kind();
  const auto& capa = corrective_action_kind();

  // NC-1: major, from the internal audit, closed after an effective check.
  json::object first{{"title", "Impact assessment not repeated after the model was retrained"},
                     {"description", "The internal audit found that the credit scoring model was retrained with new data, "
                                     "but its AI system impact assessment was not looked at again before the release."},
                     {"source", "internal_audit"},
                     {"requirement", "8.4"},
                     {"severity", "major"},
                     {"owner", *compliance},
                     {"opened_on", days_from(clock, -60)},
                     {"due_date", days_from(clock, -10)}};
  if (findings) first["source_ref"] = "AF-1";
  auto nc1 = records.create(admin, nc_kind, first);
  if (!nc1) return nc1.error();
  auto v = records::etag(nc1->version);
  auto next = [&](const result<records::Versioned>& r) -> status {
    if (!r) return r.error();
    v = records::etag(r->version);
    return ok();
  };
  if (auto s = next(ncs.contain(admin, nc1->id,
                                json::object{{"action", "Releases of the model were paused and the impact assessment was "
                                                        "re-opened for the retrained version."},
                                             {"done_on", days_from(clock, -59)}},
                                v));
      !s)
    return s;
  if (auto s = next(ncs.analyse(admin, nc1->id,
                                json::object{{"method", "five_whys"},
                                             {"analysis", "Why was the assessment not repeated? The release checklist did not "
                                                          "ask for it. Why not? It was written before impact assessments existed. "
                                                          "Why was it not updated? No one owned the checklist. Why? Ownership of "
                                                          "release documents was never assigned."},
                                             {"root_cause", "The release checklist has no owner and does not ask whether the "
                                                            "impact assessment still holds."}},
                                v));
      !s)
    return s;
  if (auto s = next(ncs.check_elsewhere(admin, nc1->id,
                                        json::object{{"could_occur_elsewhere", true},
                                                     {"where", "Every AI system released through the same checklist, notably "
                                                               "the CV screening assistant."}},
                                        v));
      !s)
    return s;
  for (const auto& [title, owner, due, done] :
       {std::tuple{"Add the impact assessment question to the release checklist", *compliance, -40, -45},
        std::tuple{"Assign an owner to every release document", *cto, -30, -32}}) {
    json::object body{{"nc_id", nc1->id},      {"title", title},          {"owner", owner}, {"due_date", days_from(clock, due)},
                      {"status", "done"},       {"done_on", days_from(clock, done)}};
    if (auto r = records.create(admin, capa, body); !r) return r.error();
  }
  if (auto s = next(ncs.add_update(admin, nc1->id,
                                   json::object{{"links", json::array{"DOC-1"}},
                                                {"note", "The AI policy now names the owner of the release checklist."}},
                                   v));
      !s)
    return s;
  if (auto s = next(ncs.schedule_check(admin, nc1->id,
                                       json::object{{"criterion", "The next three releases each show a reviewed impact "
                                                                  "assessment before go-live."},
                                                    {"due_date", days_from(clock, -5)},
                                                    {"verifier", *cto}},
                                       v));
      !s)
    return s;
  accounts::Actor verifier{*cto, demo::kCto, admin.org_id, admin.org_name, accounts::Role::manager};
  if (auto s = next(ncs.record_result(verifier, nc1->id,
                                      json::object{{"result", "effective"},
                                                   {"reason", "Three releases since; each had its impact assessment reviewed."}},
                                      v));
      !s)
    return s;
  if (auto s = next(ncs.close(admin, nc1->id, json::object{}, v)); !s) return s;

  // NC-2: minor, open, with a corrective action in progress.
  json::object second{{"title", "Training records missing for two model reviewers"},
                      {"description", "Two people who review model validation reports have no competence record for the "
                                      "validation training."},
                      {"source", "internal_audit"},
                      {"requirement", "7.2"},
                      {"severity", "minor"},
                      {"owner", *steward},
                      {"opened_on", days_from(clock, -20)},
                      {"due_date", days_from(clock, 40)}};
  if (findings) second["source_ref"] = "AF-2";
  auto nc2 = records.create(admin, nc_kind, second);
  if (!nc2) return nc2.error();
  v = records::etag(nc2->version);
  if (auto s = next(ncs.contain(admin, nc2->id,
                                json::object{{"action", "The two reviewers' sign-offs are countersigned until their training "
                                                        "is recorded."}},
                                v));
      !s)
    return s;
  if (auto s = next(ncs.analyse(admin, nc2->id,
                                json::object{{"method", "cause_categories"},
                                             {"analysis", "People: the reviewers joined mid-year. Method: the onboarding list "
                                                          "does not include the validation training."},
                                             {"root_cause", "The onboarding list for model reviewers lacks the validation "
                                                            "training."}},
                                v));
      !s)
    return s;
  if (auto s = next(ncs.check_elsewhere(admin, nc2->id, json::object{{"could_occur_elsewhere", false}}, v)); !s) return s;
  json::object action{{"nc_id", nc2->id},
                      {"title", "Add the validation training to the reviewers' onboarding"},
                      {"owner", *oversight},
                      {"due_date", days_from(clock, 20)},
                      {"status", "in_progress"}};
  if (auto r = records.create(admin, capa, action); !r) return r.error();
  return ok();
}

}  // namespace aims::nonconformity
