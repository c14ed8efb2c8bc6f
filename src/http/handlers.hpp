// Request handlers, one function per operation of api/openapi.yaml: parse, call one service, map
// the result. An area's handler gets its area's services as its second argument, a struct of
// references declared here (bound by the area, src/app/areas/, with bind_services of routes.hpp);
// the account handlers use the cross-cutting services of the Context. The structs refer to
// services the composition root owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/assessment/assessment_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/dashboard/dashboard.hpp"
#include "domain/euact/classification_service.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_overview.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/ledger/audit_pack.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/objectives/reading_service.hpp"
#include "domain/org/org_settings.hpp"
#include "domain/records/record_service.hpp"
#include "domain/risk/criteria_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/soa/soa_service.hpp"
#include "http/api.hpp"

namespace aims::http {

// Each area's services, by reference.
struct CatalogServices {
  const catalog::Catalog& catalog;
};
struct SystemServices {
  inventory::SystemService& systems;
  inventory::ListCache& listed;  // list pages with their classified roles, kept while the log keeps its size
};
struct AssessmentServices {
  assessment::AssessmentService& assessments;
};
struct SoaServices {
  soa::SoaService& soa;
};
struct ImpactServices {
  impact::ImpactService& impact;
};
struct ObjectiveServices {
  objectives::ObjectiveService& objectives;
  objectives::ReadingService& readings;
};
struct RiskServices {
  risk::CriteriaService& risk_criteria;
  risk::RiskService& risks;
};
struct EuActServices {
  euact::ClassificationService& classifications;
  euact::ObligationService& obligations;
};
struct EvidenceServices {
  evidence::EvidenceService& evidence;
};
struct AuditServices {
  ledger::AuditService& audit;
  ledger::AuditPackService& audit_pack;
  assessment::AssessmentService& assessments;
};
struct OrgSettingsServices {
  org::OrgSettingsService& org_settings;
};
struct DashboardServices {
  dashboard::Dashboard& dashboard;
};
struct RecordServices {
  records::RecordService& records;
};

/// GET /api/v1/kinds and each field-driven kind's list, create, read, update, history, archive and
/// restore operations, under the operationIds of record_operation_ids (handlers_records.cpp).
void add_record_operations(Operations& ops, RecordServices s);

}  // namespace aims::http

namespace aims::http::handlers {

Response health(Context& c);
Response login(Context& c);
Response logout(Context& c);
Response me(Context& c);
Response change_password(Context& c);
/// The client's address: the socket peer, or X-Forwarded-For's last entry behind a trusted proxy.
std::string client_address(const Context& c);
Response list_tokens(Context& c);
Response create_token(Context& c);
Response revoke_token(Context& c);
Response remove_member(Context& c);
Response deactivate_member(Context& c);
Response reactivate_member(Context& c);

Response list_frameworks(Context& c, const CatalogServices& s);
Response list_maturity_levels(Context& c, const CatalogServices& s);
Response list_catalog_items(Context& c, const CatalogServices& s);
Response get_catalog_item(Context& c, const CatalogServices& s);

Response list_systems(Context& c, const SystemServices& s);
Response create_system(Context& c, const SystemServices& s);
Response get_system(Context& c, const SystemServices& s);
Response update_system(Context& c, const SystemServices& s);
Response archive_system(Context& c, const SystemServices& s);
Response restore_system(Context& c, const SystemServices& s);
Response system_history(Context& c, const SystemServices& s);
Response system_overview(Context& c, const inventory::OverviewSources& s);
Response import_systems(Context& c, const SystemServices& s);
Response export_systems(Context& c, const SystemServices& s);

Response list_assessments(Context& c, const AssessmentServices& s);
Response create_assessment(Context& c, const AssessmentServices& s);
Response get_assessment(Context& c, const AssessmentServices& s);
Response update_assessment(Context& c, const AssessmentServices& s);
Response list_answers(Context& c, const AssessmentServices& s);
Response get_answer(Context& c, const AssessmentServices& s);
Response put_answer(Context& c, const AssessmentServices& s);
Response assessment_results(Context& c, const AssessmentServices& s);
Response assessment_suggestions(Context& c, const AssessmentServices& s);
Response assessment_report(Context& c, const AssessmentServices& s);
Response compare_assessments(Context& c, const AssessmentServices& s);
Response get_roadmap(Context& c, const AssessmentServices& s);
Response generate_roadmap(Context& c, const AssessmentServices& s);
Response update_roadmap_action(Context& c, const AssessmentServices& s);

Response get_soa(Context& c, const SoaServices& s);
Response update_soa_entry(Context& c, const SoaServices& s);
Response list_soa_versions(Context& c, const SoaServices& s);
Response approve_soa(Context& c, const SoaServices& s);
Response get_soa_version(Context& c, const SoaServices& s);
Response diff_soa(Context& c, const SoaServices& s);
Response export_soa(Context& c, const SoaServices& s);

Response list_impact_assessments(Context& c, const ImpactServices& s);
Response create_impact_assessment(Context& c, const ImpactServices& s);
Response get_impact_assessment(Context& c, const ImpactServices& s);
Response update_impact_assessment(Context& c, const ImpactServices& s);
Response impact_assessment_history(Context& c, const ImpactServices& s);
Response submit_impact_assessment(Context& c, const ImpactServices& s);
Response approve_impact_assessment(Context& c, const ImpactServices& s);
Response list_impact_versions(Context& c, const ImpactServices& s);
Response get_impact_version(Context& c, const ImpactServices& s);
Response get_impact_fria(Context& c, const ImpactServices& s);
Response export_impact_assessment(Context& c, const ImpactServices& s);
Response get_impact_settings(Context& c, const ImpactServices& s);
Response put_impact_settings(Context& c, const ImpactServices& s);
Response list_objectives(Context& c, const ObjectiveServices& s);
Response objectives_summary(Context& c, const ObjectiveServices& s);
Response create_objective(Context& c, const ObjectiveServices& s);
Response get_objective(Context& c, const ObjectiveServices& s);
Response update_objective(Context& c, const ObjectiveServices& s);
Response objective_history(Context& c, const ObjectiveServices& s);
Response list_objective_readings(Context& c, const ObjectiveServices& s);
Response add_objective_reading(Context& c, const ObjectiveServices& s);
Response push_objective_readings(Context& c, const ObjectiveServices& s);
Response delete_objective_reading(Context& c, const ObjectiveServices& s);
Response get_risk_criteria(Context& c, const RiskServices& s);
Response put_risk_criteria(Context& c, const RiskServices& s);
Response list_risks(Context& c, const RiskServices& s);
Response create_risk(Context& c, const RiskServices& s);
Response risk_heatmap(Context& c, const RiskServices& s);
Response get_risk(Context& c, const RiskServices& s);
Response update_risk(Context& c, const RiskServices& s);
Response risk_history(Context& c, const RiskServices& s);
Response accept_risk(Context& c, const RiskServices& s);
Response withdraw_risk_acceptance(Context& c, const RiskServices& s);
Response get_euact_questionnaire(Context& c, const EuActServices& s);
Response get_classification(Context& c, const EuActServices& s);
Response put_classification(Context& c, const EuActServices& s);
Response classification_history(Context& c, const EuActServices& s);
Response list_euact_rechecks(Context& c, const EuActServices& s);
Response list_obligations(Context& c, const EuActServices& s);
Response get_obligation(Context& c, const EuActServices& s);
Response update_obligation(Context& c, const EuActServices& s);
Response upload_evidence(Context& c, const EvidenceServices& s);
Response list_evidence(Context& c, const EvidenceServices& s);
Response evidence_freshness(Context& c, const EvidenceServices& s);
Response get_evidence(Context& c, const EvidenceServices& s);
Response update_evidence(Context& c, const EvidenceServices& s);
Response delete_evidence(Context& c, const EvidenceServices& s);
Response evidence_content(Context& c, const EvidenceServices& s);
Response list_evidence_links(Context& c, const EvidenceServices& s);
Response add_evidence_link(Context& c, const EvidenceServices& s);
Response delete_evidence_link(Context& c, const EvidenceServices& s);
Response evidence_events(Context& c, const EvidenceServices& s);
Response audit_checkpoint(Context& c, const AuditServices& s);
Response audit_public_key(Context& c, const AuditServices& s);
Response audit_entries(Context& c, const AuditServices& s);
Response audit_inclusion_proof(Context& c, const AuditServices& s);
Response audit_consistency_proof(Context& c, const AuditServices& s);
Response audit_export(Context& c, const AuditServices& s);
Response audit_pack(Context& c, const AuditServices& s);
Response get_org_settings(Context& c, const OrgSettingsServices& s);
Response put_org_settings(Context& c, const OrgSettingsServices& s);
Response get_dashboard(Context& c, const DashboardServices& s);

}  // namespace aims::http::handlers
