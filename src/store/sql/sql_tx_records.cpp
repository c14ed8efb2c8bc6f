// SqlTx: records kept as JSON documents: gap assessments with their answers and roadmap actions,
// and the Statement of Applicability (working entries and approved versions).
#include <algorithm>
#include <set>

#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

/// Which of RecordRow's optional columns a table has. A SELECT lists org_id, [parent], id,
/// [position], version, created_at, updated_at, doc in this order.
struct Layout {
  bool parent = false;
  bool position = false;
};

constexpr Layout kFlat{};
constexpr Layout kChild{true, false};
constexpr Layout kAction{true, true};

constexpr std::string_view kAssessments = "SELECT org_id, id, version, created_at, updated_at, doc FROM assessments ";
constexpr std::string_view kAnswers =
    "SELECT org_id, assessment_id, item_id, version, created_at, updated_at, doc FROM assessment_answers ";
constexpr std::string_view kActions =
    "SELECT org_id, assessment_id, id, position, version, created_at, updated_at, doc FROM roadmap_actions ";
constexpr std::string_view kSoaEntries =
    "SELECT org_id, control_id, version, created_at, updated_at, doc FROM soa_entries ";
// A version's number is both its id (as text) and its version.
constexpr std::string_view kSoaVersions =
    "SELECT org_id, number, number, created_at, updated_at, doc FROM soa_versions ";

RecordRow to_record(Row& r, Layout layout) {
  RecordRow out;
  std::size_t i = 0;
  out.org_id = r.take_text(i++);
  if (layout.parent) out.parent_id = r.take_text(i++);
  out.id = r.take_text(i++);
  if (layout.position) out.position = r.int64(i++);
  out.version = r.int64(i++);
  out.created_at = r.take_text(i++);
  out.updated_at = r.take_text(i++);
  out.doc = r.take_text(i++);
  return out;
}

std::vector<RecordRow> to_records(Rows rows, Layout layout) {
  std::vector<RecordRow> out;
  out.reserve(rows.size());
  for (Row& r : rows) out.push_back(to_record(r, layout));
  return out;
}

std::optional<RecordRow> first_record(Rows rows, Layout layout) {
  if (rows.empty()) return std::nullopt;
  return to_record(rows.front(), layout);
}

std::string concat(std::string_view a, std::string_view b) { return std::string(a).append(b); }

/// Replaces the row of `table` matching `key_where` if its stored version is `expected`:
/// not_found if absent, precondition_failed if the version differs. `assignments` are the
/// `col = ?` list of the SET clause, bound to `values`.
status compare_and_set(Connection& c, std::string_view table, std::string_view key_where, const Params& key,
                       std::string_view assignments, Params values, std::int64_t expected, std::string_view what) {
  Rows current = c.query(concat(concat("SELECT version FROM ", table), concat(" WHERE ", key_where)), key);
  if (current.empty()) return make_error(errc::not_found, concat("no such ", what));
  std::string changed_by_other = concat(concat("the ", what), " was changed by someone else");
  if (current.front().int64(0) != expected) return make_error(errc::precondition_failed, changed_by_other);
  values.insert(values.end(), key.begin(), key.end());
  values.emplace_back(expected);
  std::string sql = concat(concat("UPDATE ", table), concat(" SET ", assignments));
  sql.append(" WHERE ").append(key_where).append(" AND version = ?");
  if (c.exec(sql, values) == 0) return make_error(errc::precondition_failed, changed_by_other);
  return ok();
}

}  // namespace

bool SqlTx::assessment_exists(const std::string& org_id, const std::string& id) {
  return !c_.query("SELECT 1 FROM assessments WHERE org_id = ? AND id = ?", {org_id, id}).empty();
}

// ---- Gap assessments -------------------------------------------------------------------------

std::optional<RecordRow> SqlTx::find_assessment(const std::string& org_id, const std::string& id) {
  return first_record(c_.query(concat(kAssessments, "WHERE org_id = ? AND id = ?"), {org_id, id}), kFlat);
}

std::vector<RecordRow> SqlTx::list_assessments(const std::string& org_id, int limit,
                                               const std::optional<std::pair<std::string, std::string>>& before) {
  std::string sql = concat(kAssessments, "WHERE org_id = ?");
  Params params{org_id};
  if (before) {
    sql += " AND (created_at, id) < (?, ?)";
    params.emplace_back(before->first);
    params.emplace_back(before->second);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(std::max(0, limit)));
  return to_records(c_.query(sql, params), kFlat);
}

std::vector<RecordRow> SqlTx::list_answers(const std::string& org_id, const std::string& assessment_id) {
  return to_records(
      c_.query(concat(kAnswers, "WHERE org_id = ? AND assessment_id = ? ORDER BY item_id"), {org_id, assessment_id}),
      kChild);
}

std::optional<RecordRow> SqlTx::find_answer(const std::string& org_id, const std::string& assessment_id,
                                            const std::string& item_id) {
  return first_record(c_.query(concat(kAnswers, "WHERE org_id = ? AND assessment_id = ? AND item_id = ?"),
                               {org_id, assessment_id, item_id}),
                      kChild);
}

std::vector<RecordRow> SqlTx::list_roadmap_actions(const std::string& org_id, const std::string& assessment_id) {
  return to_records(c_.query(concat(kActions, "WHERE org_id = ? AND assessment_id = ? ORDER BY position, id"),
                             {org_id, assessment_id}),
                    kAction);
}

status SqlTx::insert_assessment(const RecordRow& r) {
  c_.claim_org(r.org_id);
  return insert_or_conflict(
      "INSERT INTO assessments (org_id, id, version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {r.org_id, r.id, r.version, r.created_at, r.updated_at, r.doc}, "an assessment with this id");
}

status SqlTx::update_assessment(const RecordRow& r, std::int64_t expected_version) {
  c_.claim_org(r.org_id);
  return compare_and_set(c_, "assessments", "org_id = ? AND id = ?", {r.org_id, r.id},
                         "version = ?, created_at = ?, updated_at = ?, doc = ?",
                         {r.version, r.created_at, r.updated_at, r.doc}, expected_version, "assessment");
}

status SqlTx::put_answer(const RecordRow& r, std::int64_t expected_version) {
  c_.claim_org(r.org_id);
  if (expected_version == 0) {
    // Checked first so that a missing (or foreign) assessment is an answer, not a failed statement.
    if (!assessment_exists(r.org_id, r.parent_id)) return make_error(errc::not_found, "no such assessment");
    return insert_or_conflict(
        "INSERT INTO assessment_answers (org_id, assessment_id, item_id, version, created_at, updated_at, doc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {r.org_id, r.parent_id, r.id, r.version, r.created_at, r.updated_at, r.doc}, "an answer to this item");
  }
  return compare_and_set(c_, "assessment_answers", "org_id = ? AND assessment_id = ? AND item_id = ?",
                         {r.org_id, r.parent_id, r.id}, "version = ?, created_at = ?, updated_at = ?, doc = ?",
                         {r.version, r.created_at, r.updated_at, r.doc}, expected_version, "answer");
}

status SqlTx::replace_roadmap_actions(const std::string& org_id, const std::string& assessment_id,
                                      const std::vector<RecordRow>& actions) {
  c_.claim_org(org_id);
  if (!assessment_exists(org_id, assessment_id)) return make_error(errc::not_found, "no such assessment");
  // Everything is checked before anything changes, so a refusal leaves the old actions in place.
  std::set<std::string_view> ids;
  for (const RecordRow& a : actions) {
    if (a.org_id != org_id || a.parent_id != assessment_id)
      return make_error(errc::internal, "a roadmap action does not belong to the assessment whose actions it replaces");
    if (!ids.insert(a.id).second) return make_error(errc::conflict, "two roadmap actions have the id " + a.id);
  }
  c_.exec("DELETE FROM roadmap_actions WHERE org_id = ? AND assessment_id = ?", {org_id, assessment_id});
  for (const RecordRow& a : actions) {
    auto st = insert_or_conflict(
        "INSERT INTO roadmap_actions (org_id, assessment_id, id, position, version, created_at, updated_at, doc) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {org_id, assessment_id, a.id, a.position, a.version, a.created_at, a.updated_at, a.doc},
        "a roadmap action with this id");
    if (!st) return st;
  }
  return ok();
}

status SqlTx::update_roadmap_action(const RecordRow& r, std::int64_t expected_version) {
  c_.claim_org(r.org_id);
  return compare_and_set(c_, "roadmap_actions", "org_id = ? AND assessment_id = ? AND id = ?",
                         {r.org_id, r.parent_id, r.id},
                         "position = ?, version = ?, created_at = ?, updated_at = ?, doc = ?",
                         {r.position, r.version, r.created_at, r.updated_at, r.doc}, expected_version,
                         "roadmap action");
}

// ---- Statement of Applicability --------------------------------------------------------------

std::vector<RecordRow> SqlTx::list_soa_entries(const std::string& org_id) {
  return to_records(c_.query(concat(kSoaEntries, "WHERE org_id = ? ORDER BY control_id"), {org_id}), kFlat);
}

std::optional<RecordRow> SqlTx::find_soa_entry(const std::string& org_id, const std::string& control_id) {
  return first_record(c_.query(concat(kSoaEntries, "WHERE org_id = ? AND control_id = ?"), {org_id, control_id}),
                      kFlat);
}

std::vector<RecordRow> SqlTx::list_soa_versions(const std::string& org_id) {
  return to_records(c_.query(concat(kSoaVersions, "WHERE org_id = ? ORDER BY number DESC"), {org_id}), kFlat);
}

std::optional<RecordRow> SqlTx::find_soa_version(const std::string& org_id, std::int64_t number) {
  return first_record(c_.query(concat(kSoaVersions, "WHERE org_id = ? AND number = ?"), {org_id, number}), kFlat);
}

status SqlTx::put_soa_entry(const RecordRow& r, std::int64_t expected_version) {
  c_.claim_org(r.org_id);
  if (expected_version == 0)
    return insert_or_conflict(
        "INSERT INTO soa_entries (org_id, control_id, version, created_at, updated_at, doc) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {r.org_id, r.id, r.version, r.created_at, r.updated_at, r.doc}, "an SoA entry for this control");
  return compare_and_set(c_, "soa_entries", "org_id = ? AND control_id = ?", {r.org_id, r.id},
                         "version = ?, created_at = ?, updated_at = ?, doc = ?",
                         {r.version, r.created_at, r.updated_at, r.doc}, expected_version, "SoA entry");
}

status SqlTx::insert_soa_version(const RecordRow& r) {
  c_.claim_org(r.org_id);
  return insert_or_conflict(
      "INSERT INTO soa_versions (org_id, number, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {r.org_id, r.version, r.created_at, r.updated_at, r.doc}, "an SoA version with this number");
}

}  // namespace aims::store::sql
