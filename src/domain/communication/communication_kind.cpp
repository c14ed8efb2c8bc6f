#include "domain/communication/communication_kind.hpp"

#include "domain/communication/communication_plan_kind.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::communication {
namespace {
using namespace records;

KindSpec communication_spec() {
  auto k = worded_kind({"communication", "communication", "Communication", "COM-", "Communication log", "communications",
                        "communication", "7.4"});
  k.fields = {
      name_field("title", "Summary", "What was communicated, in a few words."),
      ref_field("plan_entry", "Plan entry", "The entry of the communication plan this communication carries out, if any.",
                "communication_plan", false, store::FacetSlot::text0),
      date_field("sent_on", "Sent on", "The date it was sent or published.", store::FacetSlot::text7, true),
      choice_field("audience", "Audience", "To whom it was communicated.", audiences(), store::FacetSlot::text1),
      long_field("details", "Details", "What was said, and anything of note (questions, replies)."),
      member_field("sent_by", "Sent by", "The member who sent it.", {.required = true, .filter = store::FacetSlot::text2})};
  // "@me": the demo organization's admin (filled in by the seeder).
  k.demo = {
      R"({"title":"Q3 AI management report published","plan_entry":"CP-2","sent_on":"2026-10-02","audience":"internal","sent_by":"@me"})",
      R"({"title":"AI use notice added to the chat window","plan_entry":"CP-1","sent_on":"2026-06-12","audience":"users","sent_by":"@me"})",
      R"({"title":"Credit decision explanations sent","plan_entry":"CP-4","sent_on":"2026-11-30","audience":"affected_persons","sent_by":"@me"})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& communication_kind() { return records::built_once<communication_spec>(); }

}  // namespace aims::communication
