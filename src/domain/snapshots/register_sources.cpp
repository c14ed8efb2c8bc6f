#include "domain/snapshots/register_sources.hpp"

namespace aims::snapshots {
namespace json = boost::json;

namespace {

/// Appends the items of one page (a JSON array as text) to `rows`.
status append_page(json::array& rows, const std::string& items_json) {
  json::error_code ec;
  auto v = json::parse(items_json, ec);
  if (ec || !v.is_array()) return make_error(errc::internal, "a register page is not a JSON array");
  for (auto& item : v.as_array()) rows.push_back(std::move(item));
  return ok();
}

}  // namespace

Sources register_sources(inventory::SystemService& systems, risk::RiskService& risks, soa::SoaService& soa) {
  Sources out;
  out["inventory"] = [&systems](const accounts::Actor& a) -> result<json::array> {
    json::array rows;
    inventory::ListParams p;
    p.limit = "500";
    for (;;) {
      auto page = systems.list(a, p);
      if (!page) return page.error();
      if (auto s = append_page(rows, page->items_json); !s) return s.error();
      if (!page->next) return rows;
      p.cursor = page->next;
    }
  };
  out["risk_register"] = [&risks](const accounts::Actor& a) -> result<json::array> {
    json::array rows;
    std::optional<std::string> cursor;
    for (;;) {
      records::Params p{{"limit", "500"}};
      if (cursor) p.emplace_back("cursor", *cursor);
      auto page = risks.list(a, p);
      if (!page) return page.error();
      if (auto s = append_page(rows, page->items_json); !s) return s.error();
      if (!page->next) return rows;
      cursor = page->next;
    }
  };
  out["soa"] = [&soa](const accounts::Actor& a) -> result<json::array> {
    auto doc = soa.working(a);
    if (!doc) return doc.error();
    json::error_code ec;
    auto v = json::parse(*doc, ec);
    auto* items = !ec && v.is_object() ? v.as_object().if_contains("items") : nullptr;
    if (!items || !items->is_array()) return make_error(errc::internal, "the SoA's working copy has no entries");
    return std::move(items->as_array());
  };
  return out;
}

}  // namespace aims::snapshots
