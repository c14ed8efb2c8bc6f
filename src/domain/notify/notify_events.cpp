#include "domain/notify/notify_events.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/crypto.hpp"

namespace aims::notify {

const std::vector<EventType>& event_types() {
  static const std::vector<EventType> types{
      {"invitation.created", "Someone was invited to the organization (the invitation link goes to them).", true},
      {"action.assigned", "An action was given to a member.", true},
      {"action.overdue", "An action is past its due date and still open.", true},
      {"review.due", "A record's review date has come.", true},
      {"risk_acceptance.expiring", "A risk acceptance ends soon.", true},
      {"evidence.expiring", "An evidence item expires soon.", true},
      {"obligation.due", "An EU AI Act obligation is due soon.", true},
      {"incident.clock_started", "A reporting clock of an incident started.", true},
      {"incident.clock_due", "A reporting clock of an incident is near its deadline.", true},
      {"webhook.test", "A test delivery an admin asked for (webhooks only).", false},
  };
  return types;
}

bool known_event(std::string_view name) {
  const auto& t = event_types();
  return std::any_of(t.begin(), t.end(), [&](const EventType& e) { return e.name == name; });
}

std::string webhook_body(const std::string& event_id, std::string_view type, const std::string& occurred_at,
                         const std::string& org_id, const std::string& org_name, const boost::json::object& data) {
  boost::json::object o;
  o["id"] = event_id;
  o["type"] = type;
  o["occurred_at"] = occurred_at;
  o["organization"] = boost::json::object{{"id", org_id}, {"name", org_name}};
  o["data"] = data;
  return boost::json::serialize(o);
}

std::string webhook_signature(std::string_view secret, std::string_view timestamp, std::string_view body) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(timestamp.data()), timestamp.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return "v1=" + std::string(hex);
}

std::string new_webhook_secret() { return "whsec_" + crypto::random_token(32); }

std::chrono::milliseconds retry_delay(std::chrono::milliseconds base, std::int64_t next_attempt, double unit_random) {
  using std::chrono::milliseconds;
  const milliseconds cap = std::chrono::hours(6);
  milliseconds d = base;
  for (std::int64_t i = 2; i < next_attempt && d < cap; ++i) d *= 2;
  d = std::min(d, cap);
  auto half = d / 2;
  auto jitter = milliseconds(static_cast<std::int64_t>(static_cast<double>(half.count()) * std::clamp(unit_random, 0.0, 1.0)));
  return half + jitter;
}

}  // namespace aims::notify

namespace aims::notify {

std::variant<WebhookUrl, std::string> parse_webhook_url(std::string_view url) {
  if (url.empty()) return std::string("is required");
  if (url.size() > 2000) return std::string("must be at most 2,000 characters long");
  for (unsigned char ch : url)
    if (ch <= ' ' || ch == 0x7f) return std::string("must not contain spaces or control characters");
  WebhookUrl u;
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::string("must be an absolute URL beginning with http:// or https://");
  for (char ch : url.substr(0, sep)) u.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (u.scheme != "http" && u.scheme != "https")
    return std::string("must use http or https (not " + u.scheme + ")");
  auto rest = url.substr(sep + 3);
  if (rest.find('#') != std::string_view::npos) return std::string("must not have a fragment (#…)");
  auto end = rest.find_first_of("/?");
  auto authority = rest.substr(0, end);
  u.target = end == std::string_view::npos ? "/" : std::string(rest.substr(end));
  if (u.target.front() == '?') u.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) return std::string("must not carry a user name or password");
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::string("has an IPv6 address without its closing ]");
    host = authority.substr(0, close + 1);
    auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::string("has something after the IPv6 address that is not a port");
      port = after.substr(1);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return std::string("must name a host");
  if (authority.find(':') != std::string_view::npos && port.empty() && host.front() != '[')
    return std::string("has an empty port");
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535)
      return std::string("has a port that is not a number from 1 to 65535");
  }
  u.host = std::string(host);
  u.port = std::string(port);
  return u;
}

}  // namespace aims::notify
