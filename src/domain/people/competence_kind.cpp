#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

records::KindSpec make() {
  auto k = records::named_kind("competence", "competence", "Competence", "COMP-");
  k.plural = "Competences";
  k.path = "competences";
  k.cli = "competence";
  k.clause = "7.2";
  auto name = name_field("The competence in a few words.", FacetSlot::text6);
  FieldSpec description{"description", "Description", "What a person with this competence knows or can do.",
                        FieldType::long_text};
  description.max_length = 4000;
  description.search = true;
  FieldSpec category{"category", "Category", "The area the competence belongs to.", FieldType::enumeration, true};
  category.values = {{"ai_literacy", "AI literacy"}, {"technical", "Technical"}, {"legal", "Legal"},
                     {"ethics", "Ethics"},           {"domain", "Domain"}};
  category.column = true;
  category.filter = FacetSlot::text0;
  FieldSpec validity{"validity_months", "Valid for (months)",
                     "How long a record of the competence stays valid; empty when it does not expire.", FieldType::integer};
  validity.min = 1;
  validity.max = 120;
  validity.column = true;
  validity.sort = FacetSlot::number;
  FieldSpec art4{"ai_act_art4", "EU AI Act Art. 4", "Whether the competence serves AI literacy under EU AI Act Art. 4.",
                 FieldType::boolean};
  art4.default_value = false;
  art4.column = true;
  art4.filter = FacetSlot::text1;
  k.fields = {name, description, category, validity, art4};
  k.demo = {
      R"({"name":"AI literacy basics","description":"Knows what the organization's AI systems do, their limits and when to ask for a human decision.","category":"ai_literacy","validity_months":12,"ai_act_art4":true})",
      R"({"name":"AI risk assessment","description":"Can identify, analyse and evaluate risks of an AI system with the organization's criteria.","category":"technical","validity_months":24})",
      R"({"name":"EU AI Act obligations","description":"Knows the obligations of providers and deployers and how they apply to our systems.","category":"legal","validity_months":24,"ai_act_art4":true})",
      R"({"name":"Human oversight of AI decisions","description":"Can review, override and escalate the outputs of an AI system in operation.","category":"ai_literacy","validity_months":12,"ai_act_art4":true})",
      R"({"name":"Data governance for AI","description":"Can judge the quality, provenance and lawful use of data for training and operation.","category":"technical"})",
      R"({"name":"Management system auditing","description":"Can plan and perform an internal audit of the AI management system.","category":"domain","validity_months":36})",
      R"({"name":"AI ethics and fairness","description":"Can recognise unfair treatment by an AI system and knows the organization's commitments.","category":"ethics"})",
  };
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& competence_kind() { return records::built_once<make>(); }

records::FieldSpec name_field(std::string help, FacetSlot slot) {
  FieldSpec f{"name", "Name", std::move(help), FieldType::text, true};
  f.column = true;
  f.sort = slot;
  f.search = true;
  return f;
}

std::function<void(const boost::json::object&, std::vector<FieldError>&)> dates_in_order(std::string first, std::string last,
                                                                                       std::string what) {
  return [first, last, what](const boost::json::object& doc, std::vector<FieldError>& errors) {
    auto a = records::doc_text(&doc, first);
    auto b = records::doc_text(&doc, last);
    if (!a.empty() && !b.empty() && b < a) errors.push_back({last, 0, what + " (" + a + ")"});
  };
}

records::FieldSpec person_field(std::string name, std::string label, std::string help, bool required) {
  FieldSpec f{std::move(name), std::move(label), std::move(help), FieldType::ref, required};
  f.ref = "user";
  f.column = true;
  return f;
}

records::FieldSpec competence_ref_field(std::string help, store::FacetSlot slot) {
  FieldSpec f{"competence_id", "Competence", std::move(help), FieldType::ref, true};
  f.ref = "competence";
  f.column = true;
  f.filter = slot;
  return f;
}

records::FieldSpec note_field(std::string help) {
  FieldSpec f{"note", "Note", std::move(help), FieldType::text};
  f.max_length = 500;
  f.search = true;
  return f;
}

}  // namespace aims::people
