// Webhooks (docs/notifications.md): an organization's admins register endpoints (an http(s) URL, the
// events it wants, a secret the server makes and shows once), read the delivery log newest first
// (paged in the database), see each delivery's attempts, redeliver one and send a test. emit()
// queues an event for every endpoint that wants it, inside the caller's write transaction, so that
// the event and the fact it reports commit together (a restart loses none). Other organization:
// 404. Thread-safe (stateless over what it borrows).
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::notify {

/// Inside the caller's write transaction: queues `type` with `data` for every webhook of the
/// organization that wants it (every one when `only_webhook` names none), each delivery allowed
/// `max_attempts` attempts; the id of the last delivery queued goes to `delivery_id` if given.
status queue_event(store::WriteTx& tx, const Clock& clock, IdSource& ids, int max_attempts, const std::string& org_id,
                   std::string_view type, const boost::json::object& data, const std::string& only_webhook = {},
                   std::string* delivery_id = nullptr);

class WebhookService {
 public:
  /// `max_attempts`: how many times a delivery is tried before it fails (and again on redelivery).
  WebhookService(store::Store& store, const Clock& clock, IdSource& ids, int max_attempts)
      : store_(store), clock_(clock), ids_(ids), max_attempts_(max_attempts) {}

  /// {"items":[{name, description, to_user}]}: the event types. Any member.
  std::string event_types_json() const;
  /// Registers an endpoint from {url, events, description?}: the webhook with its `secret` (the only
  /// time it is served). Admin only; 422 with field errors.
  result<std::string> create(const accounts::Actor& a, const boost::json::value& body);
  /// {"items":[webhook…]} oldest first, without secrets. Admin only.
  result<std::string> list(const accounts::Actor& a) const;
  result<std::string> get(const accounts::Actor& a, const std::string& id) const;
  /// Removes the endpoint; its pending deliveries fail. Admin only; 404.
  status remove(const accounts::Actor& a, const std::string& id);
  /// The delivery log, newest first: {"items","next"?}; parameters webhook, status, limit, cursor.
  result<std::string> deliveries(const accounts::Actor& a, const records::Params& params) const;
  /// One delivery with its body and its attempts.
  result<std::string> delivery(const accounts::Actor& a, const std::string& id) const;
  /// Queues the delivery again now with a fresh set of attempts (same event id and body).
  result<std::string> redeliver(const accounts::Actor& a, const std::string& id);
  /// Queues a "webhook.test" event to this endpoint only: the delivery.
  result<std::string> send_test(const accounts::Actor& a, const std::string& id);

  /// Inside the caller's write transaction: queues `type` with `data` for every endpoint of the
  /// organization that wants it. Does nothing for an organization without webhooks.
  status emit(store::WriteTx& tx, const std::string& org_id, std::string_view type, const boost::json::object& data) const;

 private:
  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  int max_attempts_;
};

}  // namespace aims::notify
