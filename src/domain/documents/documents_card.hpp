// The controlled documents' dashboard card: published documents whose review is overdue and the
// acknowledgements their audiences still owe, with the links the web follows. Stateless; the
// provider borrows the service, which outlives the dashboard.
#pragma once
#include "domain/dashboard/dashboard.hpp"
#include "domain/documents/document_service.hpp"

namespace aims::documents {

void add_documents_card(dashboard::Dashboard& d, DocumentService& documents);

}  // namespace aims::documents
