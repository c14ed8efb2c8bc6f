#include "domain/people/competence_action_kind.hpp"

#include "domain/people/kinds.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

records::KindSpec make() {
  auto k = records::named_kind("competence_action", "competence action", "Competence action", "CA-");
  k.plural = "Competence actions";
  k.path = "competence-actions";
  k.cli = "competence-action";
  k.clause = "7.2";
  auto person = person_field("person", "Person", "The member of the organization who needs the competence.", true);
  person.filter = kActionPersonSlot;
  auto competence = competence_ref_field("The competence the action gives.", FacetSlot::text1);
  FieldSpec type{"action_type", "Action", "What is done to close the gap.", FieldType::enumeration, true};
  type.values = {{"training", "Training"}, {"mentoring", "Mentoring"}, {"hiring", "Hiring"},
                 {"reassignment", "Reassignment"}, {"other", "Other"}};
  type.column = true;
  type.filter = FacetSlot::text2;
  FieldSpec due{"due_date", "Due", "When the action is to be done.", FieldType::date};
  due.column = true;
  due.sort = FacetSlot::text6;
  FieldSpec status{"status", "Status", "Where the action stands.", FieldType::enumeration, true};
  status.values = {{"open", "Open"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}};
  status.default_value = "open";
  status.column = true;
  status.filter = kActionStatusSlot;
  FieldSpec closes{"closes_gap", "Closes the gap", "Whether the action, once done, closes the person's gap.",
                   FieldType::boolean, true};
  closes.default_value = true;
  closes.filter = kActionClosesGapSlot;
  auto note = note_field("The course, mentor, vacancy or change of role.");
  k.fields = {person, competence, type, due, status, closes, note};
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_action_kind() { return records::built_once<make>(); }

}  // namespace aims::people
