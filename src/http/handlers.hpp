// Request handlers, one function per route: parse, call one service, map the result.
// Stateless; thread-safe.
#pragma once
#include "http/api.hpp"

namespace aims::http::handlers {

Response health(Context& c);
Response login(Context& c);
Response logout(Context& c);
Response me(Context& c);

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

Response audit_checkpoint(Context& c);
Response audit_public_key(Context& c);
Response audit_entries(Context& c);
Response audit_inclusion_proof(Context& c);
Response audit_consistency_proof(Context& c);
Response audit_export(Context& c);

}  // namespace aims::http::handlers
