// Every route of the server, in one place. tests/unit checks this table against api/openapi.yaml.
#include "http/handlers.hpp"

namespace aims::http {

void register_routes(Router& r, const std::string& openapi_json) {
  using namespace handlers;
  r.add("GET", "/healthz", Access::open, health);
  r.add("GET", "/api/v1/openapi.json", Access::open, [openapi_json](Context&) { return json_response(200, openapi_json); });

  r.add("POST", "/api/v1/auth/login", Access::open, login);
  r.add("POST", "/api/v1/auth/logout", Access::user, logout);
  r.add("GET", "/api/v1/me", Access::member, me);

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

  r.add("GET", "/api/v1/audit/checkpoint", Access::member, audit_checkpoint);
  r.add("GET", "/api/v1/audit/public-key", Access::member, audit_public_key);
  r.add("GET", "/api/v1/audit/entries", Access::member, audit_entries);
  r.add("GET", "/api/v1/audit/entries/{seq}/proof", Access::member, audit_inclusion_proof);
  r.add("GET", "/api/v1/audit/consistency", Access::member, audit_consistency_proof);
  r.add("GET", "/api/v1/audit/export", Access::member, audit_export);
}

}  // namespace aims::http
