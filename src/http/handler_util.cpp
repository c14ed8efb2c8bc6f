#include "http/handler_util.hpp"

#include "http/content_disposition.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

std::string version_etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

Response versioned_json(int status, std::string json, std::int64_t version) {
  auto r = json_response(status, std::move(json));
  r.set_header("ETag", version_etag(version));
  return r;
}

Response json_or_problem(Context& c, const result<std::string>& r, int status) {
  if (!r) return problem(r.error(), c.req.path);
  return json_response(status, *r);
}

result<json::value> optional_json_body(const Request& req) {
  if (req.body.empty()) return json::value(json::object());
  return parse_json_body(req);
}

Response attachment(std::string content_type, std::string body, std::string_view filename) {
  Response res;
  res.content_type = std::move(content_type);
  res.body = std::move(body);
  res.set_header("Content-Disposition", content_disposition("attachment", filename));
  return res;
}

std::string list_page_json(std::string_view items_json, std::int64_t total, const std::optional<std::string>& next,
                           std::string_view extra) {
  std::string body;
  body.reserve(items_json.size() + extra.size() + 64);
  body += R"({"items":)";
  body += items_json;
  body += R"(,"total":)";
  body += std::to_string(total);
  body += extra;
  if (next) {
    body += R"(,"next":)";
    body += json::serialize(json::value(*next));
  }
  body += '}';
  return body;
}

}  // namespace aims::http::handlers
