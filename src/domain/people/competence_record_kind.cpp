#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

records::KindSpec make() {
  auto k = records::named_kind("competence_record", "competence record", "Competence record", "CR-");
  k.plural = "Competence records";
  k.path = "competence-records";
  k.cli = "competence-record";
  k.clause = "7.2";
  k.check = dates_in_order("achieved_on", "expires_on", "the competence cannot expire before it was achieved");
  auto person = person_field("person", "Person", "The member of the organization who holds the competence.", true);
  person.filter = FacetSlot::text0;
  auto competence = competence_ref_field("The competence held.", FacetSlot::text1);
  FieldSpec how{"acquired_by", "Acquired by", "How the person acquired the competence.", FieldType::enumeration, true};
  how.values = {{"training", "Training"}, {"qualification", "Qualification"}, {"experience", "Experience"},
                {"assessment", "Assessment"}};
  how.column = true;
  how.filter = FacetSlot::text2;
  FieldSpec achieved{"achieved_on", "Achieved on", "The day the competence was shown or acquired.", FieldType::date, true};
  achieved.column = true;
  achieved.sort = FacetSlot::text6;
  FieldSpec expires{"expires_on", "Expires on",
                    "The last day the record is valid; empty: the competence's validity from the day achieved, if any.",
                    FieldType::date};
  expires.column = true;
  expires.sort = FacetSlot::text7;
  auto verified = person_field("verified_by", "Verified by", "The member who checked the evidence.", false);
  verified.column = false;
  auto note = note_field("The course, certificate or work that shows the competence.");
  k.fields = {person, competence, how, achieved, expires, verified, note};
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_record_kind() { return records::built_once<make>(); }

}  // namespace aims::people
