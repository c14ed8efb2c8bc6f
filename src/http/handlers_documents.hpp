// Handlers of the controlled documents' workflow (versions, approval, review, acknowledgements,
// PDF); the documents' fields are served by the generic record handlers. Stateless; thread-safe.
#pragma once
#include "domain/documents/document_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct DocumentServices {
  documents::DocumentService& documents;
};

}  // namespace aims::http

namespace aims::http::handlers {

Response list_document_versions(Context& c, const DocumentServices& s);
Response start_document_draft(Context& c, const DocumentServices& s);
Response get_document_version(Context& c, const DocumentServices& s);
Response update_document_version(Context& c, const DocumentServices& s);
Response submit_document_version(Context& c, const DocumentServices& s);
Response approve_document_version(Context& c, const DocumentServices& s);
Response reject_document_version(Context& c, const DocumentServices& s);
Response diff_document_versions(Context& c, const DocumentServices& s);
Response review_document(Context& c, const DocumentServices& s);
Response acknowledge_document(Context& c, const DocumentServices& s);
Response document_acknowledgements(Context& c, const DocumentServices& s);
Response my_document_acknowledgements(Context& c, const DocumentServices& s);
Response export_document_version(Context& c, const DocumentServices& s);

}  // namespace aims::http::handlers
