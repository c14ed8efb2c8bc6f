#include "domain/notify/webhook_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "domain/notify/notify_events.hpp"
#include "store/notifications.hpp"

namespace aims::notify {
namespace json = boost::json;
using accounts::Actor;

namespace {

constexpr std::string_view kCursorSort = "deliveries";

status require_admin(const Actor& a, std::string_view what) {
  if (accounts::allowed(a.role, accounts::Action::administer)) return ok();
  return make_error(errc::forbidden, "Only an admin may " + std::string(what) + "; your role is " +
                                         std::string(accounts::role_name(a.role)) + ".");
}

Error no_webhook(const std::string& id) { return make_error(errc::not_found, "No webhook " + id + " in this organization."); }
Error no_delivery(const std::string& id) { return make_error(errc::not_found, "No delivery " + id + " in this organization."); }

store::NotificationStore& ns(store::ReadTx& tx) {
  auto* n = store::notification_store(tx);
  if (!n) throw std::logic_error("the store keeps no notifications");
  return *n;
}

json::array events_of(const std::string& text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return {};
  return v.as_array();
}

json::object webhook_json(const store::WebhookRow& w) {
  return json::object{{"id", w.id},
                      {"url", w.url},
                      {"events", events_of(w.events)},
                      {"description", w.description},
                      {"created_at", w.created_at},
                      {"created_by", w.created_by}};
}

json::object delivery_json(const store::DeliveryRow& d) {
  json::object o{{"id", d.id},
                 {"channel", d.channel},
                 {"event_id", d.event_id},
                 {"event_type", d.event_type},
                 {"status", d.status},
                 {"attempts", d.attempts},
                 {"attempts_left", d.attempts_left},
                 {"last_status", d.last_status == 0 ? json::value(nullptr) : json::value(d.last_status)},
                 {"last_error", d.last_error.empty() ? json::value(nullptr) : json::value(d.last_error)},
                 {"created_at", d.created_at},
                 {"updated_at", d.updated_at}};
  if (d.channel == "webhook") {
    o["webhook_id"] = d.target_id;
    o["url"] = d.address;
  } else {
    o["user_id"] = d.target_id;
    o["email"] = d.address;
  }
  o["next_attempt_at"] = d.status == "pending" ? json::value(d.next_attempt_at) : json::value(nullptr);
  return o;
}

}  // namespace

std::string WebhookService::event_types_json() const {
  json::array items;
  for (const auto& e : event_types())
    items.push_back(json::object{{"name", e.name}, {"description", e.description}, {"to_user", e.to_user}});
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<std::string> WebhookService::create(const Actor& a, const json::value& body) {
  if (auto s = require_admin(a, "register webhooks"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const auto& o = body.as_object();
  std::vector<FieldError> errs;
  for (const auto& [k, v] : o)
    if (k != "url" && k != "events" && k != "description")
      errs.push_back({std::string(k), 0, "is not a field of a webhook (use url, events, description)"});
  std::string url;
  if (auto* v = o.if_contains("url"); !v || !v->is_string()) errs.push_back({"url", 0, "is required: an http:// or https:// URL"});
  else {
    url = std::string(v->as_string());
    auto parsed = parse_webhook_url(url);
    if (auto* msg = std::get_if<std::string>(&parsed)) errs.push_back({"url", 0, *msg});
  }
  json::array events;
  if (auto* v = o.if_contains("events"); !v || !v->is_array() || v->as_array().empty())
    errs.push_back({"events", 0, "is required: a list of one or more event types (GET /api/v1/notification-events)"});
  else {
    std::set<std::string> seen;
    for (const auto& e : v->as_array()) {
      if (!e.is_string() || !known_event(e.as_string()) || e.as_string() == "webhook.test") {
        errs.push_back({"events", 0, "names an unknown event type: " + (e.is_string() ? std::string(e.as_string()) : json::serialize(e))});
        continue;
      }
      if (seen.insert(std::string(e.as_string())).second) events.push_back(e);
    }
  }
  std::string description;
  if (auto* v = o.if_contains("description"); v && !v->is_null()) {
    if (!v->is_string()) errs.push_back({"description", 0, "must be text"});
    else {
      description = std::string(text::trim(std::string(v->as_string())));
      if (description.size() > 200) errs.push_back({"description", 0, "must be at most 200 characters long"});
    }
  }
  if (!errs.empty()) return make_error(errc::validation, "The webhook is not valid.", std::move(errs));
  store::WebhookRow w{ids_.next("whk"), a.org_id, url, json::serialize(events), description, new_webhook_secret(),
                      clock_.now_text(), a.email};
  if (auto s = store_.write([&](store::WriteTx& tx) -> status { return ns(tx).insert_webhook(w); }); !s) return s.error();
  auto out = webhook_json(w);
  out["secret"] = w.secret;
  return json::serialize(out);
}

result<std::string> WebhookService::list(const Actor& a) const {
  if (auto s = require_admin(a, "see webhooks"); !s) return s.error();
  json::array items;
  auto s = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& w : ns(tx).list_webhooks(a.org_id)) items.push_back(webhook_json(w));
    return ok();
  });
  if (!s) return s.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<std::string> WebhookService::get(const Actor& a, const std::string& id) const {
  std::string out;
  auto s = store_.read([&](store::ReadTx& tx) -> status {
    auto w = ns(tx).find_webhook(a.org_id, id);
    if (!w) return no_webhook(id);
    if (auto r = require_admin(a, "see webhooks"); !r) return r;
    out = json::serialize(webhook_json(*w));
    return ok();
  });
  if (!s) return s.error();
  return out;
}

status WebhookService::remove(const Actor& a, const std::string& id) {
  return store_.write([&](store::WriteTx& tx) -> status {
    if (!ns(tx).find_webhook(a.org_id, id)) return no_webhook(id);
    if (auto r = require_admin(a, "remove webhooks"); !r) return r;
    if (auto s = ns(tx).delete_webhook(a.org_id, id, clock_.now_text()); !s) return no_webhook(id);
    return ok();
  });
}

result<std::string> WebhookService::deliveries(const Actor& a, const records::Params& params) const {
  if (auto s = require_admin(a, "see the delivery log"); !s) return s.error();
  std::vector<FieldError> errs;
  std::map<std::string, std::string> p;
  for (const auto& [k, v] : params) {
    if (k != "webhook" && k != "status" && k != "channel" && k != "limit" && k != "cursor") {
      errs.push_back({k, 0, "is not a parameter of this list (use one of webhook, channel, status, limit, cursor)"});
      continue;
    }
    if (p.count(k)) errs.push_back({k, 0, "is given more than once"});
    p[k] = v;
  }
  store::DeliveryQuery q;
  q.org_id = a.org_id;
  if (auto it = p.find("webhook"); it != p.end()) {
    if (it->second.empty() || it->second.size() > 100) errs.push_back({"webhook", 0, "must be a webhook id"});
    else q.target_id = it->second;
  }
  if (auto it = p.find("channel"); it != p.end()) {
    if (it->second != "webhook" && it->second != "email") errs.push_back({"channel", 0, "must be webhook or email"});
    else q.channel = it->second;
  }
  if (auto it = p.find("status"); it != p.end()) {
    if (it->second != "pending" && it->second != "delivered" && it->second != "failed")
      errs.push_back({"status", 0, "must be pending, delivered or failed"});
    else q.status = it->second;
  }
  if (auto it = p.find("limit"); it != p.end()) {
    auto n = text::to_int64(it->second);
    if (!n || *n < 1 || *n > 500) errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else q.limit = static_cast<int>(*n);
  }
  if (auto it = p.find("cursor"); it != p.end()) {
    auto pos = records::decode_cursor(std::string(kCursorSort), it->second);
    if (!pos) errs.push_back({"cursor", 0, "is not a cursor of this list"});
    else q.before = std::make_pair(pos->text, pos->id);
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  store::DeliveryPage page;
  auto s = store_.read([&](store::ReadTx& tx) -> status {
    page = ns(tx).list_deliveries(q);
    return ok();
  });
  if (!s) return s.error();
  json::array items;
  for (const auto& d : page.items) items.push_back(delivery_json(d));
  json::object out{{"items", std::move(items)}};
  if (page.more && !page.items.empty()) {
    store::RecordPosition pos;
    pos.text = page.items.back().created_at;
    pos.id = page.items.back().id;
    out["next"] = records::encode_cursor(std::string(kCursorSort), pos);
  }
  return json::serialize(out);
}

result<std::string> WebhookService::delivery(const Actor& a, const std::string& id) const {
  std::string out;
  auto s = store_.read([&](store::ReadTx& tx) -> status {
    auto d = ns(tx).find_delivery(a.org_id, id);
    if (!d) return no_delivery(id);
    if (auto r = require_admin(a, "see the delivery log"); !r) return r;
    auto o = delivery_json(*d);
    o["subject"] = d->subject.empty() ? json::value(nullptr) : json::value(d->subject);
    o["body"] = d->body;
    json::array attempts;
    for (const auto& t : ns(tx).list_attempts(d->id))
      attempts.push_back(json::object{{"n", t.n},
                                      {"at", t.at},
                                      {"status_code", t.status_code == 0 ? json::value(nullptr) : json::value(t.status_code)},
                                      {"response_excerpt", t.response_excerpt},
                                      {"error", t.error.empty() ? json::value(nullptr) : json::value(t.error)},
                                      {"duration_ms", t.duration_ms}});
    o["attempt_log"] = std::move(attempts);
    out = json::serialize(o);
    return ok();
  });
  if (!s) return s.error();
  return out;
}

result<std::string> WebhookService::redeliver(const Actor& a, const std::string& id) {
  auto s = store_.write([&](store::WriteTx& tx) -> status {
    auto d = ns(tx).find_delivery(a.org_id, id);
    if (!d) return no_delivery(id);
    if (auto r = require_admin(a, "redeliver"); !r) return r;
    if (d->channel == "webhook" && !ns(tx).find_webhook(a.org_id, d->target_id))
      return make_error(errc::conflict, "The webhook of delivery " + id + " was removed; it cannot be sent again.");
    return ns(tx).requeue_delivery(a.org_id, id, max_attempts_, clock_.now_text());
  });
  if (!s) return s.error();
  return delivery(a, id);
}

result<std::string> WebhookService::send_test(const Actor& a, const std::string& id) {
  std::string delivery_id;
  auto s = store_.write([&](store::WriteTx& tx) -> status {
    auto w = ns(tx).find_webhook(a.org_id, id);
    if (!w) return no_webhook(id);
    if (auto r = require_admin(a, "test webhooks"); !r) return r;
    return queue_event(tx, clock_, ids_, max_attempts_, a.org_id, "webhook.test",
                       json::object{{"webhook_id", w->id}, {"requested_by", a.email}}, w->id, &delivery_id);
  });
  if (!s) return s.error();
  return delivery(a, delivery_id);
}

status WebhookService::emit(store::WriteTx& tx, const std::string& org_id, std::string_view type,
                            const json::object& data) const {
  return queue_event(tx, clock_, ids_, max_attempts_, org_id, type, data);
}

status queue_event(store::WriteTx& tx, const Clock& clock, IdSource& ids, int max_attempts, const std::string& org_id,
                   std::string_view type, const json::object& data, const std::string& only_webhook,
                   std::string* delivery_id) {
  auto* n = store::notification_store(tx);
  if (!n) return ok();
  std::optional<store::Organization> org;
  for (const auto& w : n->list_webhooks(org_id)) {
    if (!only_webhook.empty()) {
      if (w.id != only_webhook) continue;
    } else {
      auto wanted = events_of(w.events);
      if (std::none_of(wanted.begin(), wanted.end(), [&](const json::value& e) { return e.is_string() && e.as_string() == type; }))
        continue;
    }
    if (!org) org = tx.find_org(org_id);
    auto now = clock.now_text();
    store::DeliveryRow d;
    d.id = ids.next("dlv");
    d.org_id = org_id;
    d.channel = "webhook";
    d.target_id = w.id;
    d.address = w.url;
    d.event_id = ids.next("evt");
    d.event_type = std::string(type);
    d.body = webhook_body(d.event_id, type, now, org_id, org ? org->name : std::string(), data);
    d.status = "pending";
    d.attempts_left = max_attempts;
    d.next_attempt_at = now;
    d.created_at = now;
    d.updated_at = now;
    if (delivery_id) *delivery_id = d.id;
    if (auto s = n->insert_delivery(d); !s) return s;
  }
  return ok();
}

}  // namespace aims::notify
