// Handlers of the controlled documents' workflow (versions, approval, review, acknowledgements,
// PDF); the documents' fields are served by the generic record handlers. Stateless; thread-safe.
#pragma once
#include "domain/documents/document_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct DocumentServices {
  documents::DocumentService& documents;
};

AIMS_HANDLERS(DocumentServices, list_document_versions, start_document_draft, get_document_version,
              update_document_version, submit_document_version, approve_document_version,
              reject_document_version, diff_document_versions, review_document, acknowledge_document,
              document_acknowledgements, my_document_acknowledgements, export_document_version)

}  // namespace aims::http
