#include "domain/context/interested_party_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::context {
namespace {
using namespace records;

/// The kinds of party, in the order the form offers them.
std::vector<EnumValue> party_types() {
  return {{"regulator", "Regulator or authority"}, {"customer", "Customer"}, {"affected_persons", "Affected persons"},
          {"end_users", "End users"}, {"workers", "Workers and their representatives"}, {"supplier", "Supplier or partner"},
          {"investor", "Investor or owner"}, {"civil_society", "Civil society"}, {"other", "Other"}};
}

KindSpec interested_party_spec() {
  auto k = worded_kind({"interested_party", "interested party", "Interested party", "IP-", "Interested parties",
                        "interested-parties", "interested-party", "4.2"});
  auto influence = scale_field("influence", "Influence", "How strongly the party can affect the AI management system.",
                               store::FacetSlot::text2);
  influence.column = true;
  influence.sort = store::FacetSlot::number;
  FieldSpec climate{"climate_relevant", "Relevant to climate", "Whether the party has requirements related to climate change.",
                    FieldType::boolean};
  climate.default_value = false;
  climate.filter = store::FacetSlot::text5;
  k.fields = {name_field("name", "Name", "The party: a person, group or body."),
              choice_field("party_type", "Type", "What kind of party it is.", party_types(), store::FacetSlot::text0),
              origin_field("Internal or external", "Whether the party is part of the organization."),
              influence,
              scale_field("interest", "Interest", "How strongly the party is affected by or cares about the organization's AI.",
                          store::FacetSlot::text3),
              long_field("needs", "Needs and expectations", "What the party needs and expects regarding the organization's AI."),
              note_field("contact", "Contact", "How the party is reached: a person, office or channel.", 200),
              member_field("owner_id", "Owner", "The member who keeps the relationship with the party.",
                           {.filter = store::FacetSlot::text4}),
              refs_field("system_ids", "AI systems", "The AI systems the party is concerned with; none for all of them.", "system"),
              review_field("When the party and its needs are looked at again."),
              climate};
  k.demo = {
      R"({"name":"Loan applicants","party_type":"affected_persons","origin":"external","influence":"medium","interest":"high","needs":"To be scored fairly, to be told when a machine took part in the decision, and to have a person look at a refusal on request.","contact":"Customer complaints office","system_ids":["Credit scoring model"],"review_date":"2027-03-31"})",
      R"({"name":"Job applicants","party_type":"affected_persons","origin":"external","influence":"low","interest":"high","needs":"Equal treatment whatever their background, and an explanation of why an application did not go further.","contact":"Recruitment team","system_ids":["CV screening assistant"],"review_date":"2027-03-31"})",
      R"({"name":"Market surveillance authority","party_type":"regulator","origin":"external","influence":"high","interest":"medium","needs":"Registration and technical documentation of high-risk systems, serious incidents reported on time, and answers to information requests.","contact":"Regulatory affairs","system_ids":["Credit scoring model","CV screening assistant"],"review_date":"2027-01-31"})",
      R"({"name":"Data protection authority","party_type":"regulator","origin":"external","influence":"high","interest":"medium","needs":"A lawful basis for every use of personal data, impact assessments for risky processing, and a way for people to contest automated decisions.","contact":"Data protection officer","review_date":"2027-01-31"})",
      R"({"name":"Financial supervisor","party_type":"regulator","origin":"external","influence":"high","interest":"medium","needs":"Sound model risk management for credit decisions, with validation and records an inspector can follow.","contact":"Chief Risk Officer","system_ids":["Credit scoring model"]})",
      R"({"name":"Retail customers","party_type":"customer","origin":"external","influence":"medium","interest":"medium","needs":"Quick, correct answers, honesty about talking to a chatbot and an easy way to reach a person.","contact":"Head of Digital Channels","system_ids":["Customer service chatbot"]})",
      R"({"name":"Corporate client with an AI clause in its contract","party_type":"customer","origin":"external","influence":"high","interest":"high","needs":"Notice before AI is used on its data, no training on its data without consent, and a yearly report on the controls.","contact":"Key account manager","review_date":"2027-06-30","climate_relevant":true})",
      R"({"name":"Works council","party_type":"workers","origin":"internal","influence":"high","interest":"high","needs":"To be consulted before AI tools that monitor or assess staff are introduced, and training for those who work with them.","contact":"Chair of the works council","review_date":"2027-02-28"})",
      R"({"name":"Staff using AI assistants","party_type":"end_users","origin":"internal","influence":"medium","interest":"high","needs":"Clear rules on what they may use AI for, training, and someone to ask when an output looks wrong.","contact":"AI governance office"})",
      R"({"name":"Cloud model provider","party_type":"supplier","origin":"external","influence":"medium","interest":"medium","needs":"Use of its models within the acceptable-use terms, and incident reports through the agreed channel.","contact":"Vendor management","system_ids":["Customer service chatbot"],"climate_relevant":true})",
      R"({"name":"Shareholders","party_type":"investor","origin":"external","influence":"high","interest":"medium","needs":"AI that adds value without surprises: no fines, no scandals, and reporting on sustainability including energy use.","contact":"Investor relations","climate_relevant":true})",
      R"({"name":"Consumer association","party_type":"civil_society","origin":"external","influence":"low","interest":"high","needs":"Fair, explainable credit decisions and published figures on complaints about automated decisions.","contact":"Public affairs"})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& interested_party_kind() { return records::built_once<interested_party_spec>(); }

}  // namespace aims::context
