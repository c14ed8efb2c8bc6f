// Seeds a few evidence files into the demo organization: small generated documents that are what
// their names say (Markdown, CSV, a one-page PDF), linked to demo records, one expiring soon and
// one expired. Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Uploads the demo evidence as the demo organization's admin (`admin_email`), after seed().
status seed_evidence(store::Store& store, evidence::EvidenceService& evidence, const Clock& clock,
                     const std::string& admin_email);

/// A minimal valid one-page PDF showing `lines` of text (Helvetica), for demo and test files.
std::string tiny_pdf(const std::vector<std::string>& lines);

}  // namespace aims::demo
