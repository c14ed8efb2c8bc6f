// Migrations whose SQL is the same on every back-end, used by both migration lists
// (sqlite/migrations.cpp, postgres/migrations.cpp). Constants only.
#pragma once
#include <string_view>

namespace aims::store::sql {

// v10: filtered lists served by indexes (docs/storage.md, "Filtered pages"). Each sort column's
// index of the records ends with the whole tie order (id, then parent), so a page in that order
// never sorts, and a count under a filter and a parent reads the index only; each filter column of
// the AI systems gets an index in the default order (by name), which answers its count and its
// first pages without reading the table.
inline constexpr std::string_view kFilteredPagesV10 = R"sql(
DROP INDEX records_by_facet0;
CREATE INDEX records_by_facet0_id_parent ON records (org_id, kind, facet0, id, parent_id);
DROP INDEX records_by_facet1;
CREATE INDEX records_by_facet1_id_parent ON records (org_id, kind, facet1, id, parent_id);
DROP INDEX records_by_facet2;
CREATE INDEX records_by_facet2_id_parent ON records (org_id, kind, facet2, id, parent_id);
DROP INDEX records_by_facet3;
CREATE INDEX records_by_facet3_id_parent ON records (org_id, kind, facet3, id, parent_id);
DROP INDEX records_by_facet4;
CREATE INDEX records_by_facet4_id_parent ON records (org_id, kind, facet4, id, parent_id);
DROP INDEX records_by_facet5;
CREATE INDEX records_by_facet5_id_parent ON records (org_id, kind, facet5, id, parent_id);
DROP INDEX records_by_facet6;
CREATE INDEX records_by_facet6_id_parent ON records (org_id, kind, facet6, id, parent_id);
DROP INDEX records_by_facet7;
CREATE INDEX records_by_facet7_id_parent ON records (org_id, kind, facet7, id, parent_id);
DROP INDEX records_by_facet_number;
CREATE INDEX records_by_facet_number_id_parent ON records (org_id, kind, facet_number, id, parent_id);
DROP INDEX records_by_updated;
CREATE INDEX records_by_updated_id_parent ON records (org_id, kind, updated_at, id, parent_id);
DROP INDEX records_by_created;
CREATE INDEX records_by_created_id_parent ON records (org_id, kind, created_at, id, parent_id);
CREATE INDEX systems_live_by_status_name ON systems (org_id, archived, status, name_key, id);
CREATE INDEX systems_live_by_stage_name ON systems (org_id, archived, lifecycle_stage, name_key, id);
CREATE INDEX systems_live_by_class_name ON systems (org_id, archived, eu_ai_act_class, name_key, id);
CREATE INDEX systems_live_by_role_name ON systems (org_id, archived, organization_role, name_key, id);
)sql";

}  // namespace aims::store::sql
