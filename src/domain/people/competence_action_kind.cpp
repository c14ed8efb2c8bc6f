#include "domain/people/competence_action_kind.hpp"

#include "domain/people/kinds.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

KindSpec competence_action_spec() {
  auto k = worded_kind({"competence_action", "competence action", "Competence action", "CA-", "Competence actions",
                        "competence-actions", "competence-action", "7.2"});
  FieldSpec closes{"closes_gap", "Closes the gap", "Whether the action, once done, closes the person's gap.",
                   FieldType::boolean, true};
  closes.default_value = true;
  closes.filter = kActionClosesGapSlot;
  k.fields = {
      member_field("person", "Person", "The member of the organization who needs the competence.",
                   {.required = true, .filter = kActionPersonSlot}),
      ref_field("competence_id", "Competence", "The competence the action gives.", "competence", true,
                store::FacetSlot::text1),
      choice_field("action_type", "Action", "What is done to close the gap.",
                   {{"training", "Training"}, {"mentoring", "Mentoring"}, {"hiring", "Hiring"},
                    {"reassignment", "Reassignment"}, {"other", "Other"}},
                   store::FacetSlot::text2),
      date_field("due_date", "Due", "When the action is to be done.", store::FacetSlot::text6),
      choice_field("status", "Status", "Where the action stands.",
                   {{"open", "Open"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}},
                   kActionStatusSlot, "open"),
      closes,
      note_field("note", "Note", "The course, mentor, vacancy or change of role.")};
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_action_kind() { return records::built_once<competence_action_spec>(); }

}  // namespace aims::people
