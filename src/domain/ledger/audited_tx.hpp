// The write transaction of the audit log's store decorator: forwards every store::WriteTx method to
// the real transaction and, for every method that changes a record (organizations, memberships,
// AI systems, assessments, answers, roadmap actions, SoA entries and versions, generic records),
// appends an audit entry in the same transaction. Sessions, users, API tokens and history rows are
// not records of an organization and are not logged. A history row is linked to the entry of its
// record appended earlier in the transaction that no other history row is linked to, or else gets
// an entry of its own, so every entry is the change of at most one history row. The actor of a
// history row is the actor of the transaction (the one source of who changed what).
// Every WriteTx method is pure virtual and this class is final, so a write method added to the
// store later that is not handled here fails to compile. It forwards the account details
// (store/account_details.hpp) too, logging an organization's rename. Created per write callback;
// used by that callback's thread only; borrows the inner transaction and clock.
#pragma once
#include <boost/json/fwd.hpp>

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include "core/clock.hpp"
#include "store/account_details.hpp"
#include "store/actions.hpp"
#include "store/list_views.hpp"
#include "store/notifications.hpp"
#include "store/store.hpp"

namespace aims::ledger {

class AuditedTx final : public store::WriteTx, public store::ListViews, public store::AccountDetails,
                        public store::ActionIndex, public store::NotificationStore {
 public:
  AuditedTx(store::WriteTx& inner, const Clock& clock, std::string actor)
      : in_(inner), clock_(clock), actor_(std::move(actor)) {}

  // Reads: forwarded.
  std::optional<store::Organization> find_org(const std::string& id) override { return in_.find_org(id); }
  std::optional<store::Organization> find_org_by_name(const std::string& name) override { return in_.find_org_by_name(name); }
  std::vector<store::Organization> list_orgs() override { return in_.list_orgs(); }
  std::optional<store::User> find_user(const std::string& id) override { return in_.find_user(id); }
  std::optional<store::User> find_user_by_email(const std::string& email) override { return in_.find_user_by_email(email); }
  std::vector<store::Membership> list_memberships(const std::string& user_id) override { return in_.list_memberships(user_id); }
  std::optional<store::Membership> find_membership(const std::string& user_id, const std::string& org_id) override {
    return in_.find_membership(user_id, org_id);
  }
  std::optional<store::Session> find_session(const std::string& token_hash) override { return in_.find_session(token_hash); }
  std::optional<store::ApiToken> find_api_token(const std::string& token_hash) override { return in_.find_api_token(token_hash); }
  std::optional<store::ApiToken> find_api_token_by_id(const std::string& id) override { return in_.find_api_token_by_id(id); }
  std::vector<store::ApiToken> list_api_tokens(const std::string& user_id) override { return in_.list_api_tokens(user_id); }
  std::vector<store::ApiToken> list_org_api_tokens(const std::string& org_id) override { return in_.list_org_api_tokens(org_id); }
  std::vector<store::Membership> list_org_members(const std::string& org_id) override { return in_.list_org_members(org_id); }
  std::optional<store::LoginThrottleRow> find_login_throttle(const std::string& key) override {
    return in_.find_login_throttle(key);
  }
  std::optional<store::SystemRow> find_system(const std::string& org_id, const std::string& id) override {
    return in_.find_system(org_id, id);
  }
  std::optional<store::SystemRow> find_system_by_name_key(const std::string& org_id, const std::string& name_key) override {
    return in_.find_system_by_name_key(org_id, name_key);
  }
  store::SystemPage list_systems(const store::SystemQuery& q) override { return in_.list_systems(q); }
  std::int64_t count_systems(const std::string& org_id) override { return in_.count_systems(org_id); }
  std::int64_t systems_generation(const std::string& org_id) override { return in_.systems_generation(org_id); }
  std::optional<store::RecordRow> find_assessment(const std::string& org_id, const std::string& id) override {
    return in_.find_assessment(org_id, id);
  }
  std::vector<store::RecordRow> list_assessments(const std::string& org_id, int limit,
                                                 const std::optional<std::pair<std::string, std::string>>& before) override {
    return in_.list_assessments(org_id, limit, before);
  }
  std::vector<store::RecordRow> list_answers(const std::string& org_id, const std::string& assessment_id) override {
    return in_.list_answers(org_id, assessment_id);
  }
  std::optional<store::RecordRow> find_answer(const std::string& org_id, const std::string& assessment_id,
                                              const std::string& item_id) override {
    return in_.find_answer(org_id, assessment_id, item_id);
  }
  std::vector<store::RecordRow> list_roadmap_actions(const std::string& org_id, const std::string& assessment_id) override {
    return in_.list_roadmap_actions(org_id, assessment_id);
  }
  std::vector<store::RecordRow> list_soa_entries(const std::string& org_id) override { return in_.list_soa_entries(org_id); }
  std::optional<store::RecordRow> find_soa_entry(const std::string& org_id, const std::string& control_id) override {
    return in_.find_soa_entry(org_id, control_id);
  }
  std::vector<store::RecordRow> list_soa_versions(const std::string& org_id) override { return in_.list_soa_versions(org_id); }
  std::optional<store::RecordRow> find_soa_version(const std::string& org_id, std::int64_t number) override {
    return in_.find_soa_version(org_id, number);
  }
  std::optional<store::RecordRow> find_record(const std::string& org_id, const std::string& kind,
                                              const std::string& parent_id, const std::string& id) override {
    return in_.find_record(org_id, kind, parent_id, id);
  }
  std::vector<store::RecordRow> list_records(const store::RecordFilter& f) override { return in_.list_records(f); }
  std::int64_t count_records(const store::RecordFilter& f) override { return in_.count_records(f); }
  store::RecordPage query_records(const store::RecordQuery& q) override { return in_.query_records(q); }
  // Stored list views (store/list_views.hpp): forwarded; a view is derived data, not a change to log.
  store::ViewedPage query_viewed(const store::RecordQuery& q) override { return store::query_viewed(in_, q); }
  status set_list_view(const std::string& org_id, const std::string& kind, const std::string& parent_id, const std::string& id,
                       const std::string& view) override {
    if (auto* v = dynamic_cast<store::ListViews*>(&in_)) return v->set_list_view(org_id, kind, parent_id, id, view);
    return ok();
  }
  // The action index (store/actions.hpp): forwarded; its rows are derived from records, not changes to log.
  store::ActionPage query_actions(const store::ActionQuery& q) override { return store::query_actions(in_, q); }
  status replace_actions(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                         const std::string& record_id, const std::vector<store::ActionRow>& rows) override {
    return store::replace_actions(in_, org_id, kind, parent_id, record_id, rows);
  }
  std::int64_t actions_backfilled(const std::string& org_id, const std::string& kind) override {
    auto* a = store::action_index(in_);
    return a ? a->actions_backfilled(org_id, kind) : 0;
  }
  status set_actions_backfilled(const std::string& org_id, const std::string& kind, std::int64_t rev) override {
    auto* a = store::action_index(in_);
    return a ? a->set_actions_backfilled(org_id, kind, rev) : ok();
  }
  // Notifications (store/notifications.hpp): a webhook endpoint added or removed is logged (record
  // type "webhook"); the queue and its log are operations, not changes to log: forwarded.
  status insert_webhook(const store::WebhookRow& w) override;
  std::optional<store::WebhookRow> find_webhook(const std::string& o, const std::string& id) override { return notify().find_webhook(o, id); }
  std::vector<store::WebhookRow> list_webhooks(const std::string& o) override { return notify().list_webhooks(o); }
  status delete_webhook(const std::string& o, const std::string& id, const std::string& now) override;
  status insert_delivery(const store::DeliveryRow& d) override { return notify().insert_delivery(d); }
  std::optional<store::DeliveryRow> find_delivery(const std::string& o, const std::string& id) override { return notify().find_delivery(o, id); }
  store::DeliveryPage list_deliveries(const store::DeliveryQuery& q) override { return notify().list_deliveries(q); }
  std::vector<store::AttemptRow> list_attempts(const std::string& id) override { return notify().list_attempts(id); }
  std::vector<store::DeliveryRow> claim_deliveries(const std::string& now, const std::string& until, int limit) override {
    return notify().claim_deliveries(now, until, limit);
  }
  bool finish_attempt(const store::DeliveryRow& c, const store::AttemptRow& a, const store::DeliveryRow& o) override {
    return notify().finish_attempt(c, a, o);
  }
  status requeue_delivery(const std::string& o, const std::string& id, std::int64_t left, const std::string& now) override {
    return notify().requeue_delivery(o, id, left, now);
  }
  bool mark_sent(const std::string& o, const std::string& key, const std::string& to, const std::string& at) override {
    return notify().mark_sent(o, key, to, at);
  }
  std::vector<std::pair<std::string, bool>> notification_preferences(const std::string& u) override {
    return notify().notification_preferences(u);
  }
  void set_notification_preference(const std::string& u, const std::string& t, bool email) override {
    notify().set_notification_preference(u, t, email);
  }
  store::NotificationStore& notify() {
    if (auto* n = store::notification_store(in_)) return *n;
    throw std::logic_error("the store keeps no notifications");
  }
  std::int64_t audit_size(const std::string& org_id) override { return in_.audit_size(org_id); }
  std::vector<store::AuditEntryRow> list_audit_entries(const std::string& org_id, std::int64_t from, int limit) override {
    return in_.list_audit_entries(org_id, from, limit);
  }
  std::optional<std::string> find_audit_node(const std::string& org_id, int level, std::int64_t index) override {
    return in_.find_audit_node(org_id, level, index);
  }
  std::optional<store::AuditCheckpointRow> find_audit_checkpoint(const std::string& org_id, std::int64_t size) override {
    return in_.find_audit_checkpoint(org_id, size);
  }
  std::vector<store::AuditCheckpointRow> list_audit_checkpoints(const std::string& org_id, int limit,
                                                                std::optional<std::int64_t> below_size) override {
    return in_.list_audit_checkpoints(org_id, limit, below_size);
  }
  std::vector<store::HistoryRow> list_history(const std::string& org_id, const std::string& record_type,
                                              const std::string& record_id, int limit,
                                              std::optional<std::int64_t> before_version) override {
    return in_.list_history(org_id, record_type, record_id, limit, before_version);
  }

  // Writes that are not record changes of an organization: forwarded, not logged.
  /// Facets are derived from the record and its doc and version stay, so the record is unchanged.
  status set_record_facets(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                           const std::string& id, const store::RecordFacets& facets) override {
    return in_.set_record_facets(org_id, kind, parent_id, id, facets);
  }
  status insert_user(const store::User& u) override { return in_.insert_user(u); }
  status insert_session(const store::Session& s) override { return in_.insert_session(s); }
  void delete_session(const std::string& token_hash) override { in_.delete_session(token_hash); }
  void delete_expired_sessions(const std::string& now) override { in_.delete_expired_sessions(now); }
  status insert_api_token(const store::ApiToken& t) override { return in_.insert_api_token(t); }
  status delete_api_token(const std::string& id) override { return in_.delete_api_token(id); }
  void touch_api_token(const std::string& id, const std::string& at) override { in_.touch_api_token(id, at); }
  void delete_user_credentials(const std::string& user_id) override { in_.delete_user_credentials(user_id); }
  void delete_other_sessions(const std::string& user_id, const std::string& keep_token_hash) override {
    in_.delete_other_sessions(user_id, keep_token_hash);
  }
  status update_user_password(const std::string& user_id, const std::string& password_hash) override {
    return in_.update_user_password(user_id, password_hash);
  }
  status set_user_disabled(const std::string& user_id, const std::string& disabled_at) override {
    return in_.set_user_disabled(user_id, disabled_at);
  }
  void put_login_throttle(const store::LoginThrottleRow& r) override { in_.put_login_throttle(r); }
  void delete_login_throttle(const std::string& key) override { in_.delete_login_throttle(key); }
  void delete_stale_login_throttles(const std::string& before) override { in_.delete_stale_login_throttles(before); }
  status insert_audit_checkpoint(const store::AuditCheckpointRow& c) override { return in_.insert_audit_checkpoint(c); }
  /// Refused: entries are appended by this class only.
  status append_audit_entry(const store::AuditEntryRow& e, const std::vector<store::AuditNodeRow>& nodes) override;

  // Account details: forwarded (to the inner transaction's, internal error without them). A
  // user's last log-in and name are not records of an organization; a rename of one is logged.
  std::map<std::string, std::string> find_last_logins(const std::vector<std::string>& user_ids) override;
  std::vector<store::DirectoryEntry> page_directory(const store::DirectoryQuery& q) override;
  std::int64_t count_directory(const store::DirectoryQuery& q) override;
  status set_user_last_login(const std::string& user_id, const std::string& at) override;
  status set_user_name(const std::string& user_id, const std::string& name) override;
  status rename_org(const std::string& org_id, const std::string& name) override;

  // Record changes: forwarded, then logged when they succeed.
  status insert_org(const store::Organization& o) override;
  status insert_membership(const store::Membership& m) override;
  status delete_membership(const std::string& org_id, const std::string& user_id) override;
  status insert_system(const store::SystemRow& s) override;
  status update_system(const store::SystemRow& s, std::int64_t expected_version) override;
  status insert_history(const store::HistoryRow& h) override;
  status insert_assessment(const store::RecordRow& r) override;
  status update_assessment(const store::RecordRow& r, std::int64_t expected_version) override;
  status put_answer(const store::RecordRow& r, std::int64_t expected_version) override;
  status replace_roadmap_actions(const std::string& org_id, const std::string& assessment_id,
                                 const std::vector<store::RecordRow>& actions) override;
  status update_roadmap_action(const store::RecordRow& r, std::int64_t expected_version) override;
  status put_soa_entry(const store::RecordRow& r, std::int64_t expected_version) override;
  status insert_soa_version(const store::RecordRow& r) override;
  status put_record(const store::RecordRow& r, std::int64_t expected_version) override;
  status delete_record(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                       const std::string& id, std::int64_t expected_version) override;

 private:
  using RecordKey = std::tuple<std::string, std::string, std::string>;  // org, record type, record id

  /// Appends the entry of a change; remembers its seq for the record's history row; returns the seq.
  result<std::int64_t> log(const std::string& org_id, const std::string& record_type, const std::string& record_id,
             const std::string& op, const boost::json::value& content);
  /// Logs a change of a document record (its type given by the caller).
  status log_record(const std::string& record_type, const store::RecordRow& r, const std::string& op);

  store::WriteTx& in_;
  const Clock& clock_;
  std::string actor_;
  std::map<RecordKey, std::int64_t> seq_of_;  // the last entry of each record in this transaction
  std::set<std::int64_t> linked_;             // entries a history row points at already
};

}  // namespace aims::ledger
