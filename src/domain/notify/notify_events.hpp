// The events aims notifies about (docs/notifications.md), the JSON body of a webhook delivery, its
// signature, and the retry schedule of every delivery. Pure functions; thread-safe.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/json.hpp>

namespace aims::notify {

struct EventType {
  std::string_view name;         // e.g. "action.assigned"
  std::string_view description;  // our words, for the API and the web
  bool to_user = true;           // addressed to a user (an e-mail can go to them)
};

/// Every event type, in the order the API lists them. "webhook.test" is sent only on request.
const std::vector<EventType>& event_types();
bool known_event(std::string_view name);

/// The exact bytes POSTed to a webhook: {"id","type","occurred_at","organization":{"id","name"},"data"}.
std::string webhook_body(const std::string& event_id, std::string_view type, const std::string& occurred_at,
                         const std::string& org_id, const std::string& org_name, const boost::json::object& data);

/// "v1=" followed by the lower-case hex HMAC-SHA256, keyed with the secret's bytes, of
/// timestamp + "." + body (the AIMS-Webhook-Signature header).
std::string webhook_signature(std::string_view secret, std::string_view timestamp, std::string_view body);

/// A new webhook secret: "whsec_" and 32 random bytes in base64url.
std::string new_webhook_secret();

/// How long to wait before attempt `next_attempt` (2, 3, …) after a failure: base × 2^(n−2), at most
/// six hours, of which a random part (the upper half) is jitter, so that many failed deliveries do
/// not all come back at once. `unit_random` is a number in [0, 1).
std::chrono::milliseconds retry_delay(std::chrono::milliseconds base, std::int64_t next_attempt, double unit_random);

}  // namespace aims::notify

namespace aims::notify {

/// A webhook URL split for sending: http or https, the host (and port), and the path with query.
struct WebhookUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // name or address, brackets kept for IPv6
  std::string port;    // "" = the scheme's
  std::string target;  // "/…" path and query, "/" when the URL has none
};

/// Splits a URL; an error message (our words) when it is not an absolute http(s) URL with a host and
/// without user name, password, fragment, spaces or control characters, or is longer than 2,000.
std::variant<WebhookUrl, std::string> parse_webhook_url(std::string_view url);

}  // namespace aims::notify
