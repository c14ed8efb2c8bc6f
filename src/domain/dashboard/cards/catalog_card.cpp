// The catalog card: what the ISO/IEC 42001 catalog holds (as GET
// /api/v1/catalog/frameworks/iso42001/items counts it), computed once when the card is added.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_catalog_card(Dashboard& d, const catalog::Catalog& catalog) {
  json::object figures;
  if (const auto* fw = catalog.framework("iso42001")) {
    auto count = [&](auto pred) {
      std::int64_t n = 0;
      for (const auto& i : fw->items) n += pred(i) ? 1 : 0;
      return n;
    };
    figures = json::object{
        {"main_clauses", count([](const catalog::Item& i) { return i.kind == "clause" && !i.parent; })},
        {"subclauses", count([](const catalog::Item& i) { return i.kind == "clause" && i.leaf && i.parent; })},
        {"controls", count([](const catalog::Item& i) { return i.kind == "control"; })},
        {"areas", count([](const catalog::Item& i) { return i.kind == "annex_a_area"; })},
        {"ai_objectives", count([](const catalog::Item& i) { return i.kind == "ai_objective"; })},
        {"risk_sources", count([](const catalog::Item& i) { return i.kind == "risk_source"; })}};
  }
  d.add("catalog", [figures](const accounts::Actor&) -> result<json::value> { return figures; });
}

}  // namespace aims::dashboard
