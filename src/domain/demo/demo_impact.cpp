#include "domain/demo/demo_impact.hpp"

#include <boost/json.hpp>

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

const char* kCvAssessment = R"json({
  "scope": "Use of the CV screening assistant by the HR team to rank applications for salaried positions in the group's EU offices. Internal promotions and temporary staffing are out of scope.",
  "assessors": ["HR Director", "Data Protection Officer", "Head of AI Governance"],
  "data_quality": "CVs are parsed from the applicant tracking system; a quarterly sample of 200 parsed CVs is checked by hand for extraction errors. Job descriptions are reviewed for biased wording before use.",
  "model_information": "A hosted language model fine-tuned by the vendor on anonymised CV and job-description pairs. It gives each application a relevance score with a short explanation; it has not been validated for roles outside the EU offices.",
  "processes": "Pre-selection of applications for open positions: the assistant orders the list a recruiter reads; the recruiter decides whom to invite to an interview.",
  "period_and_frequency": "From the second quarter of 2027, for every application to a salaried position, about 4,000 applications a year.",
  "governance_and_complaints": "The HR Director owns the use; the AI governance board reviews the quarterly bias report. Applicants can ask for a human review of their application through the careers page; requests are answered within 15 working days.",
  "interested_parties": [
    {"name": "Job applicants", "relation": "affected", "vulnerable": false, "notes": "Natural persons whose applications are ranked."},
    {"name": "Applicants with disabilities or career breaks", "relation": "affected", "vulnerable": true, "notes": "Gaps and non-standard CVs may be ranked lower."},
    {"name": "Recruiters", "relation": "user", "vulnerable": false, "notes": "Read the ranked list and decide."},
    {"name": "Works council", "relation": "oversight", "vulnerable": false, "notes": "Consulted before the system is used."}
  ],
  "impacts": [
    {"category": "individual", "type": "harm", "affected_party": "Job applicants", "severity": 3, "likelihood": 3,
     "description": "A qualified applicant is ranked low and never read, losing a fair chance at the job.",
     "measures": [{"description": "Recruiters read at least the top 30 applications and a random sample of 10 from the rest.", "owner": "Head of Recruiting", "status": "implemented"},
                  {"description": "Quarterly comparison of rankings with interview outcomes.", "owner": "HR Analytics Lead", "status": "planned"}]},
    {"category": "group", "type": "harm", "affected_party": "Applicants with disabilities or career breaks", "severity": 4, "likelihood": 3,
     "description": "Systematic lower ranking of CVs with gaps or unusual formats discriminates against a protected group.",
     "measures": [{"description": "Bias test on synthetic CVs with and without career breaks before go-live and after each model update.", "owner": "HR Analytics Lead", "status": "in_progress"}]},
    {"category": "individual", "type": "benefit", "affected_party": "Job applicants", "severity": 2, "likelihood": 4,
     "description": "Faster answers: applicants hear back within days instead of weeks.", "measures": []},
    {"category": "society", "type": "benefit", "affected_party": "Labour market", "severity": 1, "likelihood": 2,
     "description": "More consistent criteria across offices make the selection easier to explain.", "measures": []}
  ]
})json";

const char* kChatbotAssessment = R"json({
  "scope": "The customer service chatbot on the public website and mobile app, answering questions about accounts, cards and opening hours.",
  "assessors": ["Head of Digital Channels"],
  "processes": "First-line customer questions; hand-over to a contact-centre agent on request or when the bot is unsure.",
  "impacts": [
    {"category": "individual", "type": "harm", "affected_party": "Customers", "severity": 2, "likelihood": 3,
     "description": "A wrong answer about fees or card blocking leads a customer to act on false information.", "measures": []},
    {"category": "individual", "type": "benefit", "affected_party": "Customers", "severity": 2, "likelihood": 4,
     "description": "Answers at any hour without waiting for an agent.", "measures": []}
  ]
})json";

std::optional<std::string> system_id(store::Store& store, const std::string& org_id, const std::string& name) {
  std::optional<std::string> id;
  (void)store.read([&](store::ReadTx& tx) -> status {
    if (auto r = tx.find_system_by_name_key(org_id, text::lower(name))) id = r->id;
    return ok();
  });
  return id;
}

}  // namespace

status seed_impact(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& actor) {
  impact::ImpactService svc(store, clock, ids);
  auto cv = system_id(store, actor.org_id, "CV screening assistant");
  auto bot = system_id(store, actor.org_id, "Customer service chatbot");
  if (!cv || !bot) return make_error(errc::internal, "the demo AI systems are missing");

  auto body = json::parse(kCvAssessment).as_object();
  body["system_id"] = *cv;
  body["next_review_date"] = format_date(date_of(clock.now()) + std::chrono::days(365));
  auto created = svc.create(actor, body);
  if (!created) return created.error();
  if (auto r = svc.submit(actor, created->id, std::nullopt); !r) return r.error();
  std::int64_t number = 0;
  json::object note{{"note", "Accepted for go-live with recruiters reading beyond the ranking and the bias test before each model update."}};
  if (auto r = svc.approve(actor, created->id, note, std::nullopt, number); !r) return r.error();

  // The system changed after the approval, so the assessment is due again.
  inventory::SystemService systems(store, clock, ids);
  auto sys = systems.get(actor, *cv);
  if (!sys) return sys.error();
  json::object change{{"lifecycle_stage", "deployment"},
                      {"data_sources", json::array{"Applicant CVs", "Job descriptions", "Video interview transcripts"}}};
  if (auto r = systems.update(actor, *cv, change, records::etag(sys->version)); !r) return r.error();

  auto draft = json::parse(kChatbotAssessment).as_object();
  draft["system_id"] = *bot;
  if (auto r = svc.create(actor, draft); !r) return r.error();
  return ok();
}

}  // namespace aims::demo
