#include "domain/context/climate_determination_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::context {
namespace {
using namespace records;

KindSpec climate_determination_spec() {
  auto k = worded_kind({"climate_determination", "climate determination", "Climate determination", "CD-",
                        "Climate determinations", "climate-determinations", "climate-determination", "4.1"});
  // The next review of a decision comes after the decision.
  k.check = dates_in_order("decided_on", "review_date", "the next review comes after the day of the decision", true);
  auto relevant = choice_field("relevant", "Climate change is relevant",
                               "Whether climate change is a relevant issue for the organization.", {{"yes", "Yes"}, {"no", "No"}},
                               store::FacetSlot::text0);
  auto by = note_field("decided_by", "Decided by", "The person or body that decided, e.g. the management board.", 200);
  by.required = true;
  by.column = true;
  k.fields = {name_field("decision", "Decision", "The decision in a sentence."),
              relevant,
              long_field("reasoning", "Reasoning", "Why the organization decided so.", true),
              by,
              date_field("decided_on", "Decided on", "The day of the decision.", store::FacetSlot::text5, true),
              review_field("When the decision is looked at again."),
              refs_field("issue_ids", "Context issues", "The context issues the decision rests on.", "context_issue")};
  k.demo = {
      R"({"decision":"Climate change is a relevant issue for our AI management system","relevant":"yes","reasoning":"Training and running our models uses a growing share of our energy, our largest clients and shareholders ask for figures, and heat waves have disrupted the data centre that hosts the credit model. We therefore treat climate change as an environmental issue of the AIMS and review it yearly.","decided_by":"Management board","decided_on":"2026-09-15","review_date":"2027-09-15","issue_ids":["CI-5"]})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& climate_determination_kind() { return records::built_once<climate_determination_spec>(); }

}  // namespace aims::context
