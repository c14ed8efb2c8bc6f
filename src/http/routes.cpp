// The route table (routes.hpp): the served OpenAPI document's operations, bound to the handlers the
// areas give (src/app/areas/) by operationId. Start-up fails, naming them, when the two disagree.
#include "http/routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <stdexcept>

#include "http/handlers.hpp"

namespace aims::http {
namespace json = boost::json;

namespace {

constexpr std::string_view kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::optional<Access> access_of(const json::value* v) {
  if (!v || !v->is_string()) return std::nullopt;
  if (v->as_string() == "open") return Access::open;
  if (v->as_string() == "user") return Access::user;
  if (v->as_string() == "member") return Access::member;
  return std::nullopt;
}

/// The boolean extension `key` of `op`, `otherwise` if it is absent.
bool flag(const json::object& op, const char* key, bool otherwise) {
  const auto* v = op.if_contains(key);
  return v && v->is_bool() ? v->as_bool() : otherwise;
}

}  // namespace

std::string operation_id(std::string_view cpp_name) {
  std::string out;
  bool up = false;
  for (char c : cpp_name) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

void Operations::add(const std::string& id, Handler handler) {
  if (!handlers_.emplace(id, std::move(handler)).second)
    throw std::logic_error("two handlers for the operation " + id);
}

void Operations::add(std::initializer_list<NamedHandler> handlers) {
  for (const auto& h : handlers) add(operation_id(h.name), h.handler);
}

void add_core_operations(Operations& ops, const std::string& openapi_json) {
  ops.add("getHealth", handlers::health);
  ops.add("getOpenApi", [openapi_json](Context&) { return json_response(200, openapi_json); });
}

Router route_table(const json::object& doc, const Operations& ops) {
  Router router;
  std::set<std::string> bound;
  std::string errors;
  auto fail = [&errors](const std::string& e) { errors += "\n  " + e; };
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    // The path item's methods in the document's order: the order of the Allow header.
    for (const auto& [method, op_value] : item.as_object()) {
      if (std::find(std::begin(kMethods), std::end(kMethods), std::string_view(method)) == std::end(kMethods)) continue;
      const auto& op = op_value.as_object();
      std::string upper(method);
      for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const std::string where = upper + " " + std::string(path);
      const auto* id_value = op.if_contains("operationId");
      const std::string id = id_value && id_value->is_string() ? std::string(id_value->as_string()) : "";
      auto access = access_of(op.if_contains("x-aims-access"));
      if (!access) fail(where + " (" + id + "): x-aims-access must be open, user or member");
      auto handler = ops.handlers().find(id);
      if (handler == ops.handlers().end()) {
        fail(where + ": no handler for the operation " + (id.empty() ? "without an operationId" : id));
        continue;
      }
      bound.insert(id);
      if (access)
        router.add(upper, std::string(path), *access, handler->second,
                   {flag(op, "x-aims-streams-body", false), flag(op, "x-aims-answers-head", true)});
    }
  }
  for (const auto& [id, handler] : ops.handlers())
    if (!bound.count(id)) fail("the handler of " + id + " has no operation in api/openapi.yaml");
  if (!errors.empty()) throw std::runtime_error("the route table and api/openapi.yaml disagree:" + errors);
  return router;
}

}  // namespace aims::http
