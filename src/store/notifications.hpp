// Notifications in the store (docs/notifications.md; tables of migration v17): the webhook endpoints
// of each organization, the durable queue of deliveries (webhook calls and e-mails) with the log of
// each attempt, what the periodic scan has already sent, and each user's e-mail choices. Every SQL
// transaction answers these (SqlTx, notifications_sql.cpp; forwarded by the audit log's
// decorator); callers use notification_store(tx), which is null on a transaction without them.
// Borrowed from the transaction; used by its thread only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::store {

struct WebhookRow {
  std::string id;
  std::string org_id;
  std::string url;
  std::string events;       // JSON array text of event types
  std::string description;
  std::string secret;       // the signing secret (never served after creation)
  std::string created_at;
  std::string created_by;   // the admin's e-mail
};

/// One message to send: a webhook call (channel "webhook", target_id the webhook, address its URL)
/// or an e-mail (channel "email", target_id the user, address the e-mail address).
struct DeliveryRow {
  std::string id;
  std::string org_id;
  std::string channel;
  std::string target_id;
  std::string address;
  std::string event_id;
  std::string event_type;
  std::string subject;      // e-mail only
  std::string body;         // the exact bytes sent (the webhook's JSON; the e-mail's text)
  std::string status;       // pending | delivered | failed
  std::int64_t attempts = 0;       // attempts made so far
  std::int64_t attempts_left = 0;  // attempts still allowed before it fails
  std::string next_attempt_at;     // when the worker may take it (pending), or the claim's end
  std::int64_t last_status = 0;    // the last attempt's HTTP or SMTP status (0: none)
  std::string last_error;
  std::string created_at;
  std::string updated_at;
};

struct AttemptRow {
  std::string delivery_id;
  std::int64_t n = 0;               // 1, 2, …
  std::string at;
  std::int64_t status_code = 0;     // 0: no answer
  std::string response_excerpt;     // at most 300 bytes of the answer
  std::string error;                // '' when an answer came
  std::int64_t duration_ms = 0;
};

/// Keyset page of an organization's deliveries, newest first (created_at, id descending).
struct DeliveryQuery {
  std::string org_id;
  std::optional<std::string> channel;    // webhook | email
  std::optional<std::string> target_id;  // one webhook
  std::optional<std::string> status;
  int limit = 50;
  std::optional<std::pair<std::string, std::string>> before;  // (created_at, id) of the previous page's last row
};

struct DeliveryPage {
  std::vector<DeliveryRow> items;
  bool more = false;
};

class NotificationStore {
 public:
  virtual ~NotificationStore() = default;
  virtual status insert_webhook(const WebhookRow& w) = 0;
  virtual std::optional<WebhookRow> find_webhook(const std::string& org_id, const std::string& id) = 0;
  /// The organization's webhooks, oldest first.
  virtual std::vector<WebhookRow> list_webhooks(const std::string& org_id) = 0;
  /// errc::not_found if absent. Its pending deliveries fail ("endpoint removed").
  virtual status delete_webhook(const std::string& org_id, const std::string& id, const std::string& now) = 0;

  virtual status insert_delivery(const DeliveryRow& d) = 0;
  virtual std::optional<DeliveryRow> find_delivery(const std::string& org_id, const std::string& id) = 0;
  virtual DeliveryPage list_deliveries(const DeliveryQuery& q) = 0;
  virtual std::vector<AttemptRow> list_attempts(const std::string& delivery_id) = 0;
  /// Takes up to `limit` pending deliveries due at `now` (every organization) and moves their
  /// next_attempt_at to `claim_until`, so that no other worker takes them before then. On
  /// PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED: concurrent workers take others.
  virtual std::vector<DeliveryRow> claim_deliveries(const std::string& now, const std::string& claim_until, int limit) = 0;
  /// Logs attempt `a` and sets the delivery's outcome, only if the delivery is still the one this
  /// worker claimed (status pending, attempts and next_attempt_at unchanged): false otherwise.
  virtual bool finish_attempt(const DeliveryRow& claimed, const AttemptRow& a, const DeliveryRow& outcome) = 0;
  /// Makes the delivery pending again now with `attempts_left` more attempts (redelivery).
  virtual status requeue_delivery(const std::string& org_id, const std::string& id, std::int64_t attempts_left,
                                  const std::string& now) = 0;

  /// Records that `event_key` was sent to `recipient`; false if it was already.
  virtual bool mark_sent(const std::string& org_id, const std::string& event_key, const std::string& recipient,
                         const std::string& at) = 0;
  /// The user's stored choices: (event type, e-mail on).
  virtual std::vector<std::pair<std::string, bool>> notification_preferences(const std::string& user_id) = 0;
  virtual void set_notification_preference(const std::string& user_id, const std::string& event_type, bool email) = 0;
};

inline NotificationStore* notification_store(ReadTx& tx) { return dynamic_cast<NotificationStore*>(&tx); }

}  // namespace aims::store
