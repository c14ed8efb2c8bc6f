#include "domain/context/climate_determination_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::context {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

/// The next review of a decision comes after the decision.
void check(const json::object& doc, std::vector<FieldError>& errors) {
  auto review = records::doc_text(&doc, "review_date");
  if (!review.empty() && review <= records::doc_text(&doc, "decided_on"))
    errors.push_back({"review_date", 0, "the next review comes after the day of the decision"});
}

records::KindSpec make() {
  auto k = context_kind({"climate_determination", "climate determination", "Climate determination", "CD-",
                         "Climate determinations", "climate-determinations", "climate-determination", "4.1"});
  k.check = check;
  auto decision = name_field("decision", "Decision", "The decision in a sentence.");
  FieldSpec relevant{"relevant", "Climate change is relevant", "Whether climate change is a relevant issue for the organization.",
                     FieldType::enumeration, true};
  relevant.values = {{"yes", "Yes"}, {"no", "No"}};
  relevant.column = true;
  relevant.filter = FacetSlot::text0;
  auto reasoning = long_field("reasoning", "Reasoning", "Why the organization decided so.", true);
  FieldSpec by{"decided_by", "Decided by", "The person or body that decided, e.g. the management board.", FieldType::text, true};
  by.column = true;
  by.search = true;
  FieldSpec on{"decided_on", "Decided on", "The day of the decision.", FieldType::date, true};
  on.column = true;
  on.sort = FacetSlot::text5;
  auto review = review_field("When the decision is looked at again.");
  auto issues = refs_field("issue_ids", "Context issues", "The context issues the decision rests on.", "context_issue");
  k.fields = {decision, relevant, reasoning, by, on, review, issues};
  k.demo = {
      R"({"decision":"Climate change is a relevant issue for our AI management system","relevant":"yes","reasoning":"Training and running our models uses a growing share of our energy, our largest clients and shareholders ask for figures, and heat waves have disrupted the data centre that hosts the credit model. We therefore treat climate change as an environmental issue of the AIMS and review it yearly.","decided_by":"Management board","decided_on":"2026-09-15","review_date":"2027-09-15","issue_ids":["CI-5"]})",
  };
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& climate_determination_kind() { return records::built_once<make>(); }

}  // namespace aims::context
