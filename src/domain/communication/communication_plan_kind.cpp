#include "domain/communication/communication_plan_kind.hpp"

#include "domain/catalog/catalog.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::communication {
namespace {
using namespace records;

/// The controls of area A.8 of the embedded catalog (information for interested parties).
std::vector<EnumValue> a8_controls() {
  std::vector<EnumValue> out;
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();  // built once, with the kind
  if (const auto* fw = cat.framework("iso42001"))
    for (const auto* item : cat.select(*fw, catalog::ItemFilter{std::string("control"), std::string("A.8")}))
      out.push_back({item->id, item->id + " " + item->title});
  return out;
}

KindSpec communication_plan_spec() {
  auto k = worded_kind({"communication_plan", "communication plan entry", "Communication plan entry", "CP-",
                        "Communication plan", "communication-plan", "communication-plan", "7.4"});
  auto schedule = choice_field("schedule", "When",
                               "On an event, or on a schedule (a scheduled entry is overdue with nothing sent in its period).",
                               {{"event_driven", "Event-driven"}, {"monthly", "Monthly"}, {"quarterly", "Quarterly"},
                                {"annually", "Annually"}, {"once", "Once"}},
                               store::FacetSlot::text1);
  schedule.sort = store::FacetSlot::number;
  auto due = date_field("due_on", "First due on",
                        "When a scheduled communication is first due (a planned one without it: one period after it was planned).",
                        store::FacetSlot::text7);
  due.column = false;
  k.fields = {
      name_field("title", "Topic", "What is communicated."),
      choice_field("audience", "Audience", "To whom it is communicated.", audiences(), store::FacetSlot::text0),
      schedule,
      due,
      note_field("channel", "Channel", "How it is communicated, e.g. intranet, e-mail, website, letter.", 200),
      member_field("owner", "Owner", "The member who sees that it is communicated.",
                   {.required = true, .filter = store::FacetSlot::text2}),
      choice_field("control", "A.8 control", "The Annex A control of area A.8 the communication serves.", a8_controls(),
                   store::FacetSlot::text3),
      refs_field("system_ids", "AI systems", "The AI systems concerned; none for the whole organization.", "system")};
  k.demo = {
      R"({"title":"AI use notice for customers of the chatbot","audience":"users","schedule":"event_driven","channel":"Chat window and website","owner":"@me","control":"A.8.2","system_ids":["Customer service chatbot"]})",
      R"({"title":"Quarterly AI management report to staff","audience":"internal","schedule":"quarterly","channel":"Intranet","owner":"@me","control":"A.8.5"})",
      R"({"title":"Serious incident notice to the supervisory authority","audience":"authority","schedule":"event_driven","channel":"Authority reporting portal","owner":"@me","control":"A.8.4"})",
      R"({"title":"Explanation of credit decisions for applicants","audience":"affected_persons","schedule":"monthly","channel":"Letter and customer portal","owner":"@me","control":"A.8.2","system_ids":["Credit scoring model"]})",
      R"({"title":"How to report adverse impacts of our AI systems","audience":"external","schedule":"annually","channel":"Website","owner":"@me","control":"A.8.3"})",
      R"({"title":"Launch notice of the CV screening assistant","audience":"affected_persons","schedule":"once","due_on":"2026-01-15","channel":"Careers page","owner":"@me","control":"A.8.2","system_ids":["CV screening assistant"]})",
  };
  return field_kind(std::move(k));
}

}  // namespace

std::vector<records::EnumValue> audiences() {
  return {{"internal", "Internal"}, {"external", "External"}, {"authority", "Authority"},
          {"affected_persons", "Affected persons"}, {"users", "Users"}};
}

const records::KindSpec& communication_plan_kind() { return records::built_once<communication_plan_spec>(); }

}  // namespace aims::communication
