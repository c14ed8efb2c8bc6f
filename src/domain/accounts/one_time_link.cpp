#include "domain/accounts/one_time_link.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"

namespace aims::accounts {
namespace json = boost::json;

MintedLink mint_link(const std::string& org_id, const std::string& id) {
  MintedLink m;
  m.token = org_id + "." + id + "." + crypto::random_token(32);
  m.sha256 = crypto::sha256_hex(m.token);
  return m;
}

std::optional<LinkTarget> parse_link(std::string_view token) {
  if (token.size() > 200) return std::nullopt;
  auto a = token.find('.');
  if (a == std::string_view::npos) return std::nullopt;
  auto b = token.find('.', a + 1);
  if (b == std::string_view::npos || a == 0 || b == a + 1 || b + 1 >= token.size()) return std::nullopt;
  if (token.find('.', b + 1) != std::string_view::npos) return std::nullopt;
  return LinkTarget{std::string(token.substr(0, a)), std::string(token.substr(a + 1, b - a - 1))};
}

result<store::RecordRow> open_link(store::ReadTx& tx, std::string_view kind, std::string_view token, const std::string& what) {
  auto not_found = make_error(errc::not_found, "This " + what + " link is not valid: check that it was copied whole.");
  auto t = parse_link(token);
  if (!t) return not_found;
  auto r = tx.find_record(t->org_id, std::string(kind), "", t->id);
  if (!r) return not_found;
  auto doc = json::parse(r->doc).as_object();
  auto stored = doc.if_contains("token_sha256");
  if (!stored || !stored->is_string() || !crypto::equal_ct(stored->as_string(), crypto::sha256_hex(token))) return not_found;
  return std::move(*r);
}

std::string link_status(const json::object& doc, TimePoint now) {
  std::string status(doc.at("status").as_string());
  if (status == "pending" && std::string(doc.at("expires_at").as_string()) <= format_time(now)) return "expired";
  return status;
}

status check_pending(const json::object& doc, TimePoint now, const std::string& what) {
  auto s = link_status(doc, now);
  if (s == "pending") return ok();
  if (s == "expired")
    return make_error(errc::conflict, "This " + what + " expired on " + std::string(doc.at("expires_at").as_string()) +
                                          "; ask an admin of the organization for a new one.");
  if (s == "revoked") return make_error(errc::conflict, "This " + what + " was revoked by an admin; ask them for a new one if you still need it.");
  return make_error(errc::conflict, "This " + what + " was used already; a link works once. Log in, or ask an admin for a new one.");
}

}  // namespace aims::accounts
