#include "domain/communication/communication_kind.hpp"

#include "domain/communication/communication_plan_kind.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::communication {
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

records::KindSpec make() {
  auto k = records::named_kind("communication", "communication", "Communication", "COM-");
  k.plural = "Communication log";
  k.path = "communications";
  k.cli = "communication";
  k.clause = "7.4";
  FieldSpec title{"title", "Summary", "What was communicated, in a few words.", FieldType::text, true};
  title.column = true;
  title.sort = FacetSlot::text6;
  title.search = true;
  FieldSpec plan{"plan_entry", "Plan entry", "The entry of the communication plan this communication carries out, if any.",
                 FieldType::ref};
  plan.ref = "communication_plan";
  plan.column = true;
  plan.filter = FacetSlot::text0;
  FieldSpec sent{"sent_on", "Sent on", "The date it was sent or published.", FieldType::date, true};
  sent.column = true;
  sent.sort = FacetSlot::text7;
  FieldSpec audience{"audience", "Audience", "To whom it was communicated.", FieldType::enumeration, true};
  audience.values = audiences();
  audience.column = true;
  audience.filter = FacetSlot::text1;
  FieldSpec details{"details", "Details", "What was said, and anything of note (questions, replies).", FieldType::long_text};
  details.max_length = 4000;
  details.search = true;
  FieldSpec by{"sent_by", "Sent by", "The member who sent it.", FieldType::ref, true};
  by.ref = "user";
  by.column = true;
  by.filter = FacetSlot::text2;
  k.fields = {title, plan, sent, audience, details, by};
  // "@me": the demo organization's admin (filled in by the seeder).
  k.demo = {
      R"({"title":"Q3 AI management report published","plan_entry":"CP-2","sent_on":"2026-10-02","audience":"internal","sent_by":"@me"})",
      R"({"title":"AI use notice added to the chat window","plan_entry":"CP-1","sent_on":"2026-06-12","audience":"users","sent_by":"@me"})",
      R"({"title":"Credit decision explanations sent","plan_entry":"CP-4","sent_on":"2026-11-30","audience":"affected_persons","sent_by":"@me"})",
  };
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& communication_kind() { return records::built_once<make>(); }

}  // namespace aims::communication
