#include "http/problem.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace aims::http {
namespace json = boost::json;

namespace {

struct Kind {
  errc code;
  int status;
  const char* slug;
  const char* title;
};

constexpr Kind kKinds[] = {
    {errc::bad_request, 400, "bad-request", "The request is malformed"},
    {errc::validation, 422, "validation", "The data is not valid"},
    {errc::unauthenticated, 401, "unauthenticated", "Authentication is required"},
    {errc::forbidden, 403, "forbidden", "Not allowed"},
    {errc::not_found, 404, "not-found", "Not found"},
    {errc::conflict, 409, "conflict", "Conflict with the current state"},
    {errc::precondition_failed, 412, "stale-version", "The record changed since you read it"},
    {errc::precondition_required, 428, "if-match-required", "If-Match is required"},
    {errc::unsupported_media_type, 415, "unsupported-media-type", "Unsupported media type"},
    {errc::payload_too_large, 413, "payload-too-large", "The request body is too large"},
    {errc::too_many_requests, 429, "too-many-requests", "Too many requests"},
    {errc::method_not_allowed, 405, "method-not-allowed", "Method not allowed"},
    {errc::unavailable, 503, "unavailable", "Service unavailable"},
    {errc::internal, 500, "internal", "Internal error"},
};

const Kind& kind_of(errc code) {
  for (const auto& k : kKinds)
    if (k.code == code) return k;
  return kKinds[sizeof(kKinds) / sizeof(kKinds[0]) - 1];
}

}  // namespace

int status_of(errc code) { return kind_of(code).status; }

Response problem(const Error& e, const std::string& instance) {
  const auto& k = kind_of(e.code);
  json::object o{{"type", std::string("urn:aims:problem:") + k.slug}, {"title", k.title}, {"status", k.status}};
  if (e.code == errc::internal || e.code == errc::unavailable) {
    // The detail may name database internals: it goes to the log, the client gets a plain sentence.
    spdlog::error(json::serialize(json::object{{"event", "request failed"}, {"path", instance}, {"error", e.detail}}));
    o["detail"] = e.code == errc::internal ? "An unexpected error occurred; it has been logged."
                                           : "The service is temporarily unavailable; try again shortly.";
  } else if (!e.detail.empty()) {
    o["detail"] = e.detail;
  }
  if (!instance.empty()) o["instance"] = instance;
  if (!e.errors.empty()) {
    json::array errs;
    for (const auto& fe : e.errors) {
      json::object x;
      if (!fe.field.empty()) x["field"] = fe.field;
      if (fe.row > 0) x["row"] = fe.row;
      x["message"] = fe.message;
      errs.push_back(std::move(x));
    }
    o["errors"] = std::move(errs);
  }
  Response r;
  r.status = k.status;
  r.content_type = "application/problem+json";
  r.body = json::serialize(o);
  return r;
}

Response problem(errc code, std::string detail, const std::string& instance) {
  return problem(make_error(code, std::move(detail)), instance);
}

Response header_fields_too_large(std::string detail) {
  json::object o{{"type", "urn:aims:problem:header-fields-too-large"},
                 {"title", "The request header is too large"},
                 {"status", 431},
                 {"detail", std::move(detail)}};
  Response r;
  r.status = 431;
  r.content_type = "application/problem+json";
  r.body = json::serialize(o);
  return r;
}

}  // namespace aims::http
