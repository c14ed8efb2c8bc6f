// Storage interfaces of aims, in domain words. No SQL here: implementations live in
// src/store/sqlite and src/store/postgres and pass the same conformance suite (tests/conformance).
//
// A Store is owned by the composition root and is thread-safe: read() and write() may be called
// from many threads at once. A ReadTx/WriteTx is valid only inside its callback and is used by one
// thread. The domain mints ids and UTC times (RFC 3339, e.g. 2026-11-22T10:35:00.123Z) and passes
// them in; the store never invents them.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace aims::store {

struct Organization {
  std::string id;
  std::string name;
  std::string created_at;
};

struct User {
  std::string id;
  std::string email;          // stored lower-cased; unique across the installation
  std::string name;
  std::string password_hash;  // libsodium argon2id string
  std::string created_at;
  std::string disabled_at;    // "" = active; else when the user was deactivated (no log-in, no tokens)
};

/// A user's role in one organization. role is one of admin, manager, contributor, auditor, viewer.
struct Membership {
  std::string org_id;
  std::string org_name;  // filled by reads (join); ignored on insert
  std::string user_id;
  std::string role;
  std::string created_at;
};

/// A login session. The token itself is never stored, only its SHA-256 hex.
struct Session {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
};

/// An API token. The token itself is never stored, only its SHA-256 hex.
struct ApiToken {
  std::string id;
  std::string user_id;
  std::string name;
  std::string token_hash;
  std::string created_at;
  std::string expires_at;    // "" = never
  std::string last_used_at;  // "" = not used yet; bookkeeping, updated at most once a minute
  std::string scope = "write";  // "read" (safe methods only) or "write"
  std::string user_email;    // filled by list reads (join); ignored on insert
};

/// Failed log-ins counted under one key (a client address, or an account with a client address).
struct LoginThrottleRow {
  std::string key;
  std::int64_t failures = 0;
  std::string blocked_until;  // "" = not blocked
  std::string updated_at;
};

/// An AI system as stored: indexed columns plus the full record as JSON text (`doc`).
/// The sort keys are TEXT and compare bytewise; the domain fills them.
struct SystemRow {
  std::string id;
  std::string org_id;
  std::int64_t version = 1;
  bool archived = false;
  std::string name_key;         // lower-cased name; unique per organization among all systems
  std::string owner_key;        // lower-cased owner
  std::string status;
  std::string lifecycle_stage;
  std::string stage_rank;       // "1".."7" in life-cycle order
  std::string eu_ai_act_class;
  std::string class_rank;       // see kClassRanks in domain/inventory/system_fields.cpp
  std::string organization_role;
  std::string search_text;      // lower-cased text searched by `q`
  std::string created_at;
  std::string updated_at;
  std::string doc;              // the record as JSON, exact bytes
};

enum class SystemSort { name, created_at, updated_at, lifecycle_stage, eu_ai_act_class, status, owner };
enum class ArchivedFilter { active_only, archived_only, all };

/// Keyset position: the sort value and id of the last row of the previous page.
struct SystemCursor {
  std::string sort_value;
  std::string id;
};

struct SystemQuery {
  std::string org_id;
  SystemSort sort = SystemSort::name;
  bool descending = false;           // ties are broken by id in the same direction
  std::optional<std::string> status, lifecycle_stage, eu_ai_act_class, organization_role;
  std::optional<std::string> text;   // lower-cased; matches rows whose search_text contains it (literal, no wildcards)
  ArchivedFilter archived = ArchivedFilter::active_only;
  int limit = 50;                    // rows wanted; the store returns at most limit rows
  std::optional<SystemCursor> after; // start after this position
};

struct SystemPage {
  /// Rows of a list carry id, org_id, version, archived, created_at, updated_at, doc and the
  /// column of the query's sort; the other columns are left empty (fetch one with find_system).
  std::vector<SystemRow> items;
  std::int64_t total = 0;  // rows matching the filters, ignoring limit and cursor
  bool more = false;       // rows remain after the last item
};

/// One entry of a record's history (who changed what and when).
struct HistoryRow {
  std::string org_id;
  std::string record_type;  // e.g. "system"
  std::string record_id;
  std::int64_t version = 0; // the record's version after the change
  std::string at;
  std::string actor;        // user email, or "system" for seeding
  std::string operation;    // create, update, archive, restore, import
  std::string changes;      // JSON array text: [{"field":..,"from":..,"to":..}]
  std::optional<std::int64_t> audit_seq{};  // the audit log entry of this change (set by the audit
                                            // log's store decorator; empty before the log existed)
};

/// The values a generic record is listed by (docs/storage.md, "Facets"): derived by the domain
/// from the record (src/domain/records/) and written by put_record with it. Text slots compare
/// bytewise; `number` numerically. What each slot means is the kind's choice.
struct RecordFacets {
  static constexpr std::size_t kTextSlots = 8;
  std::array<std::string, kTextSlots> text{};  // slots text0..text7
  std::int64_t number = 0;                      // one numeric slot
  std::string search;    // lower-cased text that RecordQuery::text searches (literal substring)
  std::int64_t rev = 0;  // which revision of the kind's facet rules derived them (for backfills)
};

/// A record kept as JSON (`doc`, exact bytes) with the few columns needed to find, order and
/// version it: assessments, assessment answers, roadmap actions, SoA entries and SoA versions,
/// and every record of the generic kinds (find_record / put_record).
/// What `id` and `parent_id` mean depends on the record (see each method).
struct RecordRow {
  std::string kind;           // generic records only: e.g. "risk", "impact_assessment", "objective"
  std::string org_id;
  std::string parent_id;      // assessment id for answers and roadmap actions; empty otherwise
  std::string id;             // assessment id, catalog item id, action id, control id, or version number as text
  std::int64_t version = 1;   // optimistic concurrency; for SoA versions: the version number
  std::int64_t position = 0;  // order within the parent (roadmap actions, generic records); 0 otherwise
  std::string ref;            // generic records only: one indexed lookup key the domain chooses
                              // (e.g. the AI system a risk belongs to, the target of a link)
  std::string created_at;
  std::string updated_at;
  std::string doc;            // the record as JSON, exact bytes
  RecordFacets facets{};      // generic records only: written by put_record, read by every read
};

/// Keyset position in a list of generic records: the (parent_id, position, id) of the last row
/// of the previous page.
struct RecordCursor {
  std::string parent_id;
  std::int64_t position = 0;
  std::string id;
};

/// Which generic records to list. Rows come ordered by (parent_id, position, id), bytewise.
struct RecordFilter {
  std::string org_id;
  std::string kind;
  std::optional<std::string> parent_id;  // only children of this parent ("" = top-level rows)
  std::optional<std::string> ref;        // only rows with this ref
  int limit = 0;                         // at most this many rows; 0 = all
  std::optional<RecordCursor> after;     // start after this position
  std::optional<std::int64_t> facets_rev_not;  // only rows whose facets.rev differs (backfills)
};

/// A column generic records are filtered or sorted on: a text facet slot, the numeric slot, or
/// one of the record's own columns.
enum class FacetSlot { text0, text1, text2, text3, text4, text5, text6, text7, number, position, created_at, updated_at };

/// Text slots (and created_at / updated_at) hold text; number and position hold numbers.
inline bool is_numeric(FacetSlot s) { return s == FacetSlot::number || s == FacetSlot::position; }

/// Rows whose text `slot` is one of `any_of` (an empty list matches nothing).
struct FacetIn {
  FacetSlot slot = FacetSlot::text0;
  std::vector<std::string> any_of;
};

/// Keyset position in a RecordQuery's order: the sort value (text or number, by the slot), the
/// id and the parent_id of the last row of the previous page.
struct RecordPosition {
  std::string text;
  std::int64_t number = 0;
  std::string id;
  std::string parent_id;
};

/// A page of generic records filtered, sorted and keyset-paged by the store. Rows are ordered by
/// (sort, id, parent_id), all in the same direction, bytewise for text and numerically for numbers.
struct RecordQuery {
  std::string org_id;
  std::string kind;
  std::optional<std::string> parent_id;  // only children of this parent ("" = top-level rows)
  std::optional<std::string> ref;        // only rows with this ref
  std::vector<FacetIn> filters;          // all must hold
  /// Rows whose text slot is not empty and sorts before the value (e.g. a date before today).
  std::optional<std::pair<FacetSlot, std::string>> below;
  /// Lower-cased literal text (no wildcards) that facets.search contains; a row whose ref is in
  /// `or_ref_in` matches too (a text found in another record the row refers to).
  std::optional<std::string> text;
  std::vector<std::string> or_ref_in;
  FacetSlot sort = FacetSlot::position;
  bool descending = false;
  int limit = 50;                          // rows wanted; 0 = all
  std::optional<RecordPosition> after;     // start after this position
  bool count = true;                       // fill RecordPage::total
};

struct RecordPage {
  std::vector<RecordRow> items;
  std::int64_t total = 0;  // rows matching the filters, ignoring limit and cursor (when counted)
  bool more = false;       // rows remain after the last item
};

/// One entry of an organization's audit log (docs/formats/audit-log.md).
struct AuditEntryRow {
  std::string org_id;
  std::int64_t seq = 0;   // the leaf index: 0, 1, 2, … per organization, without gaps
  std::string entry;      // the canonical JSON that was hashed, exact bytes
  std::string leaf_hash;  // lower-case hex of SHA-256(0x00 || entry)
};

/// The hash of a complete subtree of an organization's audit Merkle tree: the leaves
/// [index * 2^level, (index + 1) * 2^level). Level 0 is the entries' leaf hashes.
struct AuditNodeRow {
  int level = 1;
  std::int64_t index = 0;
  std::string hash;  // lower-case hex
};

/// A checkpoint signed over an organization's audit log: a C2SP signed note.
struct AuditCheckpointRow {
  std::string org_id;
  std::int64_t size = 0;   // entries covered
  std::string root_hash;   // lower-case hex of the Merkle root of those entries
  std::string note;        // the signed note, exact bytes
  std::string created_at;
};

/// Reads inside one consistent snapshot.
class ReadTx {
 public:
  virtual ~ReadTx() = default;

  virtual std::optional<Organization> find_org(const std::string& id) = 0;
  virtual std::optional<Organization> find_org_by_name(const std::string& name) = 0;
  virtual std::vector<Organization> list_orgs() = 0;  // by created_at, then id

  virtual std::optional<User> find_user(const std::string& id) = 0;
  virtual std::optional<User> find_user_by_email(const std::string& email) = 0;  // email lower-cased by caller

  /// The user's memberships, oldest first, with org_name filled.
  virtual std::vector<Membership> list_memberships(const std::string& user_id) = 0;
  virtual std::optional<Membership> find_membership(const std::string& user_id, const std::string& org_id) = 0;

  virtual std::optional<Session> find_session(const std::string& token_hash) = 0;
  virtual std::optional<ApiToken> find_api_token(const std::string& token_hash) = 0;
  virtual std::optional<ApiToken> find_api_token_by_id(const std::string& id) = 0;
  /// The user's API tokens, by created_at then id, with user_email filled.
  virtual std::vector<ApiToken> list_api_tokens(const std::string& user_id) = 0;
  /// The API tokens of the organization's members, by created_at then id, with user_email filled.
  virtual std::vector<ApiToken> list_org_api_tokens(const std::string& org_id) = 0;
  /// The organization's memberships, oldest first, with org_name filled.
  virtual std::vector<Membership> list_org_members(const std::string& org_id) = 0;
  virtual std::optional<LoginThrottleRow> find_login_throttle(const std::string& key) = 0;

  virtual std::optional<SystemRow> find_system(const std::string& org_id, const std::string& id) = 0;
  virtual std::optional<SystemRow> find_system_by_name_key(const std::string& org_id, const std::string& name_key) = 0;
  virtual SystemPage list_systems(const SystemQuery& q) = 0;
  virtual std::int64_t count_systems(const std::string& org_id) = 0;  // all, archived included
  /// A number that grows with every committed insert or update of the organization's systems
  /// (0 before the first): a list read in the same transaction is current while it is unchanged.
  virtual std::int64_t systems_generation(const std::string& org_id) = 0;

  // Gap assessments (SPEC §4). Lists are newest first (created_at, then id, descending);
  // `before` pages: entries strictly after that position in this order.
  virtual std::optional<RecordRow> find_assessment(const std::string& org_id, const std::string& id) = 0;
  virtual std::vector<RecordRow> list_assessments(const std::string& org_id, int limit,
                                                  const std::optional<std::pair<std::string, std::string>>& before) = 0;
  /// Answers of one assessment, by item id (bytewise).
  virtual std::vector<RecordRow> list_answers(const std::string& org_id, const std::string& assessment_id) = 0;
  virtual std::optional<RecordRow> find_answer(const std::string& org_id, const std::string& assessment_id,
                                               const std::string& item_id) = 0;
  /// Roadmap actions of one assessment, by position then id.
  virtual std::vector<RecordRow> list_roadmap_actions(const std::string& org_id, const std::string& assessment_id) = 0;

  // Statement of Applicability (SPEC §5): the working entries by control id (bytewise), and the
  // approved versions newest first (number descending).
  virtual std::vector<RecordRow> list_soa_entries(const std::string& org_id) = 0;
  virtual std::optional<RecordRow> find_soa_entry(const std::string& org_id, const std::string& control_id) = 0;
  virtual std::vector<RecordRow> list_soa_versions(const std::string& org_id) = 0;
  virtual std::optional<RecordRow> find_soa_version(const std::string& org_id, std::int64_t number) = 0;

  // Generic records (risks, impact assessments, classifications, obligations, objectives,
  // evidence, …), keyed by (org_id, kind, parent_id, id). Organizations never see each other's.
  virtual std::optional<RecordRow> find_record(const std::string& org_id, const std::string& kind,
                                               const std::string& parent_id, const std::string& id) = 0;
  virtual std::vector<RecordRow> list_records(const RecordFilter& f) = 0;
  /// Rows matching the filter's org_id, kind, parent_id and ref (limit and cursor ignored).
  virtual std::int64_t count_records(const RecordFilter& f) = 0;
  /// Filters, sorts and pages generic records in the database (see RecordQuery).
  virtual RecordPage query_records(const RecordQuery& q) = 0;

  // The audit log (docs/formats/audit-log.md): per organization an append-only list of entries,
  // the hashes of its complete Merkle subtrees, and the checkpoints signed over it.
  /// Entries in the organization's log: the seq the next entry gets (0 for none).
  virtual std::int64_t audit_size(const std::string& org_id) = 0;
  /// Entries with seq >= from, in seq order, at most `limit`.
  virtual std::vector<AuditEntryRow> list_audit_entries(const std::string& org_id, std::int64_t from, int limit) = 0;
  /// The hash of the complete subtree (level, index); level 0 is the leaf hash of entry `index`.
  virtual std::optional<std::string> find_audit_node(const std::string& org_id, int level, std::int64_t index) = 0;
  virtual std::optional<AuditCheckpointRow> find_audit_checkpoint(const std::string& org_id, std::int64_t size) = 0;
  /// Checkpoints, largest size first, at most `limit`; `below_size` pages (sizes below it).
  virtual std::vector<AuditCheckpointRow> list_audit_checkpoints(const std::string& org_id, int limit,
                                                                 std::optional<std::int64_t> below_size) = 0;

  /// History of one record, newest first; `before_version` pages (entries with version < it).
  virtual std::vector<HistoryRow> list_history(const std::string& org_id, const std::string& record_type,
                                               const std::string& record_id, int limit,
                                               std::optional<std::int64_t> before_version) = 0;
};

/// Reads and writes inside one transaction. Insert methods return errc::conflict on a unique-key clash.
class WriteTx : public ReadTx {
 public:
  virtual status insert_org(const Organization& o) = 0;        // unique name
  virtual status insert_user(const User& u) = 0;               // unique email
  virtual status insert_membership(const Membership& m) = 0;   // unique (org_id, user_id)
  virtual status insert_session(const Session& s) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_expired_sessions(const std::string& now) = 0;
  virtual status insert_api_token(const ApiToken& t) = 0;  // unique id and token_hash
  /// errc::not_found if absent.
  virtual status delete_api_token(const std::string& id) = 0;
  virtual void touch_api_token(const std::string& id, const std::string& at) = 0;  // sets last_used_at
  /// Ends a user's access: deletes all their sessions and API tokens.
  virtual void delete_user_credentials(const std::string& user_id) = 0;
  /// Ends a user's sessions except the one of `keep_token_hash` ("" keeps none).
  virtual void delete_other_sessions(const std::string& user_id, const std::string& keep_token_hash) = 0;
  /// Sets the user's password hash; errc::not_found if absent.
  virtual status update_user_password(const std::string& user_id, const std::string& password_hash) = 0;
  /// Sets the user's disabled_at ("" = active again); errc::not_found if absent.
  virtual status set_user_disabled(const std::string& user_id, const std::string& disabled_at) = 0;
  /// errc::not_found if absent.
  virtual status delete_membership(const std::string& org_id, const std::string& user_id) = 0;
  /// Inserts or replaces the row of r.key.
  virtual void put_login_throttle(const LoginThrottleRow& r) = 0;
  virtual void delete_login_throttle(const std::string& key) = 0;
  /// Deletes the rows last updated before `before` that are not blocked after it.
  virtual void delete_stale_login_throttles(const std::string& before) = 0;
  virtual status insert_system(const SystemRow& s) = 0;        // unique id; unique (org_id, name_key)
  /// Replaces the row whose (org_id, id) match and whose stored version is expected_version.
  /// errc::not_found if absent, errc::precondition_failed if the version differs,
  /// errc::conflict on a name_key clash.
  virtual status update_system(const SystemRow& s, std::int64_t expected_version) = 0;
  virtual status insert_history(const HistoryRow& h) = 0;

  /// Unique (org_id, id); conflict on a clash.
  virtual status insert_assessment(const RecordRow& r) = 0;
  /// Replaces the assessment (org_id, id) whose stored version is expected_version: not_found /
  /// precondition_failed as update_system.
  virtual status update_assessment(const RecordRow& r, std::int64_t expected_version) = 0;
  /// Inserts (expected_version 0: conflict if it exists) or replaces (stored version must equal
  /// expected_version, else precondition_failed; not_found if absent) the answer keyed by
  /// (org_id, parent_id = assessment id, id = item id). Same rule for put_soa_entry (key org_id, id).
  virtual status put_answer(const RecordRow& r, std::int64_t expected_version) = 0;
  /// Replaces all roadmap actions of an assessment with `actions` (which all carry that parent_id).
  virtual status replace_roadmap_actions(const std::string& org_id, const std::string& assessment_id,
                                         const std::vector<RecordRow>& actions) = 0;
  /// Replaces one roadmap action (org_id, parent_id, id) at expected_version; not_found / precondition_failed.
  virtual status update_roadmap_action(const RecordRow& r, std::int64_t expected_version) = 0;
  virtual status put_soa_entry(const RecordRow& r, std::int64_t expected_version) = 0;
  /// Approved versions are immutable: insert only; conflict if (org_id, version) exists.
  virtual status insert_soa_version(const RecordRow& r) = 0;

  /// Inserts (expected_version 0: conflict if the key exists) or replaces (stored version must
  /// equal expected_version, else precondition_failed; not_found if absent) the generic record
  /// keyed by (org_id, kind, parent_id, id). Replacing writes version, position, ref,
  /// created_at, updated_at and doc.
  virtual status put_record(const RecordRow& r, std::int64_t expected_version) = 0;
  /// Replaces only the facets of a generic record (its version and doc stay): for re-deriving
  /// facets of stored rows. errc::not_found if absent.
  virtual status set_record_facets(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                   const std::string& id, const RecordFacets& facets) = 0;
  /// Deletes the generic record if its stored version is expected_version: not_found /
  /// precondition_failed as put_record.
  virtual status delete_record(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                               const std::string& id, std::int64_t expected_version) = 0;

  /// Appends `e` to its organization's audit log with the subtree hashes (level >= 1) it completes.
  /// e.seq must be audit_size(e.org_id) as read in this transaction (errc::internal otherwise).
  /// Appends to one organization serialize on the log's tail: on SQLite writers are serialized;
  /// on PostgreSQL a transaction that appended concurrently fails with 40001 and is retried whole.
  virtual status append_audit_entry(const AuditEntryRow& e, const std::vector<AuditNodeRow>& nodes) = 0;
  /// Stores a checkpoint. Another one of the same size: ok if identical, else errc::conflict.
  virtual status insert_audit_checkpoint(const AuditCheckpointRow& c) = 0;
};

/// A storage backend. Thread-safe.
class Store {
 public:
  virtual ~Store() = default;
  /// Runs fn in a read transaction. fn's error is returned as is.
  virtual status read(const std::function<status(ReadTx&)>& fn) = 0;
  /// Runs fn in a write transaction and commits if fn succeeds; rolls back if it fails.
  /// fn may run more than once (retried on SQLITE_BUSY / SQLSTATE 40001 and 40P01), so it must
  /// not have effects outside the transaction. Returns only after the commit is durable.
  virtual status write(const std::function<status(WriteTx&)>& fn) = 0;
  /// "sqlite" or "postgres".
  virtual std::string backend() const = 0;
  /// A cheap check that the store answers (for /healthz).
  virtual bool healthy() = 0;
};

/// The process's transaction figures, over every store it opened (for /metrics). Counters only
/// grow; a value; reading them is thread-safe.
struct TxFigures {
  std::uint64_t reads = 0, writes = 0;  // transactions run to their end (a retried write counts once)
  std::uint64_t retries = 0;            // write attempts rolled back and run again
  std::uint64_t gave_up = 0;            // writes answered busy after their last attempt
  double read_seconds = 0, write_seconds = 0;  // time in them, lock waits and back-offs included
  std::uint64_t group_commits = 0;      // commits each of which made a group of writes durable (SQLite)
};
TxFigures tx_figures();

/// Opens a store from a location: a filesystem path to an SQLite file, or a PostgreSQL
/// connection string beginning with "postgres://" or "postgresql://" (or "host=" key/value form).
/// Runs pending migrations. Errors: errc::unavailable with a detail naming the problem.
result<std::unique_ptr<Store>> open_store(const std::string& location);

}  // namespace aims::store
