// What the DocumentService files share: the version labels (major.minor), a document's rows of
// versions and acknowledgements, its audience, and the served JSON of a version.
// Stateless functions used inside the caller's transaction; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/lifecycle.hpp"
#include "store/store.hpp"

namespace aims::documents::detail {

struct Label {
  std::int64_t major = 1, minor = 0;
  std::string text() const { return std::to_string(major) + "." + std::to_string(minor); }
};

/// "2.1" → {2, 1}; nullopt for anything else.
std::optional<Label> parse_label(const std::string& s);

/// The store id of a document's version or of an acknowledgement: "DOC-1@2.1", "DOC-1@2/u_…".
std::string version_id(const std::string& doc_id, const Label& l);
std::string ack_id(const std::string& doc_id, std::int64_t major, const std::string& user_id);

/// The document (404 in the kind's words), parsed.
result<std::pair<store::RecordRow, boost::json::object>> load_document(store::ReadTx& tx, const accounts::Actor& a,
                                                                       const std::string& id);

using records::is_archived;

/// A document's version about to change, with the document.
struct VersionToChange {
  store::RecordRow document_row;
  boost::json::object document;
  store::RecordRow row;
  boost::json::object version;
};

/// The document and its version `label` for a change by `a`: 404 for either, then 403 unless the
/// role may write records ("Your role … may not `what`."), then 409 when the document is archived.
result<VersionToChange> version_to_change(store::ReadTx& tx, const accounts::Actor& a, const std::string& id,
                                          const std::string& label, std::string_view what);

/// The document's versions, newest first.
std::vector<store::RecordRow> version_rows(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id);

/// The version of `label` (404 "No version 2.1 of document DOC-1.").
result<store::RecordRow> find_version(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id,
                                      const std::string& label);

/// The published version among `rows`, if any.
const store::RecordRow* published_of(const std::vector<store::RecordRow>& rows);

/// The document's published version, if any: one indexed read on the versions' status facet.
std::optional<store::RecordRow> published_row(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id);

/// Calls `fn` on every row `q` matches (its org, kind, filters; sort, limit, cursor and count are
/// set here), read kPageRows at a time in number order: memory stays bounded whatever the number
/// of rows.
inline constexpr int kPageRows = 200;
void for_each_row(store::ReadTx& tx, store::RecordQuery q, const std::function<void(const store::RecordRow&)>& fn);

/// Whom a document asks to acknowledge it: its audience members (user ids) and audience roles.
struct Audience {
  std::vector<std::string> user_ids, roles;
  bool includes(const std::string& user_id, std::string_view role) const;
};
Audience audience_spec(const boost::json::object& doc);

/// The members of the organization the document asks to acknowledge it (its audience members
/// still in the organization and the members of its audience roles).
std::vector<store::Membership> audience_of(store::ReadTx& tx, const std::string& org_id, const boost::json::object& doc);

/// The served JSON of a version (with `content` unless `brief`).
using records::served_version;
using records::version_view;


}  // namespace aims::documents::detail
