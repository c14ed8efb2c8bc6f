#include "domain/demo/demo_euact.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "domain/euact/classification_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

// Answers that differ from "no" (or "none"); every other question asked is answered no.
const char* kClassifications = R"json([
 {"system":"Credit scoring model","note":"Reviewed with Legal; the model scores natural persons for consumer loans.",
  "answers":{"roles":["provider","deployer"],"annex3-areas":["5"],"annex3-5-b":true,"art6-3-profiling":true}},
 {"system":"CV screening assistant","note":"Vendor documentation confirms the ranking profiles applicants.",
  "answers":{"roles":["deployer"],"annex3-areas":["4"],"annex3-4-a":true,"art6-3-profiling":true}},
 {"system":"Customer service chatbot","note":"Built in-house on a general-purpose model API and run under our brand.",
  "answers":{"roles":["provider","deployer"],"art50-1":true}},
 {"system":"Card fraud detection","note":"Fraud detection is outside Annex III point 5(b).",
  "answers":{"roles":["provider","deployer"],"annex3-areas":["5"]}},
 {"system":"Demand forecasting","answers":{"roles":["provider","deployer"]}},
 {"system":"Document OCR and classification","answers":{"roles":["deployer"]}},
 {"system":"Marketing content generator","note":"Campaign images may show realistic people; they are labelled.",
  "answers":{"roles":["deployer"],"art50-2":true,"art50-4":true}}
])json";

// Progress recorded on some obligations: system, obligation, fields.
const char* kProgress = R"json([
 ["Credit scoring model","art9",{"status":"in_progress","owner":"Risk Manager","evidence_refs":["RM-PLAN-CS v0.4"],"notes":"Risk register drafted; residual-risk acceptance pending."}],
 ["Credit scoring model","art10",{"status":"in_progress","evidence_refs":["Datasheet: repayment history 2015-2025"]}],
 ["Credit scoring model","art12",{"status":"met","evidence_refs":["Logging specification LS-3","Log retention configuration"]}],
 ["Credit scoring model","art14",{"status":"met","evidence_refs":["Override procedure CR-OV-2"],"notes":"Officers override with a recorded reason."}],
 ["Credit scoring model","art27",{"status":"in_progress","owner":"Head of AI Governance"}],
 ["CV screening assistant","art25",{"status":"not_applicable","not_applicable_reason":"We use the vendor's system as supplied: no rebranding, no substantial change, no new purpose."}],
 ["CV screening assistant","art26",{"status":"in_progress","notes":"Recruiters named as overseers; training planned."}],
 ["Customer service chatbot","art50-1-disclose",{"status":"met","owner":"Head of Digital Channels","evidence_refs":["Chat widget disclosure banner (screenshot)"]}]
])json";

}  // namespace

status seed_euact(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& actor) {
  auto data = euact::Data::load_embedded();
  euact::Questionnaire questionnaire(data);
  inventory::SystemService systems(store, clock, ids);
  euact::ObligationService obligations(store, questionnaire, clock);
  euact::ClassificationService classifications(store, questionnaire, systems, obligations, clock);
  auto id_of = [&](const std::string& name) -> result<std::string> {
    std::optional<store::SystemRow> row;
    auto st = store.read([&](store::ReadTx& tx) -> status {
      row = tx.find_system_by_name_key(actor.org_id, text::lower(name));
      return ok();
    });
    if (!st) return st.error();
    if (!row) return make_error(errc::not_found, "demo system " + name + " is missing");
    return row->id;
  };
  const json::value classified = json::parse(kClassifications);  // kept alive for the loop
  for (const auto& v : classified.as_array()) {
    const auto& c = v.as_object();
    auto id = id_of(std::string(c.at("system").as_string()));
    if (!id) return id.error();
    // Every question asked that the demo does not answer is answered no (or none).
    json::object answers = c.at("answers").as_object();
    for (bool added = true; added;) {
      added = false;
      for (const auto* q : questionnaire.asked(answers))
        if (!answers.contains(q->id)) {
          answers[q->id] = q->type == euact::QuestionType::multi_choice ? json::value(json::array()) : json::value(false);
          added = true;
          break;
        }
    }
    json::object body{{"answers", std::move(answers)}};
    if (auto n = c.if_contains("note")) body["note"] = *n;
    if (auto r = classifications.put(actor, *id, body, std::nullopt); !r) return r.error();
  }
  const json::value progress = json::parse(kProgress);
  for (const auto& v : progress.as_array()) {
    const auto& p = v.as_array();
    auto id = id_of(std::string(p[0].as_string()));
    if (!id) return id.error();
    std::string obligation(p[1].as_string());
    if (auto r = obligations.update(actor, *id, obligation, p[2], std::string("\"v1\"")); !r) return r.error();
  }
  return ok();
}

}  // namespace aims::demo
