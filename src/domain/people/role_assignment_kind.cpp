#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

records::KindSpec make() {
  auto k = records::named_kind("role_assignment", "role assignment", "Role assignment", "RA-");
  k.plural = "Role assignments";
  k.path = "role-assignments";
  k.cli = "role-assignment";
  k.clause = "5.3";
  k.check = dates_in_order("from", "until", "the assignment cannot end before it starts");
  auto person = person_field("person", "Person", "The member of the organization who holds the role.", true);
  person.filter = FacetSlot::text0;
  FieldSpec role{"role_id", "AIMS role", "The role held.", FieldType::ref, true};
  role.ref = "aims_role";
  role.column = true;
  role.filter = FacetSlot::text1;
  FieldSpec systems{"system_ids", "AI systems", "The AI systems the role is held for; none for all.", FieldType::refs};
  systems.ref = "system";
  systems.max_items = 50;
  FieldSpec from{"from", "From", "The first day the person holds the role.", FieldType::date};
  from.column = true;
  from.sort = FacetSlot::text6;
  FieldSpec until{"until", "Until", "The last day the person holds the role; empty while it lasts.", FieldType::date};
  until.column = true;
  until.sort = FacetSlot::text7;
  FieldSpec note{"note", "Note", "Anything to know about the assignment.", FieldType::text};
  note.max_length = 500;
  note.search = true;
  k.fields = {person, role, systems, from, until, note};
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& role_assignment_kind() { return records::built_once<make>(); }

}  // namespace aims::people
