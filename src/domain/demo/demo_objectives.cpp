#include "domain/demo/demo_objectives.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cmath>

#include "core/date.hpp"
#include "core/date_months.hpp"
#include "core/text.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/objectives/reading_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

struct Demo {
  const char* system;  // name of a demo AI system
  const char* fields;  // the objective, without system_id, start_date and due_date
  int step_days;       // 0: monthly readings, else every step_days days
  int last_days_ago;   // the newest reading was measured this many days ago
  std::vector<double> values;  // oldest first
};

const std::vector<Demo>& demos() {
  static const std::vector<Demo> kDemos{
      {"Credit scoring model",
       R"json({"title":"Similar approval rates across age groups","annex_c_objective":"C.2.5",
        "description":"Applicants of every age group should be approved at similar rates when their credit risk is similar. We compare the approval rate of the least-approved age group with that of the most-approved one each month.",
        "measure":"Approval-rate ratio, lowest age group to highest","direction":"higher_is_better","target_value":0.9,
        "warning_threshold":0.8,"frequency":"monthly","owner":"Head of Credit Risk","control_refs":["A.7.4","A.6.2.4"],
        "plans":[{"action":"Reweight training data for under-represented age groups","resources":"Two data scientists for six weeks","responsible":"Credit modelling team"},
                 {"action":"Add the ratio to the monthly model monitoring report","resources":"Monitoring dashboard","responsible":"Model risk officer","done":true}]})json",
       0, 6, {0.74, 0.76, 0.79, 0.81, 0.8, 0.83, 0.85, 0.86, 0.88, 0.89, 0.91, 0.92}},
      {"Card fraud detection",
       R"json({"title":"Fraud detection keeps catching fraud as patterns drift","annex_c_objective":"C.2.8",
        "description":"Share of confirmed fraud cases the model flagged, measured weekly on the cases confirmed that week.",
        "measure":"Recall on confirmed fraud cases","unit":"%","direction":"higher_is_better","target_value":85,
        "warning_threshold":80,"frequency":"weekly","owner":"Head of Fraud Prevention","control_refs":["A.6.2.6"],
        "risk_refs":["R-3"],
        "plans":[{"action":"Retrain monthly on the latest confirmed cases","resources":"Training pipeline, one ML engineer","responsible":"Fraud analytics"},
                 {"action":"Alert the fraud team when weekly recall falls below 82 %","resources":"Monitoring","responsible":"Fraud analytics"}]})json",
       7, 2, {}},
      {"Demand forecasting",
       R"json({"title":"Cut the energy used to retrain demand forecasts","annex_c_objective":"C.2.4",
        "description":"Energy drawn by the weekly retraining runs, as reported by the cloud provider, summed per month.",
        "measure":"Energy used by retraining in the month","unit":"kWh","direction":"lower_is_better","target_value":120,
        "warning_threshold":150,"frequency":"monthly","owner":"Supply Chain Analytics Lead",
        "plans":[{"action":"Retrain only the stores whose forecast error grew","resources":"One engineer for a month","responsible":"Supply Chain Analytics"}]})json",
       0, 75, {240, 232, 228, 215, 204, 198, 190, 182, 176, 170}},
      {"Credit scoring model",
       R"json({"title":"Credit officers review scores, not rubber-stamp them","annex_c_objective":"C.2.1",
        "description":"If officers never override the score, oversight may have become a formality; if they override it often, the model is not helping. We keep the monthly override rate within a band.",
        "measure":"Share of scored applications where the officer overrode the score","unit":"%","direction":"within_range",
        "target_min":5,"target_max":15,"warning_margin":2,"frequency":"monthly","owner":"Head of Credit Risk",
        "control_refs":["A.9.2"],
        "plans":[{"action":"Sample ten overrides a month and record their reasons","resources":"Credit quality reviewer, two hours a month","responsible":"Credit quality"}]})json",
       0, 9, {3.8, 4.6, 6.1, 7.4, 9.2, 11.8, 12.5, 10.9, 9.6, 8.8, 9.1, 8.4}},
  };
  return kDemos;
}

Date minus_months(Date d, int months) { return add_months(d, -months); }

/// Weekly recall: around 88 %, drifting down in the last two months.
std::vector<double> fraud_recall() {
  std::vector<double> v;
  for (int w = 0; w < 52; ++w) {
    double wobble = 0.7 * std::sin(w * 0.55) + 0.35 * std::sin(w * 1.7 + 1);
    double drift = w >= 44 ? (w - 43) * 0.75 : 0;
    v.push_back(std::round((88.0 + wobble - drift) * 10) / 10);
  }
  return v;
}

}  // namespace

status seed_objectives(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                       const accounts::Actor& actor) {
  objectives::ObjectiveService objectives(store, cat, clock, ids);
  objectives::ReadingService readings(store, clock, ids);
  auto today = date_of(clock.now());
  for (const auto& d : demos()) {
    std::optional<store::SystemRow> system;
    auto st = store.read([&](store::ReadTx& tx) -> status {
      system = tx.find_system_by_name_key(actor.org_id, text::lower(d.system));
      return ok();
    });
    if (!st) return st;
    if (!system) return make_error(errc::internal, std::string("the demo system '") + d.system + "' is missing");
    auto fields = json::parse(d.fields).as_object();
    fields["system_id"] = system->id;
    fields["start_date"] = format_date(minus_months(today, 12));
    fields["due_date"] = format_date(minus_months(today, -6));
    auto created = objectives.create(actor, fields);
    if (!created) return created.error();
    auto values = d.values.empty() ? fraud_recall() : d.values;
    Date last = today - std::chrono::days{d.last_days_ago};
    json::array list;
    auto n = static_cast<int>(values.size());
    for (int i = 0; i < n; ++i) {
      int back = n - 1 - i;  // periods before the newest reading
      Date on = d.step_days ? last - std::chrono::days{d.step_days * back} : minus_months(last, back);
      list.push_back(json::object{{"objective", created->id}, {"value", values[static_cast<std::size_t>(i)]}, {"measured_on", format_date(on)}});
    }
    if (auto r = readings.push(actor, json::object{{"readings", std::move(list)}}); !r) return r.error();
  }
  return ok();
}

}  // namespace aims::demo
