#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

KindSpec competence_record_spec() {
  auto k = worded_kind({"competence_record", "competence record", "Competence record", "CR-", "Competence records",
                        "competence-records", "competence-record", "7.2"});
  k.check = dates_in_order("achieved_on", "expires_on", "the competence cannot expire before it was achieved");
  k.fields = {
      member_field("person", "Person", "The member of the organization who holds the competence.",
                   {.required = true, .filter = store::FacetSlot::text0}),
      ref_field("competence_id", "Competence", "The competence held.", "competence", true, store::FacetSlot::text1),
      choice_field("acquired_by", "Acquired by", "How the person acquired the competence.",
                   {{"training", "Training"}, {"qualification", "Qualification"}, {"experience", "Experience"},
                    {"assessment", "Assessment"}},
                   store::FacetSlot::text2),
      date_field("achieved_on", "Achieved on", "The day the competence was shown or acquired.", store::FacetSlot::text6, true),
      date_field("expires_on", "Expires on",
                 "The last day the record is valid; empty: the competence's validity from the day achieved, if any.",
                 store::FacetSlot::text7),
      member_field("verified_by", "Verified by", "The member who checked the evidence.", {.column = false}),
      note_field("note", "Note", "The course, certificate or work that shows the competence.")};
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_record_kind() { return records::built_once<competence_record_spec>(); }

}  // namespace aims::people
