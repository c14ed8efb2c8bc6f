#include "domain/context/legal_requirement_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::context {
namespace {
using namespace records;

/// A requirement found not to apply says why, so that the decision can be checked later.
void check_legal_requirement(const boost::json::object& doc, std::vector<FieldError>& errors) {
  if (doc_text(&doc, "status") == "not_applicable" && doc_text(&doc, "notes").empty())
    errors.push_back({"notes", 0, "say why the requirement does not apply"});
}

KindSpec legal_requirement_spec() {
  auto k = worded_kind({"legal_requirement", "legal requirement", "Legal requirement", "LR-",
                        "Legal and contractual requirements", "legal-requirements", "legal-requirement", "4.2"});
  k.check = check_legal_requirement;
  auto type = choice_field("source_type", "Source type", "Where the requirement comes from.",
                           {{"law", "Law or regulation"}, {"contract", "Contract"}, {"standard", "Standard"},
                            {"voluntary", "Voluntary commitment"}, {"other", "Other"}},
                           store::FacetSlot::text0);
  auto reference = note_field("reference", "Reference", "The article, section or clause, e.g. Art. 22.", 120);
  reference.column = true;
  auto status = choice_field("status", "Status", "How far the requirement is met.",
                             {{"identified", "Identified"}, {"implementing", "Being implemented"}, {"met", "Met"},
                              {"not_met", "Not met"}, {"not_applicable", "Not applicable"}},
                             store::FacetSlot::text2, "identified");
  status.sort = store::FacetSlot::number;
  k.fields = {
      name_field("source", "Source", "The law, contract, standard or commitment, e.g. GDPR or a customer contract."),
      type,
      reference,
      long_field("requirement", "Requirement", "What the organization has to do, in its own words.", true),
      member_field("owner_id", "Owner", "The member who sees to it that the requirement is met.", {.filter = store::FacetSlot::text1}),
      status,
      review_field("When the requirement and how it is met are looked at again."),
      long_field("notes", "Notes", "How the requirement is met, or why it does not apply."),
      refs_field("control_ids", "Annex A controls", "The ISO/IEC 42001 Annex A controls that help meet it.", "control"),
      refs_field("risk_ids", "Risks", "The risks of not meeting it.", "risk"),
      refs_field("system_ids", "AI systems", "The AI systems it applies to; none for the whole organization.", "system")};
  k.demo = {
      R"({"source":"GDPR","source_type":"law","reference":"Art. 22","requirement":"People may not be subject to a decision based solely on automated processing that significantly affects them, unless an exception applies; then they can obtain human intervention, express their view and contest the decision.","status":"implementing","review_date":"2027-03-31","notes":"Refused loan applications go to a credit officer before the answer is sent.","control_ids":["A.9.2","A.8.2"],"system_ids":["Credit scoring model","CV screening assistant"]})",
      R"({"source":"GDPR","source_type":"law","reference":"Art. 35","requirement":"Carry out a data protection impact assessment before processing that is likely to result in a high risk to people, such as scoring or large-scale profiling.","status":"met","review_date":"2027-06-30","notes":"Impact assessments of the credit and CV systems include the data protection assessment.","control_ids":["A.5.2","A.5.4"],"system_ids":["Credit scoring model","CV screening assistant"]})",
      R"({"source":"Customer contract 2025-14","source_type":"contract","reference":"Clause 9.3","requirement":"Tell the client before AI processes its data, never train models on its data without written consent, and report yearly on the AI controls in place.","status":"implementing","review_date":"2027-01-31","control_ids":["A.10.4","A.8.5"]})",
      R"({"source":"Consumer credit rules","source_type":"law","reference":"Creditworthiness assessment","requirement":"Assess creditworthiness on relevant, accurate information and keep the assessment explainable to the applicant and the supervisor.","status":"met","notes":"Model validation report and reason codes on each decision.","control_ids":["A.6.2.4","A.7.4"],"system_ids":["Credit scoring model"]})",
      R"({"source":"Code of conduct","source_type":"voluntary","reference":"Section 4, fair treatment","requirement":"Every AI system that affects people is tested for unequal outcomes between groups before release and yearly after.","status":"identified","review_date":"2027-02-28","control_ids":["A.5.5","A.6.2.4"]})",
      R"({"source":"Works agreement on digital tools","source_type":"contract","reference":"Section 6","requirement":"Consult the works council before introducing AI tools that assess or monitor staff.","status":"not_applicable","notes":"No AI system of ours assesses or monitors staff; looked at again when one is planned.","control_ids":["A.3.2"]})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& legal_requirement_kind() { return records::built_once<legal_requirement_spec>(); }

}  // namespace aims::context
