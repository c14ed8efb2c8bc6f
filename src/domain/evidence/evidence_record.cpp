#include "domain/evidence/evidence_record.hpp"

#include <cstdio>

#include "domain/common/input.hpp"

namespace aims::evidence {
namespace json = boost::json;

const std::vector<std::string_view>& classifications() {
  static const std::vector<std::string_view> c{"public", "internal", "confidential", "restricted"};
  return c;
}

result<json::object> read_metadata(const json::object& in, std::initializer_list<std::string_view> read_only,
                                   std::string detail) {
  input::Reader r(in, {"title", "description", "effective_date", "expires_on", "owner", "classification"}, read_only);
  json::object out;
  if (auto v = r.text("title", 200); v) {
    if (v->empty()) r.error("title", "must not be empty");
    else out["title"] = *v;
  }
  if (auto v = r.text("description", 4000, true)) out["description"] = *v;
  if (auto v = r.text("owner", 200)) out["owner"] = *v;
  if (r.has("classification")) {
    const auto& c = in.at("classification");
    bool good = false;
    if (c.is_string())
      for (auto k : classifications()) good = good || k == c.as_string();
    if (good) out["classification"] = c;
    else r.error("classification", "must be one of public, internal, confidential, restricted");
  }
  for (auto key : {"effective_date", "expires_on"}) {
    if (!r.has(key)) continue;
    if (in.at(key).is_null()) out[key] = nullptr;
    else if (auto d = r.date(key)) out[key] = *d;
  }
  if (!r.ok()) return r.failure(std::move(detail));
  return out;
}

status check_dates(const json::object& doc) {
  auto eff = doc.if_contains("effective_date");
  auto exp = doc.if_contains("expires_on");
  if (eff && exp && eff->is_string() && exp->is_string() && exp->as_string() < eff->as_string())
    return make_error(errc::validation, "The evidence expires before it takes effect.",
                      {{"expires_on", 0, "must not be before the effective date"}});
  return ok();
}

std::string freshness(const json::object& doc, Date today, int window_days) {
  auto exp = doc.if_contains("expires_on");
  if (!exp || !exp->is_string()) return "no_expiry";
  auto d = parse_date(std::string(exp->as_string()));
  if (!d) return "no_expiry";
  if (*d < today) return "expired";
  if (*d <= today + std::chrono::days(window_days)) return "expiring";
  return "current";
}

json::object served(json::object doc, Date today, int window_days, std::int64_t link_count) {
  doc["freshness"] = freshness(doc, today, window_days);
  doc["link_count"] = link_count;
  return doc;
}

json::object parse_object(const std::string& doc) {
  boost::system::error_code ec;
  auto v = json::parse(doc, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.as_object());
}

std::string str_of(const json::object& o, std::string_view key) {
  if (auto v = o.if_contains(key); v && v->is_string()) return std::string(v->as_string());
  return "";
}

std::string event_id(std::int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(n));
  return buf;
}

}  // namespace aims::evidence
