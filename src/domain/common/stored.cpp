#include "domain/common/stored.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "core/json_text.hpp"

namespace aims::stored {
namespace json = boost::json;

json::object error_row(std::string_view kind, std::string_view org_id, std::string_view id, std::string_view why) {
  spdlog::error(json::serialize(json::object{
      {"event", "stored record unreadable"}, {"kind", kind}, {"org", org_id}, {"id", id}, {"error", why}}));
  return json::object{{"id", id}, {"error", kUnreadable}};
}

json::object error_row(std::string_view kind, std::string_view org_id, std::string_view id, const std::exception& e) {
  return error_row(kind, org_id, id, std::string_view(e.what()));
}

namespace {

/// Why the stored document is not a JSON object, or an empty string when it is one.
std::string defect(std::string_view doc) {
  unsigned char buf[4096];
  json::monotonic_resource mr(buf, sizeof buf);
  boost::system::error_code ec;
  auto v = json::parse(doc, ec, &mr);
  if (ec) return ec.message();
  return v.is_object() ? std::string() : std::string("the stored document is not a JSON object");
}

}  // namespace

status readable(std::string_view kind, std::string_view org_id, std::string_view id, std::string_view doc) {
  auto why = defect(doc);
  if (why.empty()) return ok();
  (void)error_row(kind, org_id, id, why);
  return make_error(errc::internal, "The record " + std::string(id) + " is stored in a form that cannot be read.");
}

std::string object_or_error_text(std::string_view kind, std::string_view org_id, std::string_view id,
                                 std::string_view doc) {
  auto why = defect(doc);
  if (why.empty()) return std::string(doc);
  return json::serialize(error_row(kind, org_id, id, why));
}

json::object parse_object(std::string_view doc) {
  boost::system::error_code ec;
  auto v = parse_json_exact(doc, ec);
  if (ec) throw std::runtime_error("the stored document is not JSON: " + ec.message());
  if (!v.is_object()) throw std::runtime_error("the stored document is not a JSON object");
  return std::move(v.as_object());
}

bool is_error_row(const json::object& o) { return o.size() == 2 && o.contains("id") && o.contains("error"); }

}  // namespace aims::stored
