// The controlled documents area: the workflow service of documents (their fields are a
// field-driven kind of the records area), its operations and its dashboard card.
#include "app/areas/areas.hpp"

#include <stdexcept>

#include "domain/documents/document_kind.hpp"
#include "domain/documents/documents_card.hpp"
#include "http/handlers_documents.hpp"

namespace aims::app {

void add_documents(AreaContext& a) {
  // The versions' and acknowledgements' list facets (their kinds are not in the registry).
  if (auto b = documents::backfill_document_facets(a.infra.store); !b) throw std::runtime_error(b.error().detail);
  auto& document_service = a.services.make<documents::DocumentService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::DocumentServices{document_service});
  a.operations.add(AIMS_OPERATIONS(h, list_document_versions, start_document_draft, get_document_version,
                                   update_document_version, submit_document_version, approve_document_version,
                                   reject_document_version, diff_document_versions, review_document,
                                   acknowledge_document, document_acknowledgements, my_document_acknowledgements,
                                   export_document_version));
  documents::add_documents_card(a.dashboard, document_service);
}

}  // namespace aims::app
