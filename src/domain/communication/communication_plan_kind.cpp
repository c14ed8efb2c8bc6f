#include "domain/communication/communication_plan_kind.hpp"

#include "domain/catalog/catalog.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::communication {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

/// The controls of area A.8 of the embedded catalog (information for interested parties).
std::vector<records::EnumValue> a8_controls() {
  std::vector<records::EnumValue> out;
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();  // built once, with the kind
  if (const auto* fw = cat.framework("iso42001"))
    for (const auto* item : cat.select(*fw, catalog::ItemFilter{std::string("control"), std::string("A.8")}))
      out.push_back({item->id, item->id + " " + item->title});
  return out;
}

records::KindSpec make() {
  auto k = records::named_kind("communication_plan", "communication plan entry", "Communication plan entry", "CP-");
  k.plural = "Communication plan";
  k.path = "communication-plan";
  k.cli = "communication-plan";
  k.clause = "7.4";
  FieldSpec title{"title", "Topic", "What is communicated.", FieldType::text, true};
  title.column = true;
  title.sort = FacetSlot::text6;
  title.search = true;
  FieldSpec audience{"audience", "Audience", "To whom it is communicated.", FieldType::enumeration, true};
  audience.values = audiences();
  audience.column = true;
  audience.filter = FacetSlot::text0;
  FieldSpec schedule{"schedule", "When", "On an event, or on a schedule (a scheduled entry is overdue with nothing sent in its period).",
                     FieldType::enumeration, true};
  schedule.values = {{"event_driven", "Event-driven"}, {"monthly", "Monthly"}, {"quarterly", "Quarterly"},
                     {"annually", "Annually"},         {"once", "Once"}};
  schedule.column = true;
  schedule.filter = FacetSlot::text1;
  schedule.sort = FacetSlot::number;
  FieldSpec due{"due_on", "First due on",
                "When a scheduled communication is first due (a planned one without it: one period after it was planned).",
                FieldType::date};
  due.sort = FacetSlot::text7;
  FieldSpec channel{"channel", "Channel", "How it is communicated, e.g. intranet, e-mail, website, letter.", FieldType::text};
  channel.max_length = 200;
  channel.search = true;
  FieldSpec owner{"owner", "Owner", "The member who sees that it is communicated.", FieldType::ref, true};
  owner.ref = "user";
  owner.column = true;
  owner.filter = FacetSlot::text2;
  FieldSpec control{"control", "A.8 control", "The Annex A control of area A.8 the communication serves.",
                    FieldType::enumeration, true};
  control.values = a8_controls();
  control.column = true;
  control.filter = FacetSlot::text3;
  FieldSpec systems{"system_ids", "AI systems", "The AI systems concerned; none for the whole organization.", FieldType::refs};
  systems.ref = "system";
  systems.max_items = 50;
  k.fields = {title, audience, schedule, due, channel, owner, control, systems};
  k.demo = {
      R"({"title":"AI use notice for customers of the chatbot","audience":"users","schedule":"event_driven","channel":"Chat window and website","owner":"@me","control":"A.8.2","system_ids":["Customer service chatbot"]})",
      R"({"title":"Quarterly AI management report to staff","audience":"internal","schedule":"quarterly","channel":"Intranet","owner":"@me","control":"A.8.5"})",
      R"({"title":"Serious incident notice to the supervisory authority","audience":"authority","schedule":"event_driven","channel":"Authority reporting portal","owner":"@me","control":"A.8.4"})",
      R"({"title":"Explanation of credit decisions for applicants","audience":"affected_persons","schedule":"monthly","channel":"Letter and customer portal","owner":"@me","control":"A.8.2","system_ids":["Credit scoring model"]})",
      R"({"title":"How to report adverse impacts of our AI systems","audience":"external","schedule":"annually","channel":"Website","owner":"@me","control":"A.8.3"})",
      R"({"title":"Launch notice of the CV screening assistant","audience":"affected_persons","schedule":"once","due_on":"2026-01-15","channel":"Careers page","owner":"@me","control":"A.8.2","system_ids":["CV screening assistant"]})",
  };
  return records::field_kind(std::move(k));
}

}  // namespace

std::vector<records::EnumValue> audiences() {
  return {{"internal", "Internal"},
          {"external", "External"},
          {"authority", "Authority"},
          {"affected_persons", "Affected persons"},
          {"users", "Users"}};
}

const records::KindSpec& communication_plan_kind() { return records::built_once<make>(); }

}  // namespace aims::communication
