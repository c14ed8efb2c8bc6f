// SqlTx's notifications (store/notifications.hpp; tables of migration v17, docs/notifications.md):
// webhook endpoints, the delivery queue and its attempts, the scan's sent marks and user choices.
#include "store/notifications.hpp"
#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

constexpr std::string_view kWebhookColumns = "id, org_id, url, events, description, secret, created_at, created_by";
constexpr std::string_view kDeliveryColumns =
    "id, org_id, channel, target_id, address, event_id, event_type, subject, body, status, attempts, attempts_left, "
    "next_attempt_at, last_status, last_error, created_at, updated_at";

WebhookRow webhook_of(Row& r) {
  return WebhookRow{r.text(0), r.text(1), r.take_text(2), r.take_text(3), r.take_text(4), r.take_text(5), r.text(6), r.text(7)};
}

DeliveryRow delivery_of(Row& r) {
  DeliveryRow d;
  d.id = r.text(0);
  d.org_id = r.text(1);
  d.channel = r.text(2);
  d.target_id = r.text(3);
  d.address = r.take_text(4);
  d.event_id = r.text(5);
  d.event_type = r.text(6);
  d.subject = r.take_text(7);
  d.body = r.take_text(8);
  d.status = r.text(9);
  d.attempts = r.int64(10);
  d.attempts_left = r.int64(11);
  d.next_attempt_at = r.text(12);
  d.last_status = r.int64(13);
  d.last_error = r.take_text(14);
  d.created_at = r.text(15);
  d.updated_at = r.text(16);
  return d;
}

std::string select_deliveries() { return "SELECT " + std::string(kDeliveryColumns) + " FROM notification_deliveries "; }

}  // namespace

status SqlTx::insert_webhook(const WebhookRow& w) {
  return insert_or_conflict(
      "INSERT INTO webhooks (id, org_id, url, events, description, secret, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {w.id, w.org_id, w.url, w.events, w.description, w.secret, w.created_at, w.created_by}, "a webhook with this id");
}

std::optional<WebhookRow> SqlTx::find_webhook(const std::string& org_id, const std::string& id) {
  auto rows = c_.query("SELECT " + std::string(kWebhookColumns) + " FROM webhooks WHERE org_id = ? AND id = ?", {org_id, id});
  if (rows.empty()) return std::nullopt;
  return webhook_of(rows.front());
}

std::vector<WebhookRow> SqlTx::list_webhooks(const std::string& org_id) {
  auto rows = c_.query("SELECT " + std::string(kWebhookColumns) + " FROM webhooks WHERE org_id = ? ORDER BY created_at, id",
                       {org_id});
  std::vector<WebhookRow> out;
  for (auto& r : rows) out.push_back(webhook_of(r));
  return out;
}

status SqlTx::delete_webhook(const std::string& org_id, const std::string& id, const std::string& now) {
  c_.exec("UPDATE notification_deliveries SET status = 'failed', attempts_left = 0, last_error = 'endpoint removed', "
          "updated_at = ? WHERE org_id = ? AND channel = 'webhook' AND target_id = ? AND status = 'pending'",
          {now, org_id, id});
  if (c_.exec("DELETE FROM webhooks WHERE org_id = ? AND id = ?", {org_id, id}) == 0)
    return make_error(errc::not_found, "no such webhook");
  return ok();
}

status SqlTx::insert_delivery(const DeliveryRow& d) {
  return insert_or_conflict(
      "INSERT INTO notification_deliveries (" + std::string(kDeliveryColumns) +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {d.id, d.org_id, d.channel, d.target_id, d.address, d.event_id, d.event_type, d.subject, d.body, d.status,
       d.attempts, d.attempts_left, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.updated_at},
      "a delivery with this id");
}

std::optional<DeliveryRow> SqlTx::find_delivery(const std::string& org_id, const std::string& id) {
  auto rows = c_.query(select_deliveries() + "WHERE org_id = ? AND id = ?", {org_id, id});
  if (rows.empty()) return std::nullopt;
  return delivery_of(rows.front());
}

DeliveryPage SqlTx::list_deliveries(const DeliveryQuery& q) {
  std::string sql = select_deliveries() + "WHERE org_id = ?";
  Params p{q.org_id};
  if (q.channel) {
    sql += " AND channel = ?";
    p.emplace_back(*q.channel);
  }
  if (q.target_id) {
    sql += " AND target_id = ?";
    p.emplace_back(*q.target_id);
  }
  if (q.status) {
    sql += " AND status = ?";
    p.emplace_back(*q.status);
  }
  if (q.before) {
    sql += " AND (created_at < ? OR (created_at = ? AND id < ?))";
    p.emplace_back(q.before->first);
    p.emplace_back(q.before->first);
    p.emplace_back(q.before->second);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(q.limit + 1));
  auto rows = c_.query(sql, p);
  DeliveryPage page;
  for (auto& r : rows) page.items.push_back(delivery_of(r));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(static_cast<std::size_t>(q.limit));
    page.more = true;
  }
  return page;
}

std::vector<AttemptRow> SqlTx::list_attempts(const std::string& delivery_id) {
  auto rows = c_.query(
      "SELECT delivery_id, n, at, status_code, response_excerpt, error, duration_ms FROM notification_attempts "
      "WHERE delivery_id = ? ORDER BY n",
      {delivery_id});
  std::vector<AttemptRow> out;
  for (auto& r : rows)
    out.push_back(AttemptRow{r.text(0), r.int64(1), r.text(2), r.int64(3), r.take_text(4), r.take_text(5), r.int64(6)});
  return out;
}

std::vector<DeliveryRow> SqlTx::claim_deliveries(const std::string& now, const std::string& claim_until, int limit) {
  auto rows = c_.query(select_deliveries() +
                           "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?" +
                           std::string(c_.skip_locked()),
                       {now, static_cast<std::int64_t>(limit)});
  std::vector<DeliveryRow> out;
  for (auto& r : rows) {
    auto d = delivery_of(r);
    c_.exec("UPDATE notification_deliveries SET next_attempt_at = ? WHERE id = ?", {claim_until, d.id});
    d.next_attempt_at = claim_until;
    out.push_back(std::move(d));
  }
  return out;
}

bool SqlTx::finish_attempt(const DeliveryRow& claimed, const AttemptRow& a, const DeliveryRow& o) {
  auto n = c_.exec(
      "UPDATE notification_deliveries SET status = ?, attempts = ?, attempts_left = ?, next_attempt_at = ?, "
      "last_status = ?, last_error = ?, updated_at = ? "
      "WHERE id = ? AND status = 'pending' AND attempts = ? AND next_attempt_at = ?",
      {o.status, o.attempts, o.attempts_left, o.next_attempt_at, o.last_status, o.last_error, o.updated_at, claimed.id,
       claimed.attempts, claimed.next_attempt_at});
  if (n == 0) return false;
  c_.exec(
      "INSERT INTO notification_attempts (delivery_id, n, at, status_code, response_excerpt, error, duration_ms) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {a.delivery_id, a.n, a.at, a.status_code, a.response_excerpt, a.error, a.duration_ms});
  return true;
}

status SqlTx::requeue_delivery(const std::string& org_id, const std::string& id, std::int64_t attempts_left,
                               const std::string& now) {
  auto n = c_.exec(
      "UPDATE notification_deliveries SET status = 'pending', attempts_left = ?, next_attempt_at = ?, updated_at = ? "
      "WHERE org_id = ? AND id = ?",
      {attempts_left, now, now, org_id, id});
  if (n == 0) return make_error(errc::not_found, "no such delivery");
  return ok();
}

bool SqlTx::mark_sent(const std::string& org_id, const std::string& event_key, const std::string& recipient,
                      const std::string& at) {
  return c_.exec(
             "INSERT INTO notification_sent (org_id, event_key, recipient, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING",
             {org_id, event_key, recipient, at}) > 0;
}

std::vector<std::pair<std::string, bool>> SqlTx::notification_preferences(const std::string& user_id) {
  auto rows = c_.query("SELECT event_type, email FROM notification_preferences WHERE user_id = ? ORDER BY event_type",
                       {user_id});
  std::vector<std::pair<std::string, bool>> out;
  for (auto& r : rows) out.emplace_back(r.text(0), r.int64(1) != 0);
  return out;
}

void SqlTx::set_notification_preference(const std::string& user_id, const std::string& event_type, bool email) {
  c_.exec("DELETE FROM notification_preferences WHERE user_id = ? AND event_type = ?", {user_id, event_type});
  c_.exec("INSERT INTO notification_preferences (user_id, event_type, email) VALUES (?, ?, ?)",
          {user_id, event_type, static_cast<std::int64_t>(email ? 1 : 0)});
}

}  // namespace aims::store::sql
