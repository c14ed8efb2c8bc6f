#include "domain/demo/demo_seed.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

#include "domain/accounts/admin_service.hpp"
#include "domain/demo/demo_impact.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/assessment/scoring.hpp"
#include "domain/demo/demo_objectives.hpp"
#include "domain/demo/demo_documents.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/demo/demo_records.hpp"
#include "domain/demo/demo_risks.hpp"
#include "domain/demo/demo_euact.hpp"
#include "domain/retention/retention_demo.hpp"
#include "domain/people/people_demo.hpp"
#include "domain/incidents/incidents_demo.hpp"
#include "domain/nonconformity/nc_demo.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/review/review_demo.hpp"
#include "domain/audits/audits_demo.hpp"
#include "domain/soa/soa_service.hpp"
#include "domain/scope/scope_demo.hpp"
#include "domain/inventory/system_service.hpp"
#include "core/date.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

// Eight fictional AI systems of a mid-sized financial and retail group (their EU AI Act fields
// follow from the classifications of seed_euact).
const char* kSystems = R"json([
 {"name":"Credit scoring model","purpose":"Scores consumer loan applications for probability of default to support credit decisions.",
  "intended_use":"Decision support for credit officers on consumer loans up to 50,000 EUR; officers make the final decision.",
  "foreseeable_misuse":"Used as the sole basis for rejecting applicants; applied to small-business loans it was not trained for.",
  "owner":"Head of Credit Risk","organization_role":"provider","lifecycle_stage":"operation_and_monitoring",
  "model_type":"Gradient-boosted trees","data_sources":["Loan application forms","Credit bureau records","Repayment history 2015-2025"],
  "third_party_components":["Credit bureau API"],"suppliers":["National credit bureau"],
  "deployment_context":"Loan origination system, all branches and online channel.","affected_people":["Loan applicants","Credit officers"],
  "human_oversight":"human_in_the_loop","human_oversight_notes":"Every score is reviewed by a credit officer who can override it with a recorded reason.",
  "gpai":false,"status":"active","tags":["credit","retail-banking"]},
 {"name":"CV screening assistant","purpose":"Ranks job applications against the requirements of an open position.",
  "intended_use":"Helps recruiters prioritise reading; every application remains visible to the recruiter.",
  "foreseeable_misuse":"Automatic rejection of lower-ranked candidates; use for internal promotion decisions.",
  "owner":"HR Director","organization_role":"deployer","lifecycle_stage":"verification_and_validation",
  "model_type":"Fine-tuned language model","data_sources":["Applicant CVs","Job descriptions"],
  "third_party_components":["Hosted language model"],"suppliers":["Recruiting software vendor"],
  "deployment_context":"Applicant tracking system used by the HR team.","affected_people":["Job applicants","Recruiters"],
  "human_oversight":"human_in_the_loop","gpai":false,"status":"planned","tags":["hr"]},
 {"name":"Customer service chatbot","purpose":"Answers customer questions about accounts, cards and opening hours on the website and app.",
  "intended_use":"First-line answers to common questions with hand-over to a human agent.",
  "foreseeable_misuse":"Customers treating answers as financial advice; prompts that extract other customers' data.",
  "owner":"Head of Digital Channels","organization_role":"deployer","lifecycle_stage":"operation_and_monitoring",
  "model_type":"Large language model with retrieval","data_sources":["Public FAQ pages","Product terms"],
  "third_party_components":["General-purpose language model API"],"suppliers":["Cloud AI provider"],
  "deployment_context":"Public website and mobile app.","affected_people":["Customers","Contact-centre agents"],
  "human_oversight":"human_on_the_loop","gpai":true,"status":"active","tags":["customer-service","llm"]},
 {"name":"Card fraud detection","purpose":"Flags card transactions that are likely fraudulent for blocking or review.",
  "intended_use":"Real-time scoring of card payments; high scores are held for analyst review.",
  "foreseeable_misuse":"Blocking customers' cards without review or recourse.",
  "owner":"Head of Fraud Prevention","organization_role":"provider","lifecycle_stage":"operation_and_monitoring",
  "model_type":"Neural network ensemble","data_sources":["Card transactions","Device fingerprints","Confirmed fraud cases"],
  "third_party_components":[],"suppliers":[],"deployment_context":"Card authorisation platform, 24/7.",
  "affected_people":["Card holders","Merchants","Fraud analysts"],"human_oversight":"human_on_the_loop",
  "gpai":false,"status":"active","tags":["fraud","payments"]},
 {"name":"Demand forecasting","purpose":"Forecasts weekly demand per product and store to plan replenishment.",
  "intended_use":"Input to buyers' replenishment orders.","foreseeable_misuse":"Used to set staff schedules it was not validated for.",
  "owner":"Supply Chain Analytics Lead","organization_role":"provider","lifecycle_stage":"deployment",
  "model_type":"Time-series forecasting (gradient boosting)","data_sources":["Point-of-sale data","Promotions calendar","Weather data"],
  "third_party_components":["Weather data feed"],"suppliers":["Weather data provider"],"deployment_context":"Merchandise planning system.",
  "affected_people":["Buyers"],"human_oversight":"human_in_command","gpai":false,"status":"active","tags":["retail","forecasting"]},
 {"name":"Document OCR and classification","purpose":"Extracts data from scanned invoices and routes them to the right team.",
  "intended_use":"Back-office automation with human check of low-confidence fields.","foreseeable_misuse":"Processing identity documents without a privacy review.",
  "owner":"Operations Manager","organization_role":"deployer","lifecycle_stage":"operation_and_monitoring",
  "model_type":"Vision model plus classifier","data_sources":["Scanned supplier invoices"],"third_party_components":["OCR engine"],
  "suppliers":["Document automation vendor"],"deployment_context":"Accounts-payable workflow.","affected_people":["Accounts-payable clerks","Suppliers"],
  "human_oversight":"human_in_the_loop","gpai":false,"status":"active","tags":["back-office"]},
 {"name":"Marketing content generator","purpose":"Drafts product descriptions and campaign texts for review by the marketing team.",
  "intended_use":"Drafting only; a marketer edits and approves every text.","foreseeable_misuse":"Publishing generated images of real people without disclosure.",
  "owner":"Marketing Director","organization_role":"deployer","lifecycle_stage":"design_and_development",
  "model_type":"General-purpose generative model","data_sources":["Product catalogue","Brand guidelines"],
  "third_party_components":["Generative AI API"],"suppliers":["Cloud AI provider"],"deployment_context":"Marketing content workflow.",
  "affected_people":["Customers reading the content"],"human_oversight":"human_in_the_loop","gpai":true,"status":"planned","tags":["marketing","genai"]},
 {"name":"Insurance claims triage","purpose":"Estimates the complexity of motor insurance claims and routes them to handlers.",
  "intended_use":"Routing only; settlement decisions stay with claims handlers.","foreseeable_misuse":"Using the complexity score to deny claims.",
  "owner":"Claims Operations Lead","organization_role":"provider","lifecycle_stage":"inception",
  "model_type":"Not chosen yet","data_sources":["Historic claims"],"third_party_components":[],"suppliers":[],
  "deployment_context":"Claims management system.","affected_people":["Policy holders","Claims handlers"],"human_oversight":"unspecified",
  "gpai":false,"status":"planned","tags":["insurance"]}
])json";

}  // namespace

namespace {

/// The first assessment, completed some weeks ago as a mid-sized organization starting out might
/// answer it (some basics in place, documented processes rare, nothing measured yet), with its
/// roadmap under way; and a follow-up started today with a few answers, still in progress.
status seed_assessment(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                       const accounts::Actor& actor) {
  assessment::AssessmentService svc(store, cat, clock, ids);
  auto today = date_of(clock.now());
  auto started = today - std::chrono::days{75};
  auto make = [&](const char* name, Date on) -> result<std::string> {
    auto created = svc.create(actor, json::object{{"name", name},
                                                  {"approach", "both"},
                                                  {"target_maturity", 3},
                                                  {"owner", "Head of AI Governance"},
                                                  {"assessment_date", format_date(on)}});
    if (!created) return created.error();
    return std::string(json::parse(created->json).at("id").as_string());
  };
  auto id = make("Initial gap assessment", started);
  if (!id) return id.error();
  static constexpr int kPattern[] = {2, 1, 3, 2, 1, 0, 2, 3, 1, 2, 4, 2};
  int i = 0;
  const auto scope = assessment::scope(cat, "both");
  for (const auto& si : scope) {
    json::object answer{{"maturity", kPattern[i++ % 12]},
                        {"owner", si.item->kind == "clause" ? "Head of AI Governance" : "AI Platform Lead"}};
    if (si.item->id == "4.3") answer["notes"] = "Scope statement: AIMS scope statement draft v0.3";
    if (auto r = svc.put_answer(actor, *id, si.item->id, answer, std::nullopt); !r) return r.error();
  }
  // The roadmap was planned a week after the assessment; its first actions are done or under way.
  auto roadmap = svc.generate_roadmap(actor, *id, json::object{{"start_date", format_date(started + std::chrono::days{7})}});
  if (!roadmap) return roadmap.error();
  const auto actions = json::parse(*roadmap).at("actions").as_array();
  for (std::size_t k = 0; k < actions.size() && k < 3; ++k) {
    const auto& act = actions[k].as_object();
    auto r = svc.update_action(actor, *id, std::string(act.at("id").as_string()), json::object{{"status", k < 2 ? "done" : "in_progress"}},
                               assessment::AssessmentService::etag(act.at("version").as_int64()));
    if (!r) return r.error();
  }
  auto current = svc.get(actor, *id);
  if (!current) return current.error();
  if (auto r = svc.update(actor, *id, json::object{{"status", "completed"}}, assessment::AssessmentService::etag(current->version)); !r)
    return r.error();
  // The follow-up: a few clauses answered again, a level higher where work was done.
  auto next = make("Follow-up gap assessment", today);
  if (!next) return next.error();
  i = 0;
  for (const auto& si : scope) {
    if (si.item->kind != "clause") continue;
    if (++i > 6) break;
    json::object answer{{"maturity", std::min(kPattern[(i - 1) % 12] + 1, 5)}, {"owner", "Head of AI Governance"}};
    if (auto r = svc.put_answer(actor, *next, si.item->id, answer, std::nullopt); !r) return r.error();
  }
  return ok();
}

status seed_soa(store::Store& store, const catalog::Catalog& cat, const Clock& clock, const accounts::Actor& actor) {
  soa::SoaService svc(store, cat, clock);
  const std::pair<const char*, json::object> entries[] = {
      {"A.2.2", {{"implementation_status", "implemented"}, {"owner", "Head of AI Governance"},
                 {"policy_refs", json::array{"POL-AI-001 AI policy v1.2"}}, {"reasons", json::array{"risk_treatment", "legal_requirement"}}}},
      {"A.5.2", {{"implementation_status", "partial"}, {"owner", "Risk Manager"}, {"reasons", json::array{"legal_requirement"}}}},
      {"A.6.2.4", {{"implementation_status", "planned"}, {"owner", "AI Platform Lead"}, {"reasons", json::array{"risk_treatment"}}}},
      {"A.10.4", {{"applicable", false},
                  {"justification", "Demo Org supplies no AI system to customers as a product; customers only use its services."}}},
  };
  for (const auto& [control, body] : entries)
    if (auto r = svc.update(actor, control, body, std::string("\"v0\"")); !r) return r.error();
  return ok();
}

}  // namespace

result<DemoLogin> seed(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                       const std::string& password) {
  DemoLogin login{"Demo Org", "admin@demo.aims.test", password};
  accounts::AdminService admin(store, clock, ids);
  auto org = admin.init(login.org, login.email, password);
  if (!org) return org.error();
  std::optional<store::User> user;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    user = tx.find_user_by_email(login.email);
    return ok();
  });
  if (!st) return st.error();
  accounts::Actor actor{user->id, user->email, org->id, org->name, accounts::Role::admin};
  inventory::SystemService systems(store, clock, ids);
  const json::value systems_json = json::parse(kSystems);  // kept alive for the loop
  for (const auto& s : systems_json.as_array()) {
    auto r = systems.create(actor, s);
    if (!r) return r.error();
  }
  if (auto st = seed_assessment(store, cat, clock, ids, actor); !st) return st.error();
  if (auto st = seed_soa(store, cat, clock, actor); !st) return st.error();
  // Classified before the impact assessments, whose approved version records the system as it was.
  if (auto st = seed_euact(store, clock, ids, actor); !st) return st.error();
  if (auto st = seed_impact(store, clock, ids, actor); !st) return st.error();
  if (auto st = seed_objectives(store, cat, clock, ids, actor); !st) return st.error();
  if (auto st = seed_risks(store, cat, clock, actor); !st) return st.error();
  if (auto st = add_members(store, clock, ids, actor, password); !st) return st.error();  // named by what follows
  if (auto st = seed_documents(store, clock, actor); !st) return st.error();  // the AI policy first: DOC-1
  if (auto st = seed_records(store, clock, actor); !st) return st.error();  // the field-driven kinds
  if (auto st = retention::seed_demo(store, clock, actor); !st) return st.error();
  if (auto st = scope::seed_demo_scope(store, clock, actor); !st) return st.error();
  if (auto st = people::seed_demo(store, clock, actor); !st) return st.error();
  if (auto st = incidents::seed_demo(store, clock, actor); !st) return st.error();
  if (auto st = audits::seed_demo(store, clock, actor); !st) return st.error();  // before the NCs and the review: IA-1 with AF-1 (major NC), AF-2 (minor NC)
  if (auto st = nonconformity::seed_demo(store, clock, actor); !st) return st.error();
  objectives::ObjectiveService objective_summary(store, cat, clock, ids);
  if (auto st = review::seed_demo(store, clock, actor, [&](const accounts::Actor& a) { return objective_summary.summary(a); }); !st)
    return st.error();
  return login;
}

}  // namespace aims::demo
