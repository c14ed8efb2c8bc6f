// The one implementation of store.hpp's ReadTx/WriteTx, in portable SQL over a Connection.
#pragma once
#include <functional>

#include "store/sql/connection.hpp"
#include "store/account_details.hpp"
#include "store/actions.hpp"
#include "store/audit_entry_queries.hpp"
#include "store/batch_lookups.hpp"
#include "store/list_views.hpp"
#include "store/notifications.hpp"
#include "store/store.hpp"

namespace aims::store::sql {

/// A transaction's view of the data. Created by the transaction runner for one callback and used
/// by that callback's thread only; it borrows the connection, which must outlive it. Methods throw
/// SqlError on database failure (the runner turns it into a status); expected outcomes such as a
/// unique-key clash are returned as status without disturbing the transaction.
class SqlTx final : public WriteTx, public AuditEntryQueries, public BatchLookups, public ListViews,
                    public AccountDetails, public ActionIndex,
                    public NotificationStore {
 public:
  explicit SqlTx(Connection& c) : c_(c) {}

  std::optional<Organization> find_org(const std::string& id) override;
  std::optional<Organization> find_org_by_name(const std::string& name) override;
  std::vector<Organization> list_orgs() override;
  std::optional<User> find_user(const std::string& id) override;
  std::optional<User> find_user_by_email(const std::string& email) override;
  std::vector<Membership> list_memberships(const std::string& user_id) override;
  std::optional<Membership> find_membership(const std::string& user_id, const std::string& org_id) override;
  std::optional<Session> find_session(const std::string& token_hash) override;
  std::optional<ApiToken> find_api_token(const std::string& token_hash) override;
  std::optional<ApiToken> find_api_token_by_id(const std::string& id) override;
  std::vector<ApiToken> list_api_tokens(const std::string& user_id) override;
  std::vector<ApiToken> list_org_api_tokens(const std::string& org_id) override;
  std::vector<Membership> list_org_members(const std::string& org_id) override;
  std::optional<LoginThrottleRow> find_login_throttle(const std::string& key) override;

  std::optional<SystemRow> find_system(const std::string& org_id, const std::string& id) override;
  std::optional<SystemRow> find_system_by_name_key(const std::string& org_id, const std::string& name_key) override;
  std::vector<SystemRow> find_systems(const std::string& org_id, const std::vector<std::string>& ids) override;
  SystemPage list_systems(const SystemQuery& q) override;
  std::int64_t count_systems(const std::string& org_id) override;
  std::vector<HistoryRow> list_history(const std::string& org_id, const std::string& record_type,
                                       const std::string& record_id, int limit,
                                       std::optional<std::int64_t> before_version) override;

  std::optional<RecordRow> find_assessment(const std::string& org_id, const std::string& id) override;
  std::vector<RecordRow> list_assessments(const std::string& org_id, int limit,
                                          const std::optional<std::pair<std::string, std::string>>& before) override;
  std::vector<RecordRow> list_answers(const std::string& org_id, const std::string& assessment_id) override;
  std::optional<RecordRow> find_answer(const std::string& org_id, const std::string& assessment_id,
                                       const std::string& item_id) override;
  std::vector<RecordRow> list_roadmap_actions(const std::string& org_id, const std::string& assessment_id) override;
  std::vector<RecordRow> list_soa_entries(const std::string& org_id) override;
  std::optional<RecordRow> find_soa_entry(const std::string& org_id, const std::string& control_id) override;
  std::vector<RecordRow> list_soa_versions(const std::string& org_id) override;
  std::optional<RecordRow> find_soa_version(const std::string& org_id, std::int64_t number) override;

  status insert_org(const Organization& o) override;
  status insert_user(const User& u) override;
  status insert_membership(const Membership& m) override;
  status insert_session(const Session& s) override;
  void delete_session(const std::string& token_hash) override;
  void delete_expired_sessions(const std::string& now) override;
  status insert_api_token(const ApiToken& t) override;
  status delete_api_token(const std::string& id) override;
  void touch_api_token(const std::string& id, const std::string& at) override;
  void delete_user_credentials(const std::string& user_id) override;
  void delete_other_sessions(const std::string& user_id, const std::string& keep_token_hash) override;
  status update_user_password(const std::string& user_id, const std::string& password_hash) override;
  status set_user_disabled(const std::string& user_id, const std::string& disabled_at) override;
  std::map<std::string, std::string> find_last_logins(const std::vector<std::string>& user_ids) override;
  std::vector<DirectoryEntry> page_directory(const DirectoryQuery& q) override;
  std::int64_t count_directory(const DirectoryQuery& q) override;
  status set_user_last_login(const std::string& user_id, const std::string& at) override;
  status set_user_name(const std::string& user_id, const std::string& name) override;
  status rename_org(const std::string& org_id, const std::string& name) override;
  status delete_membership(const std::string& org_id, const std::string& user_id) override;
  void put_login_throttle(const LoginThrottleRow& r) override;
  void delete_login_throttle(const std::string& key) override;
  void delete_stale_login_throttles(const std::string& before) override;
  std::int64_t systems_generation(const std::string& org_id) override;
  status insert_system(const SystemRow& s) override;
  status update_system(const SystemRow& s, std::int64_t expected_version) override;
  status insert_history(const HistoryRow& h) override;

  status insert_assessment(const RecordRow& r) override;
  status update_assessment(const RecordRow& r, std::int64_t expected_version) override;
  status put_answer(const RecordRow& r, std::int64_t expected_version) override;
  status replace_roadmap_actions(const std::string& org_id, const std::string& assessment_id,
                                 const std::vector<RecordRow>& actions) override;
  status update_roadmap_action(const RecordRow& r, std::int64_t expected_version) override;
  status put_soa_entry(const RecordRow& r, std::int64_t expected_version) override;
  status insert_soa_version(const RecordRow& r) override;

  std::optional<RecordRow> find_record(const std::string& org_id, const std::string& kind,
                                       const std::string& parent_id, const std::string& id) override;
  std::vector<RecordRow> find_records(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                      const std::vector<std::string>& ids) override;
  std::vector<RecordRow> find_children(const std::string& org_id, const std::string& kind,
                                       const std::vector<std::string>& parent_ids, const std::string& ref) override;
  std::vector<RecordRow> list_records(const RecordFilter& f) override;
  std::int64_t count_records(const RecordFilter& f) override;
  RecordPage query_records(const RecordQuery& q) override;
  ViewedPage query_viewed(const RecordQuery& q) override;
  status set_list_view(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                       const std::string& id, const std::string& view) override;
  status put_record(const RecordRow& r, std::int64_t expected_version) override;
  status set_record_facets(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                           const std::string& id, const RecordFacets& facets) override;
  status delete_record(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                       const std::string& id, std::int64_t expected_version) override;

  // The action index (store/actions.hpp; actions_sql.cpp).
  ActionPage query_actions(const ActionQuery& q) override;
  status replace_actions(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                         const std::string& record_id, const std::vector<ActionRow>& rows) override;
  std::int64_t actions_backfilled(const std::string& org_id, const std::string& kind) override;
  status set_actions_backfilled(const std::string& org_id, const std::string& kind, std::int64_t rev) override;

  // Notifications (store/notifications.hpp; notifications_sql.cpp).
  status insert_webhook(const WebhookRow& w) override;
  std::optional<WebhookRow> find_webhook(const std::string& org_id, const std::string& id) override;
  std::vector<WebhookRow> list_webhooks(const std::string& org_id) override;
  status delete_webhook(const std::string& org_id, const std::string& id, const std::string& now) override;
  status insert_delivery(const DeliveryRow& d) override;
  std::optional<DeliveryRow> find_delivery(const std::string& org_id, const std::string& id) override;
  DeliveryPage list_deliveries(const DeliveryQuery& q) override;
  std::vector<AttemptRow> list_attempts(const std::string& delivery_id) override;
  std::vector<DeliveryRow> claim_deliveries(const std::string& now, const std::string& claim_until, int limit) override;
  bool finish_attempt(const DeliveryRow& claimed, const AttemptRow& a, const DeliveryRow& outcome) override;
  status requeue_delivery(const std::string& org_id, const std::string& id, std::int64_t attempts_left,
                          const std::string& now) override;
  bool mark_sent(const std::string& org_id, const std::string& event_key, const std::string& recipient,
                 const std::string& at) override;
  std::vector<std::pair<std::string, bool>> notification_preferences(const std::string& user_id) override;
  void set_notification_preference(const std::string& user_id, const std::string& event_type, bool email) override;

  std::int64_t audit_size(const std::string& org_id) override;
  std::vector<AuditEntryRow> list_audit_entries(const std::string& org_id, std::int64_t from, int limit) override;
  std::vector<AuditEntryRow> query_audit_entries(const AuditEntryQuery& q) override;
  std::vector<std::pair<std::string, std::string>> find_audit_actor_names(const std::vector<std::string>& emails) override;
  std::vector<std::pair<std::string, std::string>> find_audit_record_docs(const std::string& org_id,
                                                                          const std::string& record_type,
                                                                          const std::vector<std::string>& ids) override;
  std::optional<std::string> find_audit_node(const std::string& org_id, int level, std::int64_t index) override;
  std::optional<AuditCheckpointRow> find_audit_checkpoint(const std::string& org_id, std::int64_t size) override;
  std::vector<AuditCheckpointRow> list_audit_checkpoints(const std::string& org_id, int limit,
                                                         std::optional<std::int64_t> below_size) override;
  status append_audit_entry(const AuditEntryRow& e, const std::vector<AuditNodeRow>& nodes) override;
  status insert_audit_checkpoint(const AuditCheckpointRow& c) override;

 private:
  /// Runs an INSERT ... ON CONFLICT DO NOTHING; errc::conflict when no row was inserted.
  status insert_or_conflict(std::string_view sql, const Params& params, const char* what);
  /// Adds to an organization's live/archived system counts (the totals of unfiltered lists).
  void adjust_system_counts(const std::string& org_id, std::int64_t live, std::int64_t archived);
  /// True if the assessment (org_id, id) exists: the parent check of answers and roadmap actions.
  bool assessment_exists(const std::string& org_id, const std::string& id);
  /// The total of a query from the stored counts, when they can answer it (no text or `below`;
  /// at most two conditions on parent, ref and slots that not every record meets, the second
  /// answered by the few records outside it).
  std::optional<std::int64_t> stored_total(const RecordQuery& q);
  /// query_records, and each row's list view into `views` when it is given.
  RecordPage query_page(const RecordQuery& q, std::vector<std::string>* views);

  Connection& c_;
};

// Shared by the generic records' files (sql_tx_generic.cpp, sql_tx_record_query.cpp).
#define AIMS_FACET_COLUMNS \
  "facet0, facet1, facet2, facet3, facet4, facet5, facet6, facet7, facet_number, facet_search, facet_rev"
/// The SELECT of a whole generic record, read back by record_of.
inline constexpr std::string_view kRecordSelect =
    "SELECT kind, org_id, parent_id, id, position, ref, version, created_at, updated_at, doc, " AIMS_FACET_COLUMNS
    " FROM records ";
RecordRow record_of(Row& r);
/// Appends the facet values in the order of AIMS_FACET_COLUMNS.
void append_facets(Params& params, const RecordFacets& f);
/// "?, ?, …": `n` placeholders for an IN list.
std::string placeholders(std::size_t n);
/// Splits `ids` into runs short enough for one IN list each (SQLite allows 999 parameters in old
/// builds) and calls `run` with each run's parameters (after `head`) and its placeholders.
void for_each_in_list(const Params& head, const std::vector<std::string>& ids,
                      const std::function<void(const Params&, const std::string&)>& run);

}  // namespace aims::store::sql
