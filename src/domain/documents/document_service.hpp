// Use cases of controlled documents beyond their fields (which the generic record service keeps):
// versions major.minor with Markdown content and its SHA-256, drafts started from the published
// version, the published version frozen, the line diff of two versions, submission for approval
// by all of the document's approvers (approval.hpp) with publication on the last approval, the
// "reviewed, no change" event that moves the next review date, and acknowledgements of each major
// version by the document's audience. Versions and acknowledgements are generic records under
// the document (kinds document_version and document_ack); each change is saved with its history
// row and (through the audited store) its audit entry in one transaction.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/kind_spec.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::documents {

/// The longest Markdown content of a version, in bytes.
inline constexpr std::size_t kMaxContent = 200'000;

class DocumentService {
 public:
  DocumentService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// {"items": [version without content, newest first]}.
  result<std::string> versions(const accounts::Actor& a, const std::string& id);
  result<records::Versioned> version(const accounts::Actor& a, const std::string& id, const std::string& label);
  /// A new draft: the first is 1.0; later ones start from the published version's content as its
  /// next "minor" or "major" version. 409 while another draft or a version in review exists.
  result<records::Versioned> start_draft(const accounts::Actor& a, const std::string& id, const boost::json::value& body);
  /// Changes the content or change note of a draft (If-Match required); 409 for a version in
  /// review, published or superseded (frozen).
  result<records::Versioned> update_draft(const accounts::Actor& a, const std::string& id, const std::string& label,
                                          const boost::json::value& body, const std::optional<std::string>& if_match);
  result<records::Versioned> submit(const accounts::Actor& a, const std::string& id, const std::string& label);
  /// An approver's decision; the last approval publishes the version (the one before is superseded),
  /// a rejection returns it to draft.
  result<records::Versioned> decide(const accounts::Actor& a, const std::string& id, const std::string& label,
                                    bool approve, const boost::json::value& body);
  /// The served document and its published (or superseded) version with content, for its PDF;
  /// 409 for a draft or a version in review.
  result<std::pair<boost::json::object, boost::json::object>> published_version(const accounts::Actor& a, const std::string& id,
                                                                               const std::string& label);
  /// {"from", "to", "lines": line_diff}.
  result<std::string> diff(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& from,
                           const std::optional<std::string>& to);
  /// "Reviewed, no change": the next review date moves by the review interval from today; the
  /// document is served.
  result<records::Versioned> review(const accounts::Actor& a, const std::string& id, const boost::json::value& body);
  /// The caller acknowledges the published version (once per major version).
  result<std::string> acknowledge(const accounts::Actor& a, const std::string& id);
  /// {"version", "required", "acknowledged", "audience_size", "members": [{user_id, email, acknowledged_at|null, version}]}.
  result<std::string> acknowledgements(const accounts::Actor& a, const std::string& id);
  /// The caller's documents to acknowledge, one page in document number order (limit 1–500, default
  /// 50; cursor; 400 for anything else): {"items": [{document_id, title, label, acknowledged_at|null,
  /// acknowledged_label|null}], "missing", "total", "next"?} — missing and total over all pages; a
  /// document stored in a form that cannot be read is an error row {document_id, id, error}. SQL
  /// queries on the facets, a page of documents at a time.
  result<std::string> my_acknowledgements(const accounts::Actor& a, const records::Params& params);
  /// The number of published documents whose review date is before today (for the dashboard; a
  /// SQL query with the review date `below` today).
  result<std::int64_t> overdue_reviews(const accounts::Actor& a);
  /// Missing acknowledgements over every document's audience (for the dashboard).
  result<std::int64_t> missing_acknowledgements(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::documents
