// The evidence routes: streamed upload, list, freshness, metadata, content, links and events.
// EvidenceServices is a set of references to services the composition root owns; thread-safe like them.
#pragma once
#include "domain/evidence/evidence_service.hpp"
#include "http/router.hpp"

namespace aims::http {

/// The services the area's handlers call (owned by the composition root, outliving the router).
struct EvidenceServices {
  evidence::EvidenceService& evidence;
};

/// Registers the area's routes (literal paths before the templates of the same prefix).
void register_evidence_routes(Router& r, EvidenceServices s);

}  // namespace aims::http
