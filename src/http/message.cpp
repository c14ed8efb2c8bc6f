#include "http/message.hpp"

#include "core/text.hpp"

namespace aims::http {

std::optional<std::string> Request::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::optional<std::string> v;
  for (const auto& [k, val] : query)
    if (k == name) v = val;
  return v;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view s = *h;
  while (!s.empty()) {
    auto semi = s.find(';');
    auto part = s.substr(0, semi);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && text::trim(part.substr(0, eq)) == name) return text::trim(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

std::string Request::media_type() const {
  auto ct = header("content-type");
  if (!ct) return "";
  return text::lower(text::trim(std::string_view(*ct).substr(0, ct->find(';'))));
}

Response json_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

void add_standard_headers(Response& res, const Request& req) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  if (req.path.rfind("/api/", 0) == 0 || res.content_type == "application/problem+json")
    res.set_header("Cache-Control", "no-store");
  if (!req.request_id.empty()) res.set_header("X-Request-Id", req.request_id);
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

}  // namespace aims::http
