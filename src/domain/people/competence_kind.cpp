#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

KindSpec competence_spec() {
  auto k = worded_kind({"competence", "competence", "Competence", "COMP-", "Competences", "competences", "competence", "7.2"});
  FieldSpec validity{"validity_months", "Valid for (months)",
                     "How long a record of the competence stays valid; empty when it does not expire.", FieldType::integer};
  validity.min = 1;
  validity.max = 120;
  validity.column = true;
  validity.sort = store::FacetSlot::number;
  FieldSpec art4{"ai_act_art4", "EU AI Act Art. 4", "Whether the competence serves AI literacy under EU AI Act Art. 4.",
                 FieldType::boolean};
  art4.default_value = false;
  art4.column = true;
  art4.filter = store::FacetSlot::text1;
  k.fields = {name_field("name", "Name", "The competence in a few words."),
              long_field("description", "Description", "What a person with this competence knows or can do."),
              choice_field("category", "Category", "The area the competence belongs to.",
                           {{"ai_literacy", "AI literacy"}, {"technical", "Technical"}, {"legal", "Legal"},
                            {"ethics", "Ethics"}, {"domain", "Domain"}},
                           store::FacetSlot::text0),
              validity,
              art4};
  k.demo = {
      R"({"name":"AI literacy basics","description":"Knows what the organization's AI systems do, their limits and when to ask for a human decision.","category":"ai_literacy","validity_months":12,"ai_act_art4":true})",
      R"({"name":"AI risk assessment","description":"Can identify, analyse and evaluate risks of an AI system with the organization's criteria.","category":"technical","validity_months":24})",
      R"({"name":"EU AI Act obligations","description":"Knows the obligations of providers and deployers and how they apply to our systems.","category":"legal","validity_months":24,"ai_act_art4":true})",
      R"({"name":"Human oversight of AI decisions","description":"Can review, override and escalate the outputs of an AI system in operation.","category":"ai_literacy","validity_months":12,"ai_act_art4":true})",
      R"({"name":"Data governance for AI","description":"Can judge the quality, provenance and lawful use of data for training and operation.","category":"technical"})",
      R"({"name":"Management system auditing","description":"Can plan and perform an internal audit of the AI management system.","category":"domain","validity_months":36})",
      R"({"name":"AI ethics and fairness","description":"Can recognise unfair treatment by an AI system and knows the organization's commitments.","category":"ethics"})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_kind() { return records::built_once<competence_spec>(); }

}  // namespace aims::people
