// Every route of the server, in one place. tests/unit checks this table against api/openapi.yaml.
#include "http/handlers.hpp"

namespace aims::http {

void register_routes(Router& r, const std::string& openapi_json) {
  using namespace handlers;
  r.add("GET", "/healthz", Access::open, health);
  r.add("GET", "/api/v1/openapi.json", Access::open, [openapi_json](Context&) { return json_response(200, openapi_json); });

  r.add("POST", "/api/v1/auth/login", Access::open, login);
  r.add("POST", "/api/v1/auth/logout", Access::user, logout);
  r.add("POST", "/api/v1/auth/password", Access::user, change_password);
  r.add("GET", "/api/v1/me", Access::member, me);
  r.add("GET", "/api/v1/tokens", Access::member, list_tokens);
  r.add("POST", "/api/v1/tokens", Access::member, create_token);
  r.add("DELETE", "/api/v1/tokens/{id}", Access::member, revoke_token);
  r.add("DELETE", "/api/v1/org/members/{user}", Access::member, remove_member);
  r.add("POST", "/api/v1/org/members/{user}/deactivate", Access::member, deactivate_member);
  r.add("POST", "/api/v1/org/members/{user}/reactivate", Access::member, reactivate_member);

  r.add("GET", "/api/v1/catalog/frameworks", Access::user, list_frameworks);
  r.add("GET", "/api/v1/catalog/maturity-levels", Access::user, list_maturity_levels);
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items", Access::user, list_catalog_items);
  r.add("GET", "/api/v1/catalog/frameworks/{framework}/items/{item_id}", Access::user, get_catalog_item);

  // Literal paths before the {id} templates.
  r.add("POST", "/api/v1/systems/import", Access::member, import_systems);
  r.add("GET", "/api/v1/systems/export", Access::member, export_systems);
  r.add("GET", "/api/v1/systems", Access::member, list_systems);
  r.add("POST", "/api/v1/systems", Access::member, create_system);
  r.add("GET", "/api/v1/systems/{id}", Access::member, get_system);
  r.add("PATCH", "/api/v1/systems/{id}", Access::member, update_system);
  r.add("POST", "/api/v1/systems/{id}/archive", Access::member, archive_system);
  r.add("POST", "/api/v1/systems/{id}/restore", Access::member, restore_system);
  r.add("GET", "/api/v1/systems/{id}/history", Access::member, system_history);
  r.add("GET", "/api/v1/systems/{id}/overview", Access::member, system_overview);

  r.add("GET", "/api/v1/assessments", Access::member, list_assessments);
  r.add("POST", "/api/v1/assessments", Access::member, create_assessment);
  r.add("GET", "/api/v1/assessments/{id}", Access::member, get_assessment);
  r.add("PATCH", "/api/v1/assessments/{id}", Access::member, update_assessment);
  r.add("GET", "/api/v1/assessments/{id}/answers", Access::member, list_answers);
  r.add("GET", "/api/v1/assessments/{id}/answers/{item_id}", Access::member, get_answer);
  r.add("PUT", "/api/v1/assessments/{id}/answers/{item_id}", Access::member, put_answer);
  r.add("GET", "/api/v1/assessments/{id}/results", Access::member, assessment_results);
  r.add("GET", "/api/v1/assessments/{id}/report", Access::member, assessment_report);
  r.add("GET", "/api/v1/assessments/{id}/compare/{other_id}", Access::member, compare_assessments);
  r.add("GET", "/api/v1/assessments/{id}/roadmap", Access::member, get_roadmap);
  r.add("POST", "/api/v1/assessments/{id}/roadmap", Access::member, generate_roadmap);
  r.add("PATCH", "/api/v1/assessments/{id}/roadmap/actions/{action_id}", Access::member, update_roadmap_action);

  // Literal paths before the {control_id} and {n} templates.
  r.add("GET", "/api/v1/soa/diff", Access::member, diff_soa);
  r.add("GET", "/api/v1/soa/export", Access::member, export_soa);
  r.add("GET", "/api/v1/soa", Access::member, get_soa);
  r.add("PATCH", "/api/v1/soa/entries/{control_id}", Access::member, update_soa_entry);
  r.add("GET", "/api/v1/soa/versions", Access::member, list_soa_versions);
  r.add("POST", "/api/v1/soa/versions", Access::member, approve_soa);
  r.add("GET", "/api/v1/soa/versions/{n}", Access::member, get_soa_version);

  // Impact assessments; the literal settings path before the {id} templates.
  r.add("GET", "/api/v1/impact-assessments/settings", Access::member, get_impact_settings);
  r.add("PUT", "/api/v1/impact-assessments/settings", Access::member, put_impact_settings);
  r.add("GET", "/api/v1/impact-assessments", Access::member, list_impact_assessments);
  r.add("POST", "/api/v1/impact-assessments", Access::member, create_impact_assessment);
  r.add("GET", "/api/v1/impact-assessments/{id}", Access::member, get_impact_assessment);
  r.add("PATCH", "/api/v1/impact-assessments/{id}", Access::member, update_impact_assessment);
  r.add("GET", "/api/v1/impact-assessments/{id}/history", Access::member, impact_assessment_history);
  r.add("POST", "/api/v1/impact-assessments/{id}/submit", Access::member, submit_impact_assessment);
  r.add("POST", "/api/v1/impact-assessments/{id}/approve", Access::member, approve_impact_assessment);
  r.add("GET", "/api/v1/impact-assessments/{id}/versions", Access::member, list_impact_versions);
  r.add("GET", "/api/v1/impact-assessments/{id}/versions/{n}", Access::member, get_impact_version);
  r.add("GET", "/api/v1/impact-assessments/{id}/fria", Access::member, get_impact_fria);
  r.add("GET", "/api/v1/impact-assessments/{id}/export", Access::member, export_impact_assessment);
  // AI objectives (clause 6.2). Literal paths before the {id} templates.
  r.add("GET", "/api/v1/objectives/summary", Access::member, objectives_summary);
  r.add("POST", "/api/v1/objectives/readings", Access::member, push_objective_readings);
  r.add("GET", "/api/v1/objectives", Access::member, list_objectives);
  r.add("POST", "/api/v1/objectives", Access::member, create_objective);
  r.add("GET", "/api/v1/objectives/{id}", Access::member, get_objective);
  r.add("PATCH", "/api/v1/objectives/{id}", Access::member, update_objective);
  r.add("GET", "/api/v1/objectives/{id}/history", Access::member, objective_history);
  r.add("GET", "/api/v1/objectives/{id}/readings", Access::member, list_objective_readings);
  r.add("POST", "/api/v1/objectives/{id}/readings", Access::member, add_objective_reading);
  r.add("DELETE", "/api/v1/objectives/{id}/readings/{reading_id}", Access::member, delete_objective_reading);
  // Risk criteria and the AI risk register; the literal heatmap path before the {id} templates.
  r.add("GET", "/api/v1/risk-criteria", Access::member, get_risk_criteria);
  r.add("PUT", "/api/v1/risk-criteria", Access::member, put_risk_criteria);
  r.add("GET", "/api/v1/risks/heatmap", Access::member, risk_heatmap);
  r.add("GET", "/api/v1/risks", Access::member, list_risks);
  r.add("POST", "/api/v1/risks", Access::member, create_risk);
  r.add("GET", "/api/v1/risks/{id}", Access::member, get_risk);
  r.add("PATCH", "/api/v1/risks/{id}", Access::member, update_risk);
  r.add("GET", "/api/v1/risks/{id}/history", Access::member, risk_history);
  r.add("POST", "/api/v1/risks/{id}/acceptance", Access::member, accept_risk);
  r.add("POST", "/api/v1/risks/{id}/acceptance/withdraw", Access::member, withdraw_risk_acceptance);
  r.add("GET", "/api/v1/eu-ai-act/questionnaire", Access::user, get_euact_questionnaire);
  r.add("GET", "/api/v1/eu-ai-act/rechecks", Access::member, list_euact_rechecks);
  r.add("GET", "/api/v1/systems/{id}/classification", Access::member, get_classification);
  r.add("PUT", "/api/v1/systems/{id}/classification", Access::member, put_classification);
  r.add("GET", "/api/v1/systems/{id}/classification/history", Access::member, classification_history);
  r.add("GET", "/api/v1/obligations", Access::member, list_obligations);
  r.add("GET", "/api/v1/obligations/{system_id}/{obligation_id}", Access::member, get_obligation);
  r.add("PATCH", "/api/v1/obligations/{system_id}/{obligation_id}", Access::member, update_obligation);
  // Evidence: the upload streams its body (judged on the header first); literal paths before {id}.
  r.add_upload("POST", "/api/v1/evidence", Access::member, upload_evidence);
  r.add("GET", "/api/v1/evidence", Access::member, list_evidence);
  r.add("GET", "/api/v1/evidence/freshness", Access::member, evidence_freshness);
  r.add("GET", "/api/v1/evidence/{id}", Access::member, get_evidence);
  r.add("PATCH", "/api/v1/evidence/{id}", Access::member, update_evidence);
  r.add("DELETE", "/api/v1/evidence/{id}", Access::member, delete_evidence);
  r.add("GET", "/api/v1/evidence/{id}/content", Access::member, evidence_content);
  r.add("GET", "/api/v1/evidence/{id}/links", Access::member, list_evidence_links);
  r.add("POST", "/api/v1/evidence/{id}/links", Access::member, add_evidence_link);
  r.add("DELETE", "/api/v1/evidence/{id}/links/{link}", Access::member, delete_evidence_link);
  r.add("GET", "/api/v1/evidence/{id}/events", Access::member, evidence_events);
  r.add("GET", "/api/v1/audit/checkpoint", Access::member, audit_checkpoint);
  r.add("GET", "/api/v1/audit/public-key", Access::member, audit_public_key);
  r.add("GET", "/api/v1/audit/entries", Access::member, audit_entries);
  r.add("GET", "/api/v1/audit/entries/{seq}/proof", Access::member, audit_inclusion_proof);
  r.add("GET", "/api/v1/audit/consistency", Access::member, audit_consistency_proof);
  r.add("GET", "/api/v1/audit/export", Access::member, audit_export);
  r.add_get_without_head("/api/v1/audit/pack", Access::member, audit_pack);
  // Organization settings (segregation of duties): everyone reads, admins change.
  r.add("GET", "/api/v1/org-settings", Access::member, get_org_settings);
  r.add("PUT", "/api/v1/org-settings", Access::member, put_org_settings);
  // The dashboard's figures in one answer.
  r.add("GET", "/api/v1/dashboard", Access::member, get_dashboard);
  register_record_routes(r);  // every field-driven record kind, and GET /api/v1/kinds
}

}  // namespace aims::http
