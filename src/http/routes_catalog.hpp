// The catalog routes: frameworks, maturity levels and catalog items (read-only).
// CatalogServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/catalog/catalog.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct CatalogServices {
  const catalog::Catalog& catalog;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_catalog_routes(Router& r, CatalogServices s);

}  // namespace aims::http
