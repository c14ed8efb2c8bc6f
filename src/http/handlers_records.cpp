// Handlers of every field-driven record kind of the registry (docs/records.md), bound to the
// operations openapi_records.cpp generates: GET/POST /api/v1/{path}, GET/PATCH /api/v1/{path}/{id},
// GET …/{id}/history, POST …/{id}/archive and …/restore, and GET /api/v1/kinds (the kinds'
// schemas). Stateless; thread-safe.
#include <boost/json.hpp>

#include "domain/kinds/registry.hpp"
#include "domain/records/kind_schema.hpp"
#include "http/handlers.hpp"
#include "http/openapi_records.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"

namespace aims::http {
namespace json = boost::json;
using records::KindSpec;

namespace {

Response versioned(int status, const records::Versioned& v) {
  auto r = json_response(status, v.json);
  r.set_header("ETag", records::etag(v.version));
  return r;
}

Response answer(Context& c, int status, const result<records::Versioned>& r) {
  if (!r) return problem(r.error(), c.req.path);
  return versioned(status, *r);
}

Response list_kinds(Context& c) {
  json::array items;
  for (const auto* k : kinds::generic_kinds())
    items.push_back(records::kind_schema(*k, accounts::allowed(c.actor->role, k->write)));
  return json_response(200, json::serialize(json::object{{"items", std::move(items)}}));
}

Response list(Context& c, const RecordServices& s, const KindSpec& k) {
  auto r = s.records.list(*c.actor, k, c.req.query);
  if (!r) return problem(r.error(), c.req.path);
  std::string body = R"({"items":)" + r->items_json + R"(,"total":)" + std::to_string(r->total);
  if (r->next) body += R"(,"next":)" + json::serialize(json::value(*r->next));
  body += '}';
  return json_response(200, std::move(body));
}

Response create(Context& c, const RecordServices& s, const KindSpec& k) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  auto r = s.records.create(*c.actor, k, *body);
  if (!r) return problem(r.error(), c.req.path);
  auto res = versioned(201, *r);
  res.set_header("Location", "/api/v1/" + k.path + "/" + r->id);
  return res;
}

Response update(Context& c, const RecordServices& s, const KindSpec& k) {
  auto body = parse_json_body(c.req);
  if (!body) return problem(body.error(), c.req.path);
  return answer(c, 200, s.records.update(*c.actor, k, c.req.params.at("id"), *body, c.req.header("if-match")));
}

Response history(Context& c, const RecordServices& s, const KindSpec& k) {
  auto r = s.records.history(*c.actor, k, c.req.params.at("id"), c.req.query_param("limit"), c.req.query_param("cursor"));
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, std::move(*r));
}

}  // namespace

void add_record_operations(Operations& ops, RecordServices s) {
  ops.add("listKinds", list_kinds);
  for (const KindSpec* k : kinds::generic_kinds()) {
    const auto id = record_operation_ids(*k);
    ops.add(id.list, [s, k](Context& c) { return list(c, s, *k); });
    ops.add(id.create, [s, k](Context& c) { return create(c, s, *k); });
    ops.add(id.get, [s, k](Context& c) { return answer(c, 200, s.records.get(*c.actor, *k, c.req.params.at("id"))); });
    ops.add(id.update, [s, k](Context& c) { return update(c, s, *k); });
    ops.add(id.history, [s, k](Context& c) { return history(c, s, *k); });
    for (bool archive : {true, false})
      ops.add(archive ? id.archive : id.restore, [s, k, archive](Context& c) {
        return answer(c, 200, s.records.set_archived(*c.actor, *k, c.req.params.at("id"), archive, c.req.header("if-match")));
      });
  }
}

}  // namespace aims::http
