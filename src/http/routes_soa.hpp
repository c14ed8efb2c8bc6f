// The Statement of Applicability routes: the working copy, its entries, approved versions, diff and export.
// SoaServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/soa/soa_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct SoaServices {
  soa::SoaService& soa;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_soa_routes(Router& r, SoaServices s);

}  // namespace aims::http
