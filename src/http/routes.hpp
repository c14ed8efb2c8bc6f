// The route table: every operation of the served OpenAPI document (api/openapi.yaml and the
// generated paths of the field-driven kinds) becomes a route with the document's method, path and
// x-aims-access, bound to the handler an area gives under the operation's operationId. Used at
// start-up only: Operations is filled on the start-up thread; the Router it becomes is read-only.
#pragma once
#include <boost/json/fwd.hpp>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "http/router.hpp"

namespace aims::http {

/// Turns an area's handler `Response f(Context&, const S&)` into a route Handler holding a copy of
/// `s`, a struct of references to the area's services: `auto h = bind_services(s); h(list_risks)`.
template <class S>
auto bind_services(S s) {
  return [s](Response (*fn)(Context&, const S&)) -> Handler { return [fn, s](Context& c) { return fn(c, s); }; };
}

/// A handler that needs no services (its Context's are enough), for AIMS_OPERATIONS.
inline Handler unbound(Response (*fn)(Context&)) { return fn; }

/// A handler under its C++ name (snake_case), as AIMS_OPERATIONS names it.
struct NamedHandler {
  std::string_view name;
  Handler handler;
};

/// "list_risks" → "listRisks": the operationId of a handler's C++ name.
std::string operation_id(std::string_view cpp_name);

/// The handlers of the API's operations by operationId, given by the areas at start-up.
class Operations {
 public:
  /// Binds the operation `id`; a second handler for one operation is a composition error (throws).
  void add(const std::string& id, Handler handler);
  /// Binds each handler to the operation its C++ name gives (operation_id): see AIMS_OPERATIONS.
  void add(std::initializer_list<NamedHandler> handlers);
  const std::map<std::string, Handler>& handlers() const { return handlers_; }

 private:
  std::map<std::string, Handler> handlers_;
};

/// GET /healthz (getHealth) and GET /api/v1/openapi.json (getOpenApi), which serves `openapi_json`.
void add_core_operations(Operations& ops, const std::string& openapi_json);

/// The router of every operation of the OpenAPI document `doc`: its method and path, the access
/// of its x-aims-access (open, user or member), x-aims-streams-body and x-aims-answers-head, and
/// the handler of its operationId in `ops`. Throws std::runtime_error naming every operation that
/// has no handler or no valid x-aims-access, and every handler that has no operation.
Router route_table(const boost::json::object& doc, const Operations& ops);

}  // namespace aims::http

// AIMS_OPERATIONS(h, list_risks, get_risk) is {{"list_risks", h(handlers::list_risks)}, {"get_risk",
// h(handlers::get_risk)}}: an area's handlers for Operations::add, each bound by `h` (bind_services
// or unbound) and named by its C++ name, which is its operationId in lowerCamelCase (listRisks).
#define AIMS_OPERATIONS(h, ...) \
  std::initializer_list<::aims::http::NamedHandler> { AIMS_OPS_EACH_(h, __VA_ARGS__) }
#define AIMS_OPS_ONE_(h, name) ::aims::http::NamedHandler{#name, h(::aims::http::handlers::name)}
#define AIMS_OPS_EACH_(h, ...) __VA_OPT__(AIMS_OPS_EXPAND_(AIMS_OPS_STEP_(h, __VA_ARGS__)))
#define AIMS_OPS_STEP_(h, name, ...) AIMS_OPS_ONE_(h, name) __VA_OPT__(, AIMS_OPS_AGAIN_ AIMS_OPS_PARENS_(h, __VA_ARGS__))
#define AIMS_OPS_AGAIN_() AIMS_OPS_STEP_
#define AIMS_OPS_PARENS_ ()
#define AIMS_OPS_EXPAND_(...) AIMS_OPS_EXPAND3_(AIMS_OPS_EXPAND3_(AIMS_OPS_EXPAND3_(__VA_ARGS__)))
#define AIMS_OPS_EXPAND3_(...) AIMS_OPS_EXPAND2_(AIMS_OPS_EXPAND2_(AIMS_OPS_EXPAND2_(__VA_ARGS__)))
#define AIMS_OPS_EXPAND2_(...) AIMS_OPS_EXPAND1_(AIMS_OPS_EXPAND1_(AIMS_OPS_EXPAND1_(__VA_ARGS__)))
#define AIMS_OPS_EXPAND1_(...) __VA_ARGS__

// Inside namespace aims::http, AIMS_HANDLERS(RiskServices, list_risks, get_risk) declares
// handlers::list_risks and handlers::get_risk as Response(Context& c, const RiskServices& s): an
// area's handler declarations, under the names AIMS_OPERATIONS binds them by.
#define AIMS_HANDLERS(S, ...) \
  namespace handlers {        \
  AIMS_HDECL_EACH_(S, __VA_ARGS__) \
  }
#define AIMS_HDECL_ONE_(S, name) Response name(Context& c, const S& s);
#define AIMS_HDECL_EACH_(S, ...) __VA_OPT__(AIMS_OPS_EXPAND_(AIMS_HDECL_STEP_(S, __VA_ARGS__)))
#define AIMS_HDECL_STEP_(S, name, ...) AIMS_HDECL_ONE_(S, name) __VA_OPT__(AIMS_HDECL_AGAIN_ AIMS_OPS_PARENS_(S, __VA_ARGS__))
#define AIMS_HDECL_AGAIN_() AIMS_HDECL_STEP_
