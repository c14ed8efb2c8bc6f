// PostgreSQL schema migrations. Every text column uses COLLATE "C" so that ordering and
// comparison are bytewise, as on SQLite (sort keys, ids, RFC 3339 times). Keep in step with
// src/store/sqlite/migrations.cpp.
#include "store/postgres/migrations.hpp"

#include <array>
#include <string>

#include "store/sql/shared_migrations.hpp"

namespace aims::store::postgres {

const std::string_view kBootstrap = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    BIGINT PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
)sql";

namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE organizations (
  id         TEXT COLLATE "C" PRIMARY KEY,
  name       TEXT COLLATE "C" NOT NULL UNIQUE,
  created_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE users (
  id            TEXT COLLATE "C" PRIMARY KEY,
  email         TEXT COLLATE "C" NOT NULL UNIQUE,
  name          TEXT COLLATE "C" NOT NULL,
  password_hash TEXT COLLATE "C" NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL
);

CREATE TABLE memberships (
  org_id     TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  role       TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id, created_at, org_id);

CREATE TABLE sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  csrf_token TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id         TEXT COLLATE "C" PRIMARY KEY,
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  name       TEXT COLLATE "C" NOT NULL,
  token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE systems (
  id                TEXT COLLATE "C" PRIMARY KEY,
  org_id            TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  version           BIGINT NOT NULL,
  archived          BOOLEAN NOT NULL,
  name_key          TEXT COLLATE "C" NOT NULL,
  owner_key         TEXT COLLATE "C" NOT NULL,
  status            TEXT COLLATE "C" NOT NULL,
  lifecycle_stage   TEXT COLLATE "C" NOT NULL,
  stage_rank        TEXT COLLATE "C" NOT NULL,
  eu_ai_act_class   TEXT COLLATE "C" NOT NULL,
  class_rank        TEXT COLLATE "C" NOT NULL,
  organization_role TEXT COLLATE "C" NOT NULL,
  search_text       TEXT COLLATE "C" NOT NULL,
  created_at        TEXT COLLATE "C" NOT NULL,
  updated_at        TEXT COLLATE "C" NOT NULL,
  doc               TEXT COLLATE "C" NOT NULL,
  UNIQUE (org_id, name_key)
);
CREATE INDEX systems_by_created ON systems (org_id, created_at, id);
CREATE INDEX systems_by_updated ON systems (org_id, updated_at, id);
CREATE INDEX systems_by_stage ON systems (org_id, stage_rank, id);
CREATE INDEX systems_by_class ON systems (org_id, class_rank, id);
CREATE INDEX systems_by_status ON systems (org_id, status, id);
CREATE INDEX systems_by_owner ON systems (org_id, owner_key, id);

CREATE TABLE history (
  org_id      TEXT COLLATE "C" NOT NULL,
  record_type TEXT COLLATE "C" NOT NULL,
  record_id   TEXT COLLATE "C" NOT NULL,
  version     BIGINT NOT NULL,
  at          TEXT COLLATE "C" NOT NULL,
  actor       TEXT COLLATE "C" NOT NULL,
  operation   TEXT COLLATE "C" NOT NULL,
  changes     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, record_type, record_id, version)
);
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
  org_id   TEXT COLLATE "C" PRIMARY KEY REFERENCES organizations (id),
  live     BIGINT NOT NULL,
  archived BIGINT NOT NULL,
  generation BIGINT NOT NULL
);
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
  org_id     TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  id         TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  doc        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX assessments_by_created ON assessments (org_id, created_at, id);

CREATE TABLE assessment_answers (
  org_id        TEXT COLLATE "C" NOT NULL,
  assessment_id TEXT COLLATE "C" NOT NULL,
  item_id       TEXT COLLATE "C" NOT NULL,
  version       BIGINT NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL,
  updated_at    TEXT COLLATE "C" NOT NULL,
  doc           TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, assessment_id, item_id),
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id)
);

CREATE TABLE roadmap_actions (
  org_id        TEXT COLLATE "C" NOT NULL,
  assessment_id TEXT COLLATE "C" NOT NULL,
  id            TEXT COLLATE "C" NOT NULL,
  position      BIGINT NOT NULL,
  version       BIGINT NOT NULL,
  created_at    TEXT COLLATE "C" NOT NULL,
  updated_at    TEXT COLLATE "C" NOT NULL,
  doc           TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, assessment_id, id),
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id)
);
CREATE INDEX roadmap_actions_by_position ON roadmap_actions (org_id, assessment_id, position, id);

CREATE TABLE soa_entries (
  org_id     TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  control_id TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  doc        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, control_id)
);

CREATE TABLE soa_versions (
  org_id     TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  number     BIGINT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  doc        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, number)
);
)sql";

// v5: generic records (risks, impact assessments, classifications, obligations, objectives,
// evidence, …): one table keyed by (organization, kind, parent, id), ordered by (parent, position,
// id), with one indexed lookup key (`ref`).
constexpr std::string_view kV5 = R"sql(
CREATE TABLE records (
  org_id     TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  kind       TEXT COLLATE "C" NOT NULL,
  parent_id  TEXT COLLATE "C" NOT NULL,
  id         TEXT COLLATE "C" NOT NULL,
  position   BIGINT NOT NULL,
  ref        TEXT COLLATE "C" NOT NULL,
  version    BIGINT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  doc        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, kind, parent_id, id)
);
CREATE INDEX records_by_position ON records (org_id, kind, parent_id, position, id);
CREATE INDEX records_by_ref ON records (org_id, kind, ref, parent_id, position, id);
)sql";

// v6: the tamper-evident audit log (docs/formats/audit-log.md): per organization, entries (the
// exact bytes hashed), the hashes of complete Merkle subtrees (so a proof needs O(log n) reads),
// the log's size (its tail, which concurrent appends serialize on) and signed checkpoints. Entries,
// nodes and checkpoints are append-only; history rows point at the entry of their change.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE history ADD COLUMN audit_seq BIGINT;

CREATE TABLE audit_heads (
  org_id TEXT COLLATE "C" PRIMARY KEY REFERENCES organizations (id),
  size   BIGINT NOT NULL
);

CREATE TABLE audit_entries (
  org_id    TEXT COLLATE "C" NOT NULL,
  seq       BIGINT NOT NULL,
  entry     TEXT COLLATE "C" NOT NULL,
  leaf_hash TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, seq)
);

CREATE TABLE audit_nodes (
  org_id TEXT COLLATE "C" NOT NULL,
  level  INTEGER NOT NULL,
  idx    BIGINT NOT NULL,
  hash   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, level, idx)
);

CREATE TABLE audit_checkpoints (
  org_id     TEXT COLLATE "C" NOT NULL,
  size       BIGINT NOT NULL,
  root_hash  TEXT COLLATE "C" NOT NULL,
  note       TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, size)
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_nodes_append_only BEFORE UPDATE OR DELETE ON audit_nodes
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
)sql";

// v7: accounts that resist attack (docs/accounts.md): failed log-ins counted per client address and
// per account and client address, shared by every server of the database; API tokens that expire
// ('' = never, the value of tokens made before v7), carry a scope and a last-used time.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE login_throttle (
  throttle_key  TEXT COLLATE "C" PRIMARY KEY,
  failures      BIGINT NOT NULL,
  blocked_until TEXT COLLATE "C" NOT NULL,
  updated_at    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX login_throttle_by_update ON login_throttle (updated_at);

ALTER TABLE api_tokens ADD COLUMN expires_at TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN scope TEXT COLLATE "C" NOT NULL DEFAULT 'write';
)sql";

// v8: lists of generic records filtered, sorted and paged in the database (docs/storage.md,
// "Facets"): eight text slots and one numeric slot the domain derives from each record, each
// indexed with (org_id, kind, slot, id); a lower-cased search text; and the revision of the rules
// that derived them (0 = not derived yet: the domain's start-up backfill fills those rows).
constexpr std::string_view kV8 = R"sql(
ALTER TABLE records ADD COLUMN facet0 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet1 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet2 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet3 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet4 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet5 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet6 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet7 TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet_number BIGINT NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN facet_search TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN facet_rev BIGINT NOT NULL DEFAULT 0;
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
ALTER TABLE users ADD COLUMN disabled_at TEXT COLLATE "C" NOT NULL DEFAULT '';
)sql";

// v10: filtered lists served by indexes, the same on both back-ends (sql/shared_migrations.hpp).
constexpr std::string_view kV10 = sql::kFilteredPagesV10;

// v11: stored counts of the generic records per organization, kind, parent, ref and text facet
// value (the totals of list pages; docs/storage.md, "Stored counts"), kept by a trigger on
// `records` in the transaction of every write, and filled by the shared backfill.
std::string record_counts_v11() {
  std::string s = R"sql(
CREATE TABLE record_counts (
  org_id TEXT COLLATE "C" NOT NULL,
  kind   TEXT COLLATE "C" NOT NULL,
  slot   BIGINT NOT NULL,
  value  TEXT COLLATE "C" NOT NULL,
  n      BIGINT NOT NULL,
  PRIMARY KEY (org_id, kind, slot, value)
);
CREATE FUNCTION record_counts_add(o TEXT, k TEXT, s BIGINT, v TEXT, d BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_counts AS c (org_id, kind, slot, value, n) VALUES (o, k, s, v, d)
    ON CONFLICT (org_id, kind, slot, value) DO UPDATE SET n = c.n + EXCLUDED.n;
  IF d < 0 THEN
    DELETE FROM record_counts WHERE org_id = o AND kind = k AND slot = s AND value = v AND n <= 0;
  END IF;
END $$;
CREATE FUNCTION records_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM record_counts_add(OLD.org_id, OLD.kind, -1, '', -1);
)sql";
  auto both = [](const std::string& row, int d, int slot, const std::string& value) {
    return "    PERFORM record_counts_add(" + row + ".org_id, " + row + ".kind, " + std::to_string(slot) + ", " + value + ", " +
           std::to_string(d) + ");\n";
  };
  for (auto [slot, col] : sql::kCountedColumns) s += both("OLD", -1, slot, "OLD." + std::string(col));
  s += "  ELSIF TG_OP = 'INSERT' THEN\n" + both("NEW", 1, -1, "''");
  for (auto [slot, col] : sql::kCountedColumns) s += both("NEW", 1, slot, "NEW." + std::string(col));
  s += "  ELSE\n";
  const std::string moved = "NEW.org_id IS DISTINCT FROM OLD.org_id OR NEW.kind IS DISTINCT FROM OLD.kind";
  s += "    IF " + moved + " THEN\n  " + both("OLD", -1, -1, "''") + "  " + both("NEW", 1, -1, "''") + "    END IF;\n";
  for (auto [slot, col] : sql::kCountedColumns) {
    const std::string c(col);
    s += "    IF " + moved + " OR NEW." + c + " IS DISTINCT FROM OLD." + c + " THEN\n  " + both("OLD", -1, slot, "OLD." + c) +
         "  " + both("NEW", 1, slot, "NEW." + c) + "    END IF;\n";
  }
  s += "  END IF;\n  RETURN NULL;\nEND $$;\n"
       "CREATE TRIGGER records_counted AFTER INSERT OR UPDATE OR DELETE ON records FOR EACH ROW EXECUTE FUNCTION records_counted();\n";
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
CREATE FUNCTION records_view_dropped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.list_view <> '' AND NEW.list_view = OLD.list_view
     AND (NEW.doc IS DISTINCT FROM OLD.doc OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.position IS DISTINCT FROM OLD.position OR NEW.created_at IS DISTINCT FROM OLD.created_at
          OR NEW.updated_at IS DISTINCT FROM OLD.updated_at) THEN
    NEW.list_view := '';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER records_view_dropped BEFORE UPDATE ON records FOR EACH ROW EXECUTE FUNCTION records_view_dropped();
)sql";

// v14: the last successful log-in of each user (docs/accounts.md): '' = never.
constexpr std::string_view kV14 = R"sql(
ALTER TABLE users ADD COLUMN last_login_at TEXT COLLATE "C" NOT NULL DEFAULT '';
)sql";

// v15: the action index
// (docs/storage.md, "The action index"): one row per action a record holds, written by the domain
// in the record's transaction; a deleted record or roadmap action takes its rows with it (triggers);
// actions_backfill remembers which kinds the start-up backfill has indexed in each organization.
constexpr std::string_view kV15 = R"sql(
CREATE TABLE actions (
  org_id         TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  kind           TEXT COLLATE "C" NOT NULL,
  parent_id      TEXT COLLATE "C" NOT NULL,
  record_id      TEXT COLLATE "C" NOT NULL,
  sub_id         TEXT COLLATE "C" NOT NULL,
  title          TEXT COLLATE "C" NOT NULL,
  owner          TEXT COLLATE "C" NOT NULL,
  due            TEXT COLLATE "C" NOT NULL,
  status         TEXT COLLATE "C" NOT NULL,
  search         TEXT COLLATE "C" NOT NULL,
  source_version BIGINT NOT NULL,
  updated_at     TEXT COLLATE "C" NOT NULL,
  doc            TEXT COLLATE "C" NOT NULL,
  rev            BIGINT NOT NULL,
  row_key        TEXT COLLATE "C" NOT NULL,
  due_sort       TEXT COLLATE "C" NOT NULL,
  title_key      TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, kind, parent_id, record_id, sub_id)
);
CREATE UNIQUE INDEX actions_by_key ON actions (org_id, row_key);
CREATE INDEX actions_by_due ON actions (org_id, due_sort, row_key);
CREATE INDEX actions_by_updated ON actions (org_id, updated_at, row_key);
CREATE INDEX actions_by_title ON actions (org_id, title_key, row_key);
CREATE INDEX actions_by_owner ON actions (org_id, owner, status, due_sort, row_key);
CREATE INDEX actions_by_status ON actions (org_id, status, due_sort, row_key);
CREATE TABLE actions_backfill (
  org_id TEXT COLLATE "C" NOT NULL,
  kind   TEXT COLLATE "C" NOT NULL,
  rev    BIGINT NOT NULL,
  PRIMARY KEY (org_id, kind)
);
CREATE FUNCTION actions_of_deleted_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM actions WHERE org_id = OLD.org_id AND kind = OLD.kind AND parent_id = OLD.parent_id AND record_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER actions_of_deleted_record AFTER DELETE ON records FOR EACH ROW EXECUTE FUNCTION actions_of_deleted_record();
CREATE FUNCTION actions_of_deleted_roadmap_action() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM actions WHERE org_id = OLD.org_id AND kind = 'roadmap_action' AND parent_id = OLD.assessment_id
    AND record_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER actions_of_deleted_roadmap_action AFTER DELETE ON roadmap_actions FOR EACH ROW
  EXECUTE FUNCTION actions_of_deleted_roadmap_action();
)sql";

// v16: evidence files in the database (docs/evidence.md, "Where evidence lives"; PgBlobStore).
// An upload's bytes go to evidence_contents/evidence_chunks as they arrive (a staging content that
// no evidence_blobs row names yet); the commit names it as the blob (org_id, sha256) in one
// transaction. Removing a content takes its chunks with it.
constexpr std::string_view kV16 = R"sql(
CREATE TABLE evidence_contents (
  id         TEXT COLLATE "C" PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE evidence_chunks (
  content_id TEXT COLLATE "C" NOT NULL REFERENCES evidence_contents (id) ON DELETE CASCADE,
  n          BIGINT NOT NULL,
  bytes      BYTEA NOT NULL,
  PRIMARY KEY (content_id, n)
);
CREATE TABLE evidence_blobs (
  org_id     TEXT COLLATE "C" NOT NULL,
  sha256     TEXT COLLATE "C" NOT NULL,
  content_id TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES evidence_contents (id),
  size       BIGINT NOT NULL,
  stored_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, sha256)
);
CREATE INDEX evidence_contents_by_start ON evidence_contents (started_at);
)sql";

// v17: notifications (docs/notifications.md): the webhook endpoints of each organization (the secret
// that signs their deliveries is kept here and shown once), the queue of deliveries (webhook calls
// and e-mails) that the server's worker sends and retries, each attempt's log, what the periodic
// scan has already sent (one event once per recipient and occurrence), and each user's choices.
constexpr std::string_view kV17 = R"sql(
CREATE TABLE webhooks (
  id          TEXT COLLATE "C" PRIMARY KEY,
  org_id      TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  url         TEXT NOT NULL,
  events      TEXT NOT NULL,
  description TEXT NOT NULL,
  secret      TEXT NOT NULL,
  created_at  TEXT COLLATE "C" NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX webhooks_by_org ON webhooks (org_id, created_at, id);
CREATE TABLE notification_deliveries (
  id              TEXT COLLATE "C" PRIMARY KEY,
  org_id          TEXT COLLATE "C" NOT NULL REFERENCES organizations (id),
  channel         TEXT COLLATE "C" NOT NULL,
  target_id       TEXT COLLATE "C" NOT NULL,
  address         TEXT NOT NULL,
  event_id        TEXT COLLATE "C" NOT NULL,
  event_type      TEXT COLLATE "C" NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT COLLATE "C" NOT NULL,
  attempts        BIGINT NOT NULL,
  attempts_left   BIGINT NOT NULL,
  next_attempt_at TEXT COLLATE "C" NOT NULL,
  last_status     BIGINT NOT NULL,
  last_error      TEXT NOT NULL,
  created_at      TEXT COLLATE "C" NOT NULL,
  updated_at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX notification_deliveries_by_org ON notification_deliveries (org_id, channel, created_at, id);
CREATE INDEX notification_deliveries_by_target ON notification_deliveries (org_id, target_id, created_at, id);
CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at, id);
CREATE TABLE notification_attempts (
  delivery_id      TEXT COLLATE "C" NOT NULL REFERENCES notification_deliveries (id),
  n                BIGINT NOT NULL,
  at               TEXT COLLATE "C" NOT NULL,
  status_code      BIGINT NOT NULL,
  response_excerpt TEXT NOT NULL,
  error            TEXT NOT NULL,
  duration_ms      BIGINT NOT NULL,
  PRIMARY KEY (delivery_id, n)
);
CREATE TABLE notification_sent (
  org_id    TEXT COLLATE "C" NOT NULL,
  event_key TEXT COLLATE "C" NOT NULL,
  recipient TEXT COLLATE "C" NOT NULL,
  sent_at   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (org_id, event_key, recipient)
);
CREATE TABLE notification_preferences (
  user_id    TEXT COLLATE "C" NOT NULL REFERENCES users (id),
  event_type TEXT COLLATE "C" NOT NULL,
  email      BIGINT NOT NULL,
  PRIMARY KEY (user_id, event_type)
);
)sql";

// v18: an upload holds the blob it committed until its evidence record is written (PgBlobStore;
// docs/evidence.md, "Where evidence lives"). Servers that share the database remove a blob only when
// no upload holds it and no live evidence names it, in the statement that removes it, so an upload
// on one server cannot lose its file to a deletion of the same bytes on another.
constexpr std::string_view kV18 = R"sql(
ALTER TABLE evidence_blobs ADD COLUMN holds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE evidence_blobs ADD COLUMN held_at TIMESTAMPTZ;
)sql";

const std::array<std::string_view, 18> kMigrations{kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8, kV9, kV10, kV11, kV12, kV13, kV14, kV15, kV16, kV17, kV18};

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

}  // namespace aims::store::postgres
