#include <boost/json.hpp>

#include "domain/euact/system_facts.hpp"
#include "domain/inventory/system_overview.hpp"
#include "domain/records/read_cache.hpp"
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;
using inventory::SystemService;

namespace {

constexpr std::size_t kMaxImportBytes = 8u << 20;

inventory::ListParams list_params(const Request& req) {
  inventory::ListParams p;
  p.sort = req.query_param("sort");
  p.q = req.query_param("q");
  p.status = req.query_param("status");
  p.lifecycle_stage = req.query_param("lifecycle_stage");
  p.eu_ai_act_class = req.query_param("eu_ai_act_class");
  p.organization_role = req.query_param("organization_role");
  p.archived = req.query_param("archived");
  p.limit = req.query_param("limit");
  p.cursor = req.query_param("cursor");
  return p;
}

}  // namespace

Response list_systems(Context& c, const SystemServices& s) {
  // Each system's EU AI Act roles from its saved classification, the one source of roles; the
  // page with them is kept until the organization's log grows (a classification is a logged change).
  auto page = records::cached_text(c.svc.store, s.listed, *c.actor, "system", "", c.req.query, [&]() -> result<std::string> {
    auto r = s.systems.list(*c.actor, list_params(c.req));
    if (!r) return r.error();
    auto items = euact::with_classified_roles(c.svc.store, c.actor->org_id, r->items_json);
    if (!items) return items.error();
    return list_page_json(*items, r->total, r->next);
  });
  if (!page) return problem(page.error(), c.req.path);
  return json_response(200, std::move(*page));
}

Response create_system(Context& c, const SystemServices& s) {
  return created_view(c, "/api/v1/systems/", [&](json::value& body) { return s.systems.create(*c.actor, body); });
}

Response get_system(Context& c, const SystemServices& s) {
  // No 304 on If-None-Match: the ETag is the system's version (for If-Match), and the body also
  // carries its scope membership, which the scope record changes without a new system version.
  auto r = s.systems.get(*c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return view_json(200, *r);
}

Response update_system(Context& c, const SystemServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.systems.update(*c.actor, c.req.params.at("id"), body, if_match(c));
  });
}

Response archive_system(Context& c, const SystemServices& s) { return view_or_problem(c, s.systems.set_archived(*c.actor, c.req.params.at("id"), true)); }

Response restore_system(Context& c, const SystemServices& s) {
  return view_or_problem(c, s.systems.set_archived(*c.actor, c.req.params.at("id"), false));
}

Response system_history(Context& c, const SystemServices& s) {
  return json_or_problem(c, s.systems.history(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                  c.req.query_param("cursor")));
}

Response system_overview(Context& c, const inventory::OverviewSources& s) {
  auto r = inventory::system_overview(s, *c.actor, c.req.params.at("id"));
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, json::serialize(*r));
}

Response import_systems(Context& c, const SystemServices& s) {
  auto mt = c.req.media_type();
  if (mt != "text/csv" && mt != "text/plain" && mt != "application/csv")
    return problem(errc::unsupported_media_type, "Send the CSV file with Content-Type text/csv.", c.req.path);
  if (c.req.body.size() > kMaxImportBytes)
    return problem(errc::payload_too_large, "The CSV file is larger than 8 MiB; split it.", c.req.path);
  bool dry_run = false;
  if (auto d = c.req.query_param("dry_run")) {
    if (*d == "true" || *d == "1") dry_run = true;
    else if (*d != "false" && *d != "0")
      return problem(make_error(errc::bad_request, "dry_run must be true or false.", {{"dry_run", 0, "must be true or false"}}),
                     c.req.path);
  }
  auto r = s.systems.import_csv(*c.actor, c.req.body, dry_run);
  if (!r) return problem(r.error(), c.req.path);
  json::array warnings;
  for (const auto& w : r->warnings) warnings.push_back(json::object{{"field", w.field}, {"row", w.row}, {"message", w.message}});
  json::object o{{"created", r->created}, {"updated", r->updated}, {"dry_run", r->dry_run}, {"warnings", std::move(warnings)}};
  return json_response(200, json::serialize(o));
}

Response export_systems(Context& c, const SystemServices& s) {
  auto r = s.systems.export_csv(*c.actor, list_params(c.req));
  if (!r) return problem(r.error(), c.req.path);
  Response res;
  res.status = 200;
  res.content_type = "text/csv; charset=utf-8";
  res.body = std::move(*r);
  res.set_header("Content-Disposition", "attachment; filename=\"ai-systems.csv\"");
  return res;
}

}  // namespace aims::http::handlers
