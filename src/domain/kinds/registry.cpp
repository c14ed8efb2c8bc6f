#include "domain/kinds/registry.hpp"

#include "domain/certification/certification_kinds.hpp"
#include "domain/audits/audit_kinds.hpp"
#include "domain/communication/communication_kind.hpp"
#include "domain/communication/communication_plan_kind.hpp"
#include "domain/context/climate_determination_kind.hpp"
#include "domain/context/context_issue_kind.hpp"
#include "domain/context/interested_party_kind.hpp"
#include "domain/context/legal_requirement_kind.hpp"
#include "domain/context/party_requirement_kind.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/euact/obligation_kind.hpp"
#include "domain/evidence/evidence_kind.hpp"
#include "domain/impact/impact_kind.hpp"
#include "domain/nonconformity/nonconformity_kinds.hpp"
#include "domain/incidents/incident_kind.hpp"
#include "domain/objectives/objective_kind.hpp"
#include "domain/raci/raci_activity_kind.hpp"
#include "domain/review/review_kinds.hpp"
#include "domain/people/kinds.hpp"
#include "domain/people/competence_action_kind.hpp"
#include "domain/risk/risk_kind.hpp"
#include "domain/scope/scope_kind.hpp"
#include "domain/snapshots/snapshot_kind.hpp"

namespace aims::kinds {

const std::vector<const records::KindSpec*>& all_kinds() {
  // One line per kind; append new kinds at the end.
  static const std::vector<const records::KindSpec*> kinds{
      &risk::risk_kind(),
      &objectives::objective_kind(),
      &impact::impact_kind(),
      &euact::obligation_kind(),
      &evidence::evidence_kind(),
      &context::context_issue_kind(),
      &raci::raci_activity_kind(),
      &communication::communication_plan_kind(),
      &communication::communication_kind(),
      &context::interested_party_kind(),
      &context::legal_requirement_kind(),
      &context::party_requirement_kind(),
      &context::climate_determination_kind(),
      &scope::scope_kind(),
      &documents::document_kind(),
      &people::competence_kind(),
      &people::aims_role_kind(),
      &people::role_assignment_kind(),
      &people::competence_record_kind(),
      &people::training_campaign_kind(),
      &people::competence_action_kind(),
      &snapshots::snapshot_kind(),
      &incidents::incident_kind(),
      &nonconformity::nonconformity_kind(),
      &nonconformity::corrective_action_kind(),
      &nonconformity::improvement_kind(),
      &certification::certificate_kind(),
      &certification::certification_audit_kind(),
      &certification::certification_finding_kind(),
      &review::management_review_kind(),
      &review::review_action_kind(),
      &audits::internal_audit_kind(),
      &audits::audit_finding_kind(),
      &audits::audit_request_kind(),
  };
  return kinds;
}

const std::vector<const records::KindSpec*>& generic_kinds() {
  static const std::vector<const records::KindSpec*> kinds = [] {
    std::vector<const records::KindSpec*> out;
    for (const auto* k : all_kinds())
      if (k->generic) out.push_back(k);
    return out;
  }();
  return kinds;
}

const records::KindSpec* kind_named(std::string_view kind) {
  for (const auto* k : all_kinds())
    if (k->kind == kind) return k;
  return nullptr;
}

}  // namespace aims::kinds
