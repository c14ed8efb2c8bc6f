// SQLite schema migrations. STRICT tables; TEXT compares bytewise (BINARY collation), which the
// sort keys and RFC 3339 times rely on. Keep in step with src/store/postgres/migrations.cpp.
#include "store/sqlite/migrations.hpp"

#include <array>
#include <string>

#include "store/sql/shared_migrations.hpp"

namespace aims::store::sqlite {

const std::string_view kBootstrap = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
)sql";

namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE organizations (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
  org_id     TEXT NOT NULL REFERENCES organizations (id),
  user_id    TEXT NOT NULL REFERENCES users (id),
  role       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_by_user ON memberships (user_id, created_at, org_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE systems (
  id                TEXT PRIMARY KEY,
  org_id            TEXT NOT NULL REFERENCES organizations (id),
  version           INTEGER NOT NULL,
  archived          INTEGER NOT NULL CHECK (archived IN (0, 1)),
  name_key          TEXT NOT NULL,
  owner_key         TEXT NOT NULL,
  status            TEXT NOT NULL,
  lifecycle_stage   TEXT NOT NULL,
  stage_rank        TEXT NOT NULL,
  eu_ai_act_class   TEXT NOT NULL,
  class_rank        TEXT NOT NULL,
  organization_role TEXT NOT NULL,
  search_text       TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  doc               TEXT NOT NULL,
  UNIQUE (org_id, name_key)
) STRICT;
CREATE INDEX systems_by_created ON systems (org_id, created_at, id);
CREATE INDEX systems_by_updated ON systems (org_id, updated_at, id);
CREATE INDEX systems_by_stage ON systems (org_id, stage_rank, id);
CREATE INDEX systems_by_class ON systems (org_id, class_rank, id);
CREATE INDEX systems_by_status ON systems (org_id, status, id);
CREATE INDEX systems_by_owner ON systems (org_id, owner_key, id);

CREATE TABLE history (
  org_id      TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  version     INTEGER NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  operation   TEXT NOT NULL,
  changes     TEXT NOT NULL,
  PRIMARY KEY (org_id, record_type, record_id, version)
) STRICT, WITHOUT ROWID;
)sql";

// v2: lists filter on archived and sort on one key; these indexes answer both, so the count and the
// page need no visit to the table for rows they skip.
constexpr std::string_view kV2 = R"sql(
CREATE INDEX systems_live_by_name ON systems (org_id, archived, name_key, id);
CREATE INDEX systems_live_by_created ON systems (org_id, archived, created_at, id);
CREATE INDEX systems_live_by_updated ON systems (org_id, archived, updated_at, id);
CREATE INDEX systems_live_by_stage ON systems (org_id, archived, stage_rank, id);
CREATE INDEX systems_live_by_class ON systems (org_id, archived, class_rank, id);
CREATE INDEX systems_live_by_status ON systems (org_id, archived, status, id);
CREATE INDEX systems_live_by_owner ON systems (org_id, archived, owner_key, id);
)sql";

// v3: per-organization counts of live and archived systems and a generation that every change to a
// system bumps, kept in the same transaction as the writes: an unfiltered list answers its total
// without counting rows, and a cached list page is known to be current while the generation is.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE system_counts (
  org_id   TEXT PRIMARY KEY REFERENCES organizations (id),
  live     INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  generation INTEGER NOT NULL
) STRICT;
INSERT INTO system_counts (org_id, live, archived, generation)
  SELECT org_id, SUM(CASE WHEN archived THEN 0 ELSE 1 END), SUM(CASE WHEN archived THEN 1 ELSE 0 END), 1
  FROM systems GROUP BY org_id;
)sql";

// v4: gap assessments (SPEC §4) and the Statement of Applicability (SPEC §5). Each record is kept
// as JSON (`doc`, exact bytes) with the columns that find, order and version it. Answers and
// roadmap actions reference their assessment by (org_id, assessment_id), so a child can only hang
// under an assessment of its own organization.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE assessments (
  org_id     TEXT NOT NULL REFERENCES organizations (id),
  id         TEXT NOT NULL,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) STRICT;
CREATE INDEX assessments_by_created ON assessments (org_id, created_at, id);

CREATE TABLE assessment_answers (
  org_id        TEXT NOT NULL,
  assessment_id TEXT NOT NULL,
  item_id       TEXT NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  doc           TEXT NOT NULL,
  PRIMARY KEY (org_id, assessment_id, item_id),
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id)
) STRICT;

CREATE TABLE roadmap_actions (
  org_id        TEXT NOT NULL,
  assessment_id TEXT NOT NULL,
  id            TEXT NOT NULL,
  position      INTEGER NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  doc           TEXT NOT NULL,
  PRIMARY KEY (org_id, assessment_id, id),
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id)
) STRICT;
CREATE INDEX roadmap_actions_by_position ON roadmap_actions (org_id, assessment_id, position, id);

CREATE TABLE soa_entries (
  org_id     TEXT NOT NULL REFERENCES organizations (id),
  control_id TEXT NOT NULL,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (org_id, control_id)
) STRICT;

CREATE TABLE soa_versions (
  org_id     TEXT NOT NULL REFERENCES organizations (id),
  number     INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (org_id, number)
) STRICT;
)sql";

// v5: generic records (risks, impact assessments, classifications, obligations, objectives,
// evidence, …): one table keyed by (organization, kind, parent, id), ordered by (parent, position,
// id), with one indexed lookup key (`ref`).
constexpr std::string_view kV5 = R"sql(
CREATE TABLE records (
  org_id     TEXT NOT NULL REFERENCES organizations (id),
  kind       TEXT NOT NULL,
  parent_id  TEXT NOT NULL,
  id         TEXT NOT NULL,
  position   INTEGER NOT NULL,
  ref        TEXT NOT NULL,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (org_id, kind, parent_id, id)
) STRICT;
CREATE INDEX records_by_position ON records (org_id, kind, parent_id, position, id);
CREATE INDEX records_by_ref ON records (org_id, kind, ref, parent_id, position, id);
)sql";

// v6: the tamper-evident audit log (docs/formats/audit-log.md): per organization, entries (the
// exact bytes hashed), the hashes of complete Merkle subtrees (so a proof needs O(log n) reads),
// the log's size (its tail, which concurrent appends serialize on) and signed checkpoints. Entries,
// nodes and checkpoints are append-only; history rows point at the entry of their change.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE history ADD COLUMN audit_seq INTEGER;

CREATE TABLE audit_heads (
  org_id TEXT PRIMARY KEY REFERENCES organizations (id),
  size   INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_entries (
  org_id    TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  entry     TEXT NOT NULL,
  leaf_hash TEXT NOT NULL,
  PRIMARY KEY (org_id, seq)
) STRICT;

CREATE TABLE audit_nodes (
  org_id TEXT NOT NULL,
  level  INTEGER NOT NULL,
  idx    INTEGER NOT NULL,
  hash   TEXT NOT NULL,
  PRIMARY KEY (org_id, level, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_checkpoints (
  org_id     TEXT NOT NULL,
  size       INTEGER NOT NULL,
  root_hash  TEXT NOT NULL,
  note       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, size)
) STRICT;

CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_nodes_no_update BEFORE UPDATE ON audit_nodes
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_nodes_no_delete BEFORE DELETE ON audit_nodes
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// v7: accounts that resist attack (docs/accounts.md): failed log-ins counted per client address and
// per account and client address, shared by every server of the database; API tokens that expire
// ('' = never, the value of tokens made before v7), carry a scope and a last-used time.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE login_throttle (
  throttle_key  TEXT PRIMARY KEY,
  failures      INTEGER NOT NULL,
  blocked_until TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX login_throttle_by_update ON login_throttle (updated_at);

ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
)sql";

// v8: lists of generic records filtered, sorted and paged in the database (docs/storage.md,
// "Facets"): eight text slots and one numeric slot the domain derives from each record, each
// indexed with (org_id, kind, slot, id); a lower-cased search text; and the revision of the rules
// that derived them (0 = not derived yet: the domain's start-up backfill fills those rows).
constexpr std::string_view kV8 = R"sql(
ALTER TABLE records ADD COLUMN facet0 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet1 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet2 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet3 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet4 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet5 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet6 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet7 TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN facet_search TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet_rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX records_by_facet0 ON records (org_id, kind, facet0, id);
CREATE INDEX records_by_facet1 ON records (org_id, kind, facet1, id);
CREATE INDEX records_by_facet2 ON records (org_id, kind, facet2, id);
CREATE INDEX records_by_facet3 ON records (org_id, kind, facet3, id);
CREATE INDEX records_by_facet4 ON records (org_id, kind, facet4, id);
CREATE INDEX records_by_facet5 ON records (org_id, kind, facet5, id);
CREATE INDEX records_by_facet6 ON records (org_id, kind, facet6, id);
CREATE INDEX records_by_facet7 ON records (org_id, kind, facet7, id);
CREATE INDEX records_by_facet_number ON records (org_id, kind, facet_number, id);
CREATE INDEX records_by_updated ON records (org_id, kind, updated_at, id);
CREATE INDEX records_by_created ON records (org_id, kind, created_at, id);
)sql";

// v9: deactivated users (docs/accounts.md): '' = active, else when the user was deactivated.
constexpr std::string_view kV9 = R"sql(
ALTER TABLE users ADD COLUMN disabled_at TEXT NOT NULL DEFAULT '';
)sql";

// v10: filtered lists served by indexes, the same on both back-ends (sql/shared_migrations.hpp).
constexpr std::string_view kV10 = sql::kFilteredPagesV10;

// v11: stored counts of the generic records per organization, kind, parent, ref and text facet
// value (the totals of list pages; docs/storage.md, "Stored counts"), kept by triggers on
// `records` in the transaction of every write, and filled by the shared backfill.
std::string record_counts_v11() {
  std::string s = R"sql(
CREATE TABLE record_counts (
  org_id TEXT NOT NULL,
  kind   TEXT NOT NULL,
  slot   INTEGER NOT NULL,
  value  TEXT NOT NULL,
  n      INTEGER NOT NULL,
  PRIMARY KEY (org_id, kind, slot, value)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER records_counted_insert AFTER INSERT ON records BEGIN
  INSERT INTO record_counts (org_id, kind, slot, value, n) VALUES (NEW.org_id, NEW.kind, -1, '', 1))sql";
  for (auto [slot, col] : sql::kCountedColumns)
    s += ",\n    (NEW.org_id, NEW.kind, " + std::to_string(slot) + ", NEW." + std::string(col) + ", 1)";
  s += "\n    ON CONFLICT (org_id, kind, slot, value) DO UPDATE SET n = n + 1;\nEND;\n";
  // One count down (and gone at 0) when `when` holds, one up: per slot, for delete and update.
  auto down = [](const std::string& when, int slot, const std::string& value) {
    std::string key = " AND org_id = OLD.org_id AND kind = OLD.kind AND slot = " + std::to_string(slot) + " AND value = " + value;
    return "  UPDATE record_counts SET n = n - 1 WHERE " + when + key + ";\n  DELETE FROM record_counts WHERE " + when + key +
           " AND n <= 0;\n";
  };
  auto up = [](const std::string& when, int slot, const std::string& value) {
    return "  INSERT INTO record_counts (org_id, kind, slot, value, n) SELECT NEW.org_id, NEW.kind, " + std::to_string(slot) +
           ", " + value + ", 1 WHERE " + when + "\n    ON CONFLICT (org_id, kind, slot, value) DO UPDATE SET n = n + 1;\n";
  };
  s += "CREATE TRIGGER records_counted_delete AFTER DELETE ON records BEGIN\n" + down("1", -1, "''");
  for (auto [slot, col] : sql::kCountedColumns) s += down("1", slot, "OLD." + std::string(col));
  s += "END;\n";
  const std::string moved = "(NEW.org_id IS NOT OLD.org_id OR NEW.kind IS NOT OLD.kind)";
  s += "CREATE TRIGGER records_counted_update AFTER UPDATE ON records BEGIN\n" + down(moved, -1, "''") + up(moved, -1, "''");
  for (auto [slot, col] : sql::kCountedColumns) {
    const std::string c(col), when = "(" + moved + " OR NEW." + c + " IS NOT OLD." + c + ")";
    s += down(when, slot, "OLD." + c) + up(when, slot, "NEW." + c);
  }
  s += "END;\n";
  return s + sql::record_counts_backfill_v11();
}
const std::string kV11 = record_counts_v11();

// v12: the index of a filter slot paired with a sort slot (sql/shared_migrations.hpp).
constexpr std::string_view kV12 = sql::kPairIndexesV12;

// v13: each generic record's list view, stored with its facets (docs/storage.md, "Stored list
// views"); every row is marked for the start-up backfill, which writes the views. A write that
// changes the record but not its view (a hand-made edit) empties the view, so a page serves such
// a row from its doc.
constexpr std::string_view kV13 = R"sql(
ALTER TABLE records ADD COLUMN list_view TEXT NOT NULL DEFAULT '';
UPDATE records SET facet_rev = 0 WHERE facet_rev <> 0;
CREATE TRIGGER records_view_dropped AFTER UPDATE OF doc, version, position, created_at, updated_at ON records
  WHEN NEW.list_view <> '' AND NEW.list_view = OLD.list_view
    AND (NEW.doc IS NOT OLD.doc OR NEW.version IS NOT OLD.version OR NEW.position IS NOT OLD.position
         OR NEW.created_at IS NOT OLD.created_at OR NEW.updated_at IS NOT OLD.updated_at)
BEGIN
  UPDATE records SET list_view = '' WHERE rowid = NEW.rowid;
END;
)sql";

// v14: the last successful log-in of each user (docs/accounts.md): '' = never.
constexpr std::string_view kV14 = R"sql(
ALTER TABLE users ADD COLUMN last_login_at TEXT NOT NULL DEFAULT '';
)sql";

// v15: the action index
// (docs/storage.md, "The action index"): one row per action a record holds, written by the domain
// in the record's transaction; a deleted record or roadmap action takes its rows with it (triggers);
// actions_backfill remembers which kinds the start-up backfill has indexed in each organization.
constexpr std::string_view kV15 = R"sql(
CREATE TABLE actions (
  org_id         TEXT NOT NULL REFERENCES organizations (id),
  kind           TEXT NOT NULL,
  parent_id      TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  sub_id         TEXT NOT NULL,
  title          TEXT NOT NULL,
  owner          TEXT NOT NULL,
  due            TEXT NOT NULL,
  status         TEXT NOT NULL,
  search         TEXT NOT NULL,
  source_version INTEGER NOT NULL,
  updated_at     TEXT NOT NULL,
  doc            TEXT NOT NULL,
  rev            INTEGER NOT NULL,
  row_key        TEXT NOT NULL,
  due_sort       TEXT NOT NULL,
  title_key      TEXT NOT NULL,
  PRIMARY KEY (org_id, kind, parent_id, record_id, sub_id)
) STRICT;
CREATE UNIQUE INDEX actions_by_key ON actions (org_id, row_key);
CREATE INDEX actions_by_due ON actions (org_id, due_sort, row_key);
CREATE INDEX actions_by_updated ON actions (org_id, updated_at, row_key);
CREATE INDEX actions_by_title ON actions (org_id, title_key, row_key);
CREATE INDEX actions_by_owner ON actions (org_id, owner, status, due_sort, row_key);
CREATE INDEX actions_by_status ON actions (org_id, status, due_sort, row_key);
CREATE TABLE actions_backfill (
  org_id TEXT NOT NULL,
  kind   TEXT NOT NULL,
  rev    INTEGER NOT NULL,
  PRIMARY KEY (org_id, kind)
) STRICT;
CREATE TRIGGER actions_of_deleted_record AFTER DELETE ON records BEGIN
  DELETE FROM actions WHERE org_id = OLD.org_id AND kind = OLD.kind AND parent_id = OLD.parent_id AND record_id = OLD.id;
END;
CREATE TRIGGER actions_of_deleted_roadmap_action AFTER DELETE ON roadmap_actions BEGIN
  DELETE FROM actions WHERE org_id = OLD.org_id AND kind = 'roadmap_action' AND parent_id = OLD.assessment_id
    AND record_id = OLD.id;
END;
)sql";

// v16: nothing on SQLite. Evidence files stay on disk (FileBlobStore, <data>/evidence); the
// PostgreSQL schema's v16 creates the tables that hold them in that database (docs/evidence.md).
// The version is taken so that both back-ends count their schema alike.
constexpr std::string_view kV16 = R"sql(
-- evidence files stay on disk with SQLite
)sql";

// v17: notifications (docs/notifications.md): the webhook endpoints of each organization (the secret
// that signs their deliveries is kept here and shown once), the queue of deliveries (webhook calls
// and e-mails) that the server's worker sends and retries, each attempt's log, what the periodic
// scan has already sent (one event once per recipient and occurrence), and each user's choices.
constexpr std::string_view kV17 = R"sql(
CREATE TABLE webhooks (
  id          TEXT PRIMARY KEY,
  org_id      TEXT NOT NULL REFERENCES organizations (id),
  url         TEXT NOT NULL,
  events      TEXT NOT NULL,
  description TEXT NOT NULL,
  secret      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
) STRICT;
CREATE INDEX webhooks_by_org ON webhooks (org_id, created_at, id);
CREATE TABLE notification_deliveries (
  id              TEXT PRIMARY KEY,
  org_id          TEXT NOT NULL REFERENCES organizations (id),
  channel         TEXT NOT NULL,
  target_id       TEXT NOT NULL,
  address         TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  attempts_left   INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  last_status     INTEGER NOT NULL,
  last_error      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX notification_deliveries_by_org ON notification_deliveries (org_id, channel, created_at, id);
CREATE INDEX notification_deliveries_by_target ON notification_deliveries (org_id, target_id, created_at, id);
CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at, id);
CREATE TABLE notification_attempts (
  delivery_id      TEXT NOT NULL REFERENCES notification_deliveries (id),
  n                INTEGER NOT NULL,
  at               TEXT NOT NULL,
  status_code      INTEGER NOT NULL,
  response_excerpt TEXT NOT NULL,
  error            TEXT NOT NULL,
  duration_ms      INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, n)
) STRICT;
CREATE TABLE notification_sent (
  org_id    TEXT NOT NULL,
  event_key TEXT NOT NULL,
  recipient TEXT NOT NULL,
  sent_at   TEXT NOT NULL,
  PRIMARY KEY (org_id, event_key, recipient)
) STRICT;
CREATE TABLE notification_preferences (
  user_id    TEXT NOT NULL REFERENCES users (id),
  event_type TEXT NOT NULL,
  email      INTEGER NOT NULL,
  PRIMARY KEY (user_id, event_type)
) STRICT;
)sql";

// v18: nothing on SQLite. The PostgreSQL schema's v18 lets an upload hold its blob against a
// removal on another server sharing the database; one SQLite server orders them in memory.
constexpr std::string_view kV18 = R"sql(
-- evidence files stay on disk with SQLite
)sql";

const std::array<std::string_view, 18> kMigrations{kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10, kV11, kV12, kV13, kV14, kV15, kV16, kV17, kV18};

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

}  // namespace aims::store::sqlite
