#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

KindSpec role_assignment_spec() {
  auto k = worded_kind({"role_assignment", "role assignment", "Role assignment", "RA-", "Role assignments", "role-assignments",
                        "role-assignment", "5.3"});
  k.check = dates_in_order("from", "until", "the assignment cannot end before it starts");
  k.fields = {member_field("person", "Person", "The member of the organization who holds the role.",
                           {.required = true, .filter = store::FacetSlot::text0}),
              ref_field("role_id", "AIMS role", "The role held.", "aims_role", true, store::FacetSlot::text1),
              refs_field("system_ids", "AI systems", "The AI systems the role is held for; none for all.", "system"),
              date_field("from", "From", "The first day the person holds the role.", store::FacetSlot::text6),
              date_field("until", "Until", "The last day the person holds the role; empty while it lasts.", store::FacetSlot::text7),
              note_field("note", "Note", "Anything to know about the assignment.")};
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& role_assignment_kind() { return records::built_once<role_assignment_spec>(); }

}  // namespace aims::people
