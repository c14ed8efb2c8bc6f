// Migrations whose SQL is the same on every back-end, used by both migration lists
// (sqlite/migrations.cpp, postgres/migrations.cpp). Constants only.
#pragma once
#include <string>
#include <string_view>
#include <utility>

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

// v12: the pairs of a filter slot and a sort slot that have an index of their own (kPairIndexes of
// sql_tx_record_query.cpp, docs/storage.md "Filtered pages"): a page filtered on one value of the
// first slot and sorted on the second walks it in order, however many records match.
inline constexpr std::string_view kPairIndexesV12 = R"sql(
CREATE INDEX records_by_facet3_facet5_id_parent ON records (org_id, kind, facet3, facet5, id, parent_id);
)sql";

/// The counted columns of a record and their slots in record_counts, for the back-ends' triggers
/// and the backfill (the kind's total, slot -1, counts every record).
inline constexpr std::pair<int, std::string_view> kCountedColumns[] = {
    {-2, "parent_id"}, {-3, "ref"},     {0, "facet0"}, {1, "facet1"}, {2, "facet2"},
    {3, "facet3"},     {4, "facet4"},   {5, "facet5"}, {6, "facet6"}, {7, "facet7"}};

// v11 (after each back-end's CREATE TABLE record_counts and its triggers that keep it): the
// stored counts of the generic records (docs/storage.md, "Stored counts"), filled from the
// records already stored, one GROUP BY per counted column: per organization and kind the number
// of records (slot -1, value ''), of records under each parent (slot -2), with each ref (slot -3)
// and per text facet slot with each value.
inline std::string record_counts_backfill_v11() {
  std::string s =
      "INSERT INTO record_counts (org_id, kind, slot, value, n)\n"
      "  SELECT org_id, kind, -1, '', COUNT(*) FROM records GROUP BY org_id, kind;\n";
  for (auto [slot, col] : kCountedColumns) {
    const std::string c(col);
    s += "INSERT INTO record_counts (org_id, kind, slot, value, n)\n  SELECT org_id, kind, " + std::to_string(slot) + ", " + c +
         ", COUNT(*) FROM records GROUP BY org_id, kind, " + c + ";\n";
  }
  return s;
}

}  // namespace aims::store::sql
