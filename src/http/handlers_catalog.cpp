#include <boost/json.hpp>
#include <charconv>

#include "core/text.hpp"
#include "domain/inventory/system_service.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

const catalog::Framework* find_framework(Context& c, const CatalogServices& s, Response& err) {
  const auto& id = c.req.params.at("framework");
  const auto* fw = s.catalog.framework(id);
  if (!fw) err = problem(errc::not_found, "No framework '" + id + "' in the catalog; see /api/v1/catalog/frameworks.", c.req.path);
  return fw;
}

}  // namespace

Response list_frameworks(Context& c, const CatalogServices& s) {
  json::array items;
  for (const auto& fw : s.catalog.frameworks()) {
    json::array kinds;
    for (const auto& k : fw.kinds) kinds.emplace_back(k);
    items.push_back(json::object{{"id", fw.id},
                                 {"title", fw.title},
                                 {"version", fw.version},
                                 {"source", fw.source},
                                 {"licence", fw.licence},
                                 {"item_count", fw.items.size()},
                                 {"kinds", std::move(kinds)}});
  }
  return json_response(200, json::serialize(json::object{{"items", std::move(items)}}));
}

Response list_maturity_levels(Context& c, const CatalogServices& s) {
  json::array items;
  for (const auto& m : s.catalog.maturity_levels())
    items.push_back(json::object{{"level", m.level}, {"name", m.name}, {"description", m.description}});
  return json_response(200, json::serialize(json::object{{"items", std::move(items)}}));
}

Response list_catalog_items(Context& c, const CatalogServices& s) {
  Response err;
  const auto* fw = find_framework(c, s, err);
  if (!fw) return err;
  catalog::ItemFilter f;
  std::vector<FieldError> errs;
  if (auto k = c.req.query_param("kind")) {
    const auto& kinds = catalog::Catalog::known_kinds();
    if (std::find(kinds.begin(), kinds.end(), *k) == kinds.end())
      errs.push_back({"kind", 0, "must be one of clause, annex_a_area, control_objective, control, ai_objective, risk_source, lifecycle_stage"});
    f.kind = *k;
  }
  f.parent = c.req.query_param("parent");
  if (auto q = c.req.query_param("q")) {
    auto t = text::lower(text::trim(*q));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    if (!t.empty()) f.text = t;
  }
  auto limit = inventory::parse_limit(c.req.query_param("limit"));
  if (!limit) {
    auto e = limit.error();
    errs.insert(errs.end(), e.errors.begin(), e.errors.end());
  }
  std::size_t offset = 0;
  if (auto cur = c.req.query_param("cursor")) {
    auto [p, ec] = std::from_chars(cur->data(), cur->data() + cur->size(), offset);
    if (ec != std::errc() || p != cur->data() + cur->size()) errs.push_back({"cursor", 0, "is not a cursor of this list"});
  }
  if (!errs.empty()) return problem(make_error(errc::bad_request, "The list parameters are not valid.", errs), c.req.path);
  auto all = s.catalog.select(*fw, f);
  std::size_t end = std::min(all.size(), offset + static_cast<std::size_t>(*limit));
  std::string body = R"({"items":[)";
  for (std::size_t i = offset; i < end; ++i) {
    if (i > offset) body += ',';
    body += all[i]->json_text;
  }
  body += R"(],"total":)" + std::to_string(all.size());
  if (end < all.size()) body += R"(,"next":")" + std::to_string(end) + '"';
  body += '}';
  return json_response(200, std::move(body));
}

Response get_catalog_item(Context& c, const CatalogServices& s) {
  Response err;
  const auto* fw = find_framework(c, s, err);
  if (!fw) return err;
  const auto& id = c.req.params.at("item_id");
  const auto* it = s.catalog.find(fw->id, id);
  if (!it) return problem(errc::not_found, "No item '" + id + "' in " + fw->id + ".", c.req.path);
  return json_response(200, it->json_text);
}

}  // namespace aims::http::handlers
