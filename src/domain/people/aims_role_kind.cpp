#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

KindSpec aims_role_spec() {
  auto k = worded_kind({"aims_role", "AIMS role", "AIMS role", "ROLE-", "AIMS roles", "aims-roles", "aims-role", "5.3"});
  k.fields = {name_field("name", "Name", "The role in a few words."),
              long_field("purpose", "Purpose", "Why the role exists in the AI management system."),
              long_field("responsibilities", "Responsibilities", "What the person in the role takes care of."),
              long_field("authorities", "Authorities", "What the person in the role may decide or stop."),
              refs_field("competence_ids", "Required competences", "The competences a person in this role needs.", "competence")};
  // The competences are those of competence_kind()'s demo, numbered in its order (COMP-1 …).
  k.demo = {
      R"({"name":"Top management","purpose":"Sets the direction of the responsible use of AI and provides the resources.","responsibilities":"Approves the AI policy and objectives, reviews the management system, assigns roles.","authorities":"Decides on resources, risk acceptance above the agreed level and stopping AI systems.","competence_ids":["COMP-1","COMP-3"]})",
      R"({"name":"AIMS owner","purpose":"Runs the AI management system day to day.","responsibilities":"Keeps the scope, policy, risk process, records and reports to top management.","authorities":"Requests information from every AI system owner; schedules audits and reviews.","competence_ids":["COMP-1","COMP-2","COMP-3","COMP-6"]})",
      R"({"name":"AI system owner","purpose":"Answers for one or more AI systems across their life cycle.","responsibilities":"Keeps the system's records, risks, impact assessments and monitoring up to date.","authorities":"Decides on releases and changes of the system within the accepted risks.","competence_ids":["COMP-1","COMP-2","COMP-5"]})",
      R"({"name":"Human-oversight assignee","purpose":"Watches an AI system in operation and can intervene.","responsibilities":"Reviews outputs, handles escalations and reports incidents.","authorities":"Overrides or suspends the system's outputs.","competence_ids":["COMP-1","COMP-4","COMP-7"]})",
      R"({"name":"Internal auditor","purpose":"Checks independently that the management system works as planned.","responsibilities":"Plans and performs internal audits and reports findings.","authorities":"Access to every record and person needed for an audit.","competence_ids":["COMP-1","COMP-6"]})",
      R"({"name":"Data steward","purpose":"Looks after the data used by AI systems.","responsibilities":"Keeps data sources documented, checks quality, provenance and permissions.","authorities":"Blocks the use of data that does not meet the rules.","competence_ids":["COMP-1","COMP-5"]})",
      R"({"name":"AI risk owner","purpose":"Answers for the treatment of AI risks.","responsibilities":"Assesses and treats the risks assigned, and follows up on their controls.","authorities":"Accepts residual risks within the agreed level.","competence_ids":["COMP-1","COMP-2","COMP-7"]})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& aims_role_kind() { return records::built_once<aims_role_spec>(); }

}  // namespace aims::people
