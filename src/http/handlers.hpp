// Request handlers, one function per route: parse, call one service, map the result.
// Stateless; thread-safe.
#pragma once
#include "http/api.hpp"

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

Response list_frameworks(Context& c);
Response list_maturity_levels(Context& c);
Response list_catalog_items(Context& c);
Response get_catalog_item(Context& c);

Response list_systems(Context& c);
Response create_system(Context& c);
Response get_system(Context& c);
Response update_system(Context& c);
Response archive_system(Context& c);
Response restore_system(Context& c);
Response system_history(Context& c);
Response system_overview(Context& c);
Response import_systems(Context& c);
Response export_systems(Context& c);

Response list_assessments(Context& c);
Response create_assessment(Context& c);
Response get_assessment(Context& c);
Response update_assessment(Context& c);
Response list_answers(Context& c);
Response get_answer(Context& c);
Response put_answer(Context& c);
Response assessment_results(Context& c);
Response assessment_report(Context& c);
Response compare_assessments(Context& c);
Response get_roadmap(Context& c);
Response generate_roadmap(Context& c);
Response update_roadmap_action(Context& c);

Response get_soa(Context& c);
Response update_soa_entry(Context& c);
Response list_soa_versions(Context& c);
Response approve_soa(Context& c);
Response get_soa_version(Context& c);
Response diff_soa(Context& c);
Response export_soa(Context& c);

Response list_impact_assessments(Context& c);
Response create_impact_assessment(Context& c);
Response get_impact_assessment(Context& c);
Response update_impact_assessment(Context& c);
Response impact_assessment_history(Context& c);
Response submit_impact_assessment(Context& c);
Response approve_impact_assessment(Context& c);
Response list_impact_versions(Context& c);
Response get_impact_version(Context& c);
Response get_impact_fria(Context& c);
Response export_impact_assessment(Context& c);
Response get_impact_settings(Context& c);
Response put_impact_settings(Context& c);
Response list_objectives(Context& c);
Response objectives_summary(Context& c);
Response create_objective(Context& c);
Response get_objective(Context& c);
Response update_objective(Context& c);
Response objective_history(Context& c);
Response list_objective_readings(Context& c);
Response add_objective_reading(Context& c);
Response push_objective_readings(Context& c);
Response delete_objective_reading(Context& c);
Response get_risk_criteria(Context& c);
Response put_risk_criteria(Context& c);
Response list_risks(Context& c);
Response create_risk(Context& c);
Response risk_heatmap(Context& c);
Response get_risk(Context& c);
Response update_risk(Context& c);
Response risk_history(Context& c);
Response accept_risk(Context& c);
Response withdraw_risk_acceptance(Context& c);
Response get_euact_questionnaire(Context& c);
Response get_classification(Context& c);
Response put_classification(Context& c);
Response classification_history(Context& c);
Response list_euact_rechecks(Context& c);
Response list_obligations(Context& c);
Response get_obligation(Context& c);
Response update_obligation(Context& c);
Response upload_evidence(Context& c);
Response list_evidence(Context& c);
Response evidence_freshness(Context& c);
Response get_evidence(Context& c);
Response update_evidence(Context& c);
Response delete_evidence(Context& c);
Response evidence_content(Context& c);
Response list_evidence_links(Context& c);
Response add_evidence_link(Context& c);
Response delete_evidence_link(Context& c);
Response evidence_events(Context& c);
Response audit_checkpoint(Context& c);
Response audit_public_key(Context& c);
Response audit_entries(Context& c);
Response audit_inclusion_proof(Context& c);
Response audit_consistency_proof(Context& c);
Response audit_export(Context& c);
Response audit_pack(Context& c);
Response get_org_settings(Context& c);
Response put_org_settings(Context& c);
Response get_dashboard(Context& c);

}  // namespace aims::http::handlers
