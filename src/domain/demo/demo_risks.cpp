#include "domain/demo/demo_risks.hpp"

#include <boost/json.hpp>

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/risk/risk_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

/// The demo's clock moved back: for the risks recorded a year before the demo starts.
class EarlierClock final : public Clock {
 public:
  EarlierClock(const Clock& base, std::chrono::days back) : base_(base), back_(back) {}
  TimePoint now() const override { return base_.now() - back_; }

 private:
  const Clock& base_;
  std::chrono::days back_;
};

struct DemoRisk {
  const char* system;  // name of the AI system, or "" for an organization-wide risk
  const char* json;    // the risk's fields, dates as day offsets: "due_in", "review_in"
  const char* acceptance = nullptr;  // rationale, if accepted
  int accept_days = 0;               // acceptance validity in days
  int recorded_days_ago = 0;         // when it was registered (and accepted)
};

const DemoRisk kRisks[] = {
    {"Credit scoring model",
     R"({"title":"Scores put applicants from some postcodes at a disadvantage",
        "description":"Historic lending data under-represents some regions, so the model may learn the postcode as a proxy for creditworthiness and refuse applicants unfairly.",
        "risk_sources":["C.3.4"],"objectives":["C.2.5","C.2.11"],"inherent_likelihood":4,"inherent_impact":4,
        "existing_controls":["A credit officer reviews every score before a decision"],"treatment":"modify",
        "treatment_plan":"Rebalance the training data, add fairness measures to validation and review approval rates by region every quarter.",
        "planned_controls":["A.7.4","A.6.2.4","Quarterly fairness review of approval rates"],
        "residual_likelihood":2,"residual_impact":4,"owner":"Head of Credit Risk","status":"treating","due_in":45,"review_in":90})"},
    {"CV screening assistant",
     R"({"title":"The ranking reproduces past hiring bias",
        "description":"The model learns from earlier hiring decisions and may rank down candidates from groups that were hired less often.",
        "risk_sources":["C.3.4","C.3.2"],"objectives":["C.2.5","C.2.1"],"inherent_likelihood":4,"inherent_impact":4,
        "treatment":"modify","treatment_plan":"Assess the impact on applicants before go-live, curate the training data and test the ranking for disparities.",
        "planned_controls":["A.5.4","A.7.2","A.6.2.4"],"residual_likelihood":2,"residual_impact":3,
        "owner":"HR Director","status":"treating","due_in":30,"review_in":60})"},
    {"Customer service chatbot",
     R"({"title":"Customers take chatbot answers as financial advice",
        "description":"Fluent answers about products may be read as personal advice, leading customers into unsuitable decisions.",
        "risk_sources":["C.3.3","C.3.2"],"objectives":["C.2.11","C.2.9"],"inherent_likelihood":3,"inherent_impact":3,
        "existing_controls":["Answers limited to the public FAQ and product terms"],"treatment":"modify",
        "treatment_plan":"Tell users they talk to an AI system, state that answers are no advice, and offer a human agent.",
        "planned_controls":["A.8.2","A.9.4"],"residual_likelihood":2,"residual_impact":3,
        "owner":"Head of Digital Channels","status":"monitoring","review_in":120})",
     "Disclosure and hand-over to an agent are live; the remaining risk is within our appetite.", 300},
    {"Customer service chatbot",
     R"({"title":"Prompt injection reveals other customers' data",
        "description":"Crafted prompts could make the model disclose data from retrieved documents or earlier conversations.",
        "risk_sources":["C.3.4","C.3.1"],"objectives":["C.2.7","C.2.10"],"inherent_likelihood":3,"inherent_impact":5,
        "treatment":"modify","treatment_plan":"Separate customer data from the retrieval index, log and monitor prompts, red-team each release.",
        "planned_controls":["A.6.2.6","A.6.2.8","Red-team test before each release"],"residual_likelihood":2,"residual_impact":4,
        "owner":"Head of Digital Channels","status":"treating","due_in":20,"review_in":60})"},
    {"Card fraud detection",
     R"({"title":"Model drift blocks legitimate card payments",
        "description":"Spending patterns change faster than the model is retrained, so false alarms rise and customers' cards are held.",
        "risk_sources":["C.3.1","C.3.6"],"objectives":["C.2.8"],"inherent_likelihood":3,"inherent_impact":3,
        "existing_controls":["Analysts review every held transaction","Weekly drift report"],"treatment":"retain",
        "planned_controls":["A.6.2.6"],"residual_likelihood":3,"residual_impact":3,
        "owner":"Head of Fraud Prevention","status":"monitoring","review_in":30})",
     "Analyst review limits the harm to a short delay; retraining costs more than it saves.", 365, 400},
    {"Demand forecasting",
     R"({"title":"An outage of the weather feed degrades forecasts",
        "description":"Without the weather feed the model falls back to seasonal averages and misses demand peaks.",
        "risk_sources":["C.3.5","C.3.6"],"objectives":["C.2.6"],"inherent_likelihood":2,"inherent_impact":2,
        "existing_controls":["Fallback to seasonal averages","Buyers check orders above a threshold"],"treatment":"retain",
        "residual_likelihood":2,"residual_impact":2,"owner":"Supply Chain Analytics Lead","status":"monitoring","review_in":-20})",
     "Low impact: buyers correct orders by hand during an outage.", 200, 60},
    {"",
     R"({"title":"Too few staff can judge and oversee AI systems",
        "description":"System owners and reviewers lack the training to question model outputs, so human oversight may be a formality.",
        "risk_sources":["C.3.3","C.3.7"],"objectives":["C.2.2","C.2.1"],"inherent_likelihood":3,"inherent_impact":4,
        "treatment":"modify","treatment_plan":"Name responsible roles for every AI system and train owners and reviewers.",
        "planned_controls":["A.3.2","A.4.6","AI literacy training for system owners"],"residual_likelihood":2,"residual_impact":3,
        "owner":"Head of AI Governance","status":"treating","due_in":90,"review_in":90})"},
    {"Marketing content generator",
     R"({"title":"Generated images are published without disclosure",
        "description":"Campaign images of realistic people could be published without saying they are generated.",
        "risk_sources":["C.3.2"],"objectives":["C.2.11"],"inherent_likelihood":3,"inherent_impact":3,
        "owner":"Marketing Director","status":"open","review_in":30})"},
};

std::string in_days(const Clock& clock, int days) { return format_date(date_of(clock.now()) + std::chrono::days(days)); }

}  // namespace

status seed_risks(store::Store& store, const catalog::Catalog& cat, const Clock& clock, const accounts::Actor& actor) {
  for (const auto& d : kRisks) {
    EarlierClock when(clock, std::chrono::days(d.recorded_days_ago));
    risk::RiskService svc(store, cat, when);
    auto body = json::parse(d.json).as_object();
    for (auto [offset, field] : {std::pair{"due_in", "due_date"}, std::pair{"review_in", "review_date"}})
      if (auto p = body.if_contains(offset)) {
        body[field] = in_days(clock, static_cast<int>(p->as_int64()));
        body.erase(offset);
      }
    if (*d.system) {
      std::optional<store::SystemRow> sys;
      auto st = store.read([&](store::ReadTx& tx) -> status {
        sys = tx.find_system_by_name_key(actor.org_id, text::lower(d.system));
        return ok();
      });
      if (!st) return st;
      if (!sys) return make_error(errc::internal, std::string("demo system missing: ") + d.system);
      body["system_id"] = sys->id;
    }
    auto created = svc.create(actor, body);
    if (!created) return created.error();
    if (!d.acceptance) continue;
    auto accepted = svc.accept(actor, created->id,
                               json::object{{"rationale", d.acceptance}, {"expires_on", in_days(when, d.accept_days)}},
                               "\"v" + std::to_string(created->version) + "\"");
    if (!accepted) return accepted.error();
  }
  return ok();
}

}  // namespace aims::demo
