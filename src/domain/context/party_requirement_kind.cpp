#include "domain/context/party_requirement_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::context {
namespace {
using namespace records;

/// A requirement not adopted says why (and only then); one addressed wholly or partly says how.
void check_party_requirement(const boost::json::object& doc, std::vector<FieldError>& errors) {
  const auto* adopted = doc.if_contains("adopted");
  bool is_adopted = !adopted || !adopted->is_bool() || adopted->as_bool();
  bool has_reason = !doc_text(&doc, "not_adopted_reason").empty();
  if (!is_adopted && !has_reason)
    errors.push_back({"not_adopted_reason", 0, "say why the requirement is not adopted as a requirement of the AI management system"});
  if (is_adopted && has_reason)
    errors.push_back({"not_adopted_reason", 0, "an adopted requirement has no reason for not adopting it; clear the reason"});
  auto addressed = doc_text(&doc, "addressed");
  if ((addressed == "yes" || addressed == "partly") && doc_text(&doc, "how_addressed").empty())
    errors.push_back({"how_addressed", 0, "say how the requirement is addressed"});
}

KindSpec party_requirement_spec() {
  auto k = worded_kind({"party_requirement", "requirement", "Requirement", "REQ-", "Requirements of interested parties",
                        "party-requirements", "party-requirement", "4.2"});
  k.check = check_party_requirement;
  FieldSpec adopted{"adopted", "Adopted", "Whether the organization adopts it as a requirement of the AI management system.",
                    FieldType::boolean};
  adopted.default_value = true;
  adopted.column = true;
  adopted.filter = store::FacetSlot::text1;
  auto reason = long_field("not_adopted_reason", "Why not adopted", "Why the requirement is not adopted (only when it is not).",
                           false, 2000);
  reason.search = false;
  auto addressed = choice_field("addressed", "Addressed", "Whether what the organization does meets the requirement.",
                                {{"yes", "Yes"}, {"partly", "Partly"}, {"no", "No"}}, store::FacetSlot::text2, "no");
  addressed.sort = store::FacetSlot::number;
  k.fields = {
      name_field("requirement", "Requirement", "What the party requires or expects, in a sentence.", 300),
      ref_field("party_id", "Interested party", "The party the requirement comes from.", "interested_party", true,
                store::FacetSlot::text0),
      adopted,
      reason,
      addressed,
      long_field("how_addressed", "How it is addressed", "What the organization does about it (required unless not addressed)."),
      refs_field("legal_requirement_ids", "Legal requirements", "The legal and contractual requirements that carry it.",
                 "legal_requirement"),
      refs_field("risk_ids", "Risks", "The risks that address it.", "risk"),
      refs_field("control_ids", "Annex A controls", "The ISO/IEC 42001 Annex A controls that address it.", "control"),
      note_field("documents", "Documents", "The documents that address it, by name.")};
  k.demo = {
      R"({"requirement":"A person reviews a refused loan application on request","party_id":"IP-1","addressed":"yes","how_addressed":"Credit officers review every refusal the applicant contests, within five working days.","legal_requirement_ids":["LR-1"],"control_ids":["A.9.2"],"documents":"Credit decision procedure"})",
      R"({"requirement":"Applicants are told that AI took part in the decision","party_id":"IP-1","addressed":"partly","how_addressed":"The refusal letter says so; the online form does not yet.","legal_requirement_ids":["LR-1"],"control_ids":["A.8.2"]})",
      R"({"requirement":"No unequal treatment of job applicants","party_id":"IP-2","addressed":"partly","how_addressed":"Yearly bias tests of the CV screening assistant; tests before each release are planned.","legal_requirement_ids":["LR-5"],"control_ids":["A.5.4","A.6.2.4"]})",
      R"({"requirement":"Technical documentation of high-risk systems on request","party_id":"IP-3","addressed":"partly","how_addressed":"Documentation exists for the credit model; the CV screening assistant's is being written.","control_ids":["A.6.2.7"]})",
      R"({"requirement":"Serious incidents reported on time","party_id":"IP-3","addressed":"no","control_ids":["A.8.4"]})",
      R"({"requirement":"Impact assessment before risky processing of personal data","party_id":"IP-4","addressed":"yes","how_addressed":"Impact assessments of the credit and CV systems include the data protection assessment.","legal_requirement_ids":["LR-2"],"control_ids":["A.5.2"]})",
      R"({"requirement":"Validated credit models an inspector can follow","party_id":"IP-5","addressed":"yes","how_addressed":"Independent validation each year, with the report kept as evidence.","legal_requirement_ids":["LR-4"],"control_ids":["A.6.2.4"]})",
      R"({"requirement":"Customers can reach a person instead of the chatbot","party_id":"IP-6","addressed":"yes","how_addressed":"The chatbot offers a hand-over to an agent in every answer.","control_ids":["A.9.4"]})",
      R"({"requirement":"Notice before AI processes the client's data","party_id":"IP-7","addressed":"partly","how_addressed":"A notice template exists; the yearly controls report is not yet set up.","legal_requirement_ids":["LR-3"],"control_ids":["A.10.4"],"documents":"Client notice template"})",
      R"({"requirement":"Figures on the energy use of AI services","party_id":"IP-7","adopted":false,"not_adopted_reason":"Our hosting provider does not give figures per service yet; we report the data centre's figures instead.","addressed":"no"})",
      R"({"requirement":"Consultation before AI tools that assess staff","party_id":"IP-8","addressed":"yes","how_addressed":"The works agreement requires it; no such tool is planned.","legal_requirement_ids":["LR-6"],"control_ids":["A.3.2"]})",
      R"({"requirement":"Clear rules on what staff may use AI assistants for","party_id":"IP-9","addressed":"yes","how_addressed":"The AI policy and its guidance for staff, with a short course.","control_ids":["A.2.2","A.9.2"],"documents":"AI policy; guidance for staff"})",
      R"({"requirement":"Published figures on complaints about automated decisions","party_id":"IP-12","adopted":false,"not_adopted_reason":"The figures are given to the supervisor; publishing them is not planned.","addressed":"no"})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& party_requirement_kind() { return records::built_once<party_requirement_spec>(); }

}  // namespace aims::context
