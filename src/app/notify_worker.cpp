#include "app/notify_worker.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "domain/notify/notify_events.hpp"
#include "http/client.hpp"

namespace aims::app {
namespace {

constexpr std::size_t kExcerpt = 300;

/// At most kExcerpt bytes of the answer, cut at a character boundary, control characters as spaces.
std::string excerpt_of(std::string_view s) {
  std::size_t n = std::min(s.size(), kExcerpt);
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::string out(s.substr(0, n));
  for (auto& ch : out)
    if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n') ch = ' ';
  return out;
}

store::NotificationStore& ns(store::ReadTx& tx) {
  auto* n = store::notification_store(tx);
  if (!n) throw std::logic_error("the store keeps no notifications");
  return *n;
}

}  // namespace

AttemptOutcome send_webhook(const store::DeliveryRow& d, const std::string& secret, std::chrono::seconds timeout,
                            const Clock& clock) {
  AttemptOutcome out;
  auto parsed = notify::parse_webhook_url(d.address);
  if (auto* msg = std::get_if<std::string>(&parsed)) {
    out.error = "the URL " + *msg;
    return out;
  }
  const auto& u = std::get<notify::WebhookUrl>(parsed);
  if (u.scheme != "http") {
    out.error = "https endpoints are not supported by this server yet; use an http:// URL (e.g. through a local TLS proxy)";
    return out;
  }
  http::ClientOptions co;
  co.base_url = "http://" + u.host + (u.port.empty() ? "" : ":" + u.port);
  co.timeout = timeout;
  co.max_response_bytes = 1 << 20;
  auto client = http::Client::create(co);
  if (!client) {
    out.error = client.error().detail;
    return out;
  }
  auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count());
  http::ClientRequest req;
  req.method = "POST";
  req.target = u.target;
  req.content_type = "application/json";
  req.body = d.body;
  req.headers = {{"User-Agent", "aims-webhooks/1"},
                 {"AIMS-Webhook-Id", d.event_id},
                 {"AIMS-Webhook-Timestamp", ts},
                 {"AIMS-Webhook-Signature", notify::webhook_signature(secret, ts, d.body)}};
  auto r = client->send(req);
  if (!r) {
    out.error = r.error().detail;
    return out;
  }
  out.status_code = r->status;
  out.excerpt = excerpt_of(r->body);
  out.delivered = r->ok();
  if (!out.delivered) out.error = "the endpoint answered " + std::to_string(r->status);
  return out;
}

NotifyWorker::NotifyWorker(store::Store& store, const Clock& clock, NotifyWorkerOptions options)
    : store_(store), clock_(clock), opts_(options) {}

NotifyWorker::~NotifyWorker() { stop(); }

void NotifyWorker::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void NotifyWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void NotifyWorker::loop() {
  for (;;) {
    int n = 0;
    try {
      if (scan_ && (last_scan_ == std::chrono::steady_clock::time_point{} ||
                    std::chrono::steady_clock::now() - last_scan_ >= opts_.scan_every)) {
        last_scan_ = std::chrono::steady_clock::now();
        scan_();
      }
      n = run_once();
    } catch (const std::exception& e) {
      spdlog::error(boost::json::serialize(boost::json::object{{"event", "notification worker failed"}, {"error", e.what()}}));
    }
    std::unique_lock<std::mutex> lock(mu_);
    if (n == 0) cv_.wait_for(lock, opts_.poll, [this] { return stopping_; });
    if (stopping_) return;
  }
}

int NotifyWorker::run_once() {
  struct Claimed {
    store::DeliveryRow row;
    std::string secret;
    bool endpoint_gone = false;
  };
  std::vector<Claimed> claimed;
  const auto now = clock_.now();
  // The lease outlasts one attempt with its timeouts (connect, send, receive) and the log write.
  const auto until = format_time(now + 3 * opts_.timeout + std::chrono::seconds(5));
  auto s = store_.write([&](store::WriteTx& tx) -> status {
    claimed.clear();
    for (auto& d : ns(tx).claim_deliveries(format_time(now), until, opts_.batch)) {
      Claimed c{std::move(d), {}, false};
      if (c.row.channel == "webhook") {
        auto w = ns(tx).find_webhook(c.row.org_id, c.row.target_id);
        if (w) c.secret = w->secret;
        else c.endpoint_gone = true;
      }
      claimed.push_back(std::move(c));
    }
    return ok();
  });
  if (!s) {
    spdlog::warn(boost::json::serialize(boost::json::object{{"event", "notification claim failed"}, {"error", s.error().detail}}));
    return 0;
  }
  int attempts = 0;
  for (auto& c : claimed) {
    const auto& d = c.row;
    AttemptOutcome out;
    auto started = std::chrono::steady_clock::now();
    const auto at = clock_.now_text();
    if (c.endpoint_gone) out.error = "endpoint removed";
    else if (d.channel == "webhook") out = send_webhook(d, c.secret, opts_.timeout, clock_);
    else if (d.channel == "email" && email_) out = email_(d, "");
    else out.error = "no sender for channel " + d.channel + " is configured on this server";
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    store::AttemptRow a{d.id, d.attempts + 1, at, out.status_code, out.excerpt, out.error, ms};
    store::DeliveryRow o = d;
    o.attempts = d.attempts + 1;
    o.attempts_left = c.endpoint_gone ? 0 : std::max<std::int64_t>(0, d.attempts_left - 1);
    o.last_status = out.status_code;
    o.last_error = out.error;
    o.updated_at = clock_.now_text();
    if (out.delivered) {
      o.status = "delivered";
      o.next_attempt_at = o.updated_at;
    } else if (o.attempts_left == 0) {
      o.status = "failed";
      o.next_attempt_at = o.updated_at;
    } else {
      o.status = "pending";
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      o.next_attempt_at = format_time(clock_.now() + notify::retry_delay(opts_.retry_base, o.attempts + 1, unit(rng_)));
    }
    bool logged = false;
    auto w = store_.write([&](store::WriteTx& tx) -> status {
      logged = ns(tx).finish_attempt(d, a, o);
      return ok();
    });
    ++attempts;
    spdlog::info(boost::json::serialize(boost::json::object{{"event", "notification attempt"},
                                                            {"delivery", d.id},
                                                            {"channel", d.channel},
                                                            {"attempt", a.n},
                                                            {"status", out.status_code},
                                                            {"outcome", o.status},
                                                            {"error", out.error},
                                                            {"logged", w && logged}}));
  }
  return attempts;
}

}  // namespace aims::app
