#include "domain/raci/raci_activity_kind.hpp"

#include "domain/common/input.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::raci {
namespace json = boost::json;
using store::FacetSlot;

namespace {

std::vector<std::string> ids(const json::object& doc, std::string_view key) {
  auto p = doc.if_contains(key);
  return p && p->is_array() ? input::from_array(*p) : std::vector<std::string>{};
}

/// Exactly one of process and AI system; at least one Responsible; exactly one Accountable.
void check(const json::object& doc, std::vector<FieldError>& errors) {
  bool process = !records::doc_text(&doc, "process").empty();
  bool system = !records::doc_text(&doc, "system_id").empty();
  if (process && system)
    errors.push_back({"system_id", 0, "an activity belongs to an AIMS process or to an AI system, not both; clear one of them"});
  if (!process && !system) errors.push_back({"process", 0, "give the AIMS process or the AI system the activity belongs to"});
  if (ids(doc, "responsible").empty()) errors.push_back({"responsible", 0, "needs at least one responsible member"});
  auto accountable = ids(doc, "accountable");
  if (accountable.size() != 1)
    errors.push_back({"accountable", 0, "needs exactly one accountable member (" + std::to_string(accountable.size()) + " given)"});
}

/// warnings: one per member who is both Responsible (doer) and Accountable (approver).
void derive(const json::object& doc, json::object& view) {
  json::array warnings;
  auto accountable = ids(doc, "accountable");
  for (const auto& r : ids(doc, "responsible"))
    for (const auto& a : accountable)
      if (r == a)
        warnings.push_back(json::object{{"code", "responsible_is_accountable"},
                                        {"user_id", r},
                                        {"message", "The same member is Responsible (does the work) and Accountable (approves it): no one checks the work."}});
  view["warnings"] = std::move(warnings);
}

records::KindSpec raci_activity_spec() {
  auto k = records::worded_kind({"raci_activity", "RACI activity", "RACI activity", "RA-", "RACI activities", "raci-activities",
                                 "raci-activity", "5.3"});
  k.check = check;
  k.derive = derive;
  auto process = records::choice_field("process", "AIMS process", "The AIMS process the activity belongs to (or give an AI system).",
                                       raci_processes(), FacetSlot::text0);
  process.required = false;
  process.sort = FacetSlot::number;
  auto members = [](std::string name, std::string label, std::string help, bool required) {
    return records::member_field(std::move(name), std::move(label), std::move(help), {.required = required, .many = 20});
  };
  k.fields = {records::name_field("title", "Activity", "The activity in a few words, e.g. \"Approve risk treatment plans\"."),
              process,
              records::ref_field("system_id", "AI system", "The AI system the activity belongs to (or give an AIMS process).",
                                 "system", false, FacetSlot::text1),
              records::long_field("description", "Description", "What the activity involves.", false, 2000),
              members("responsible", "Responsible", "Who does the work (at least one member).", true),
              members("accountable", "Accountable", "The one member who answers for the result and approves it.", true),
              members("consulted", "Consulted", "Whose views are sought before the work is done.", false),
              members("informed", "Informed", "Who is told of the result.", false)};
  // The demo's member ids are filled in by the seeder ("@me": the demo organization's admin).
  k.demo = {
      R"({"title":"Identify and analyse AI risks","process":"risk_management","responsible":["@me"],"accountable":["@me"],"informed":["@me"]})",
      R"({"title":"Approve risk treatment plans","process":"risk_management","responsible":["@me"],"accountable":["@me"],"consulted":["@me"]})",
      R"({"title":"Monitor the model's drift and accuracy","system_id":"Credit scoring model","responsible":["@me"],"accountable":["@me"]})",
  };
  return records::field_kind(std::move(k));
}

}  // namespace

std::vector<records::EnumValue> raci_processes() {
  return {{"risk_management", "AI risk management"}, {"impact_assessment", "AI system impact assessment"},
          {"internal_audit", "Internal audit"}, {"incident_handling", "Incident handling"},
          {"change_management", "Change management"}, {"data_management", "Data management"},
          {"model_development", "Model development"}, {"verification_validation", "Verification and validation"},
          {"deployment", "Deployment and operation"}, {"monitoring", "Monitoring and measurement"},
          {"supplier_management", "Supplier management"}, {"management_review", "Management review"},
          {"document_control", "Document control"}, {"competence_awareness", "Competence and awareness"},
          {"communication", "Communication"}, {"corrective_action", "Nonconformity and corrective action"}};
}

const records::KindSpec& raci_activity_kind() { return records::built_once<raci_activity_spec>(); }

}  // namespace aims::raci
