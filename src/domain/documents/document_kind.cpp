#include "domain/documents/document_kind.hpp"

#include "domain/accounts/roles.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::documents {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

std::vector<std::string> audience_roles_of(const json::object& doc) {
  std::vector<std::string> out;
  auto text = records::doc_text(&doc, "audience_roles");
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    auto role = records::lower_trimmed(text.substr(start, end - start));
    if (!role.empty()) out.push_back(role);
    start = end + 1;
  }
  return out;
}

namespace {

/// Audience roles must be app roles; a document to acknowledge needs someone to acknowledge it.
void check(const json::object& doc, std::vector<FieldError>& errors) {
  auto roles = audience_roles_of(doc);
  for (const auto& r : roles)
    if (!accounts::parse_role(r)) {
      errors.push_back({"audience_roles", 0, "'" + r + "' is not a role (admin, manager, contributor, auditor, viewer)"});
      break;
    }
  auto members = doc.if_contains("audience");
  bool has_members = members && members->is_array() && !members->as_array().empty();
  auto ack = doc.if_contains("ack_required");
  if (ack && ack->is_bool() && ack->as_bool() && roles.empty() && !has_members)
    errors.push_back({"audience", 0, "a document to acknowledge needs an audience: members or roles"});
}

records::KindSpec document_spec() {
  auto k = records::named_kind("document", "document", "Document", "DOC-");
  k.plural = "Documents";
  k.path = "documents";
  k.cli = "document";
  k.clause = "7.5";
  k.check = check;
  FieldSpec title{"title", "Title", "The document's title, e.g. AI policy.", FieldType::text, true};
  title.column = true;
  title.sort = FacetSlot::text6;
  title.search = true;
  FieldSpec type{"type", "Type", "What kind of document it is.", FieldType::enumeration, true};
  type.values = {{"policy", "Policy"}, {"procedure", "Procedure"}, {"standard", "Standard"},
                 {"plan", "Plan"},     {"record", "Record"},       {"statement", "Statement"}};
  type.column = true;
  type.filter = FacetSlot::text0;
  FieldSpec classification{"classification", "Classification", "Who may see the document.", FieldType::enumeration, true};
  classification.values = {{"public", "Public"}, {"internal", "Internal"}, {"confidential", "Confidential"},
                           {"restricted", "Restricted"}};
  classification.default_value = "internal";
  classification.column = true;
  classification.filter = FacetSlot::text1;
  FieldSpec owner{"owner", "Owner", "The member who keeps the document up to date.", FieldType::ref};
  owner.ref = "user";
  owner.column = true;
  owner.filter = FacetSlot::text2;
  FieldSpec approvers{"approvers", "Approvers", "The members who must all approve a version before it is published.",
                      FieldType::refs};
  approvers.ref = "user";
  approvers.max_items = 10;
  FieldSpec interval{"review_interval_months", "Review interval (months)", "How often the document is reviewed.",
                     FieldType::integer, true};
  interval.min = 1;
  interval.max = 60;
  interval.default_value = 12;
  FieldSpec review{"next_review_date", "Next review", "When the document is reviewed next.", FieldType::date};
  review.column = true;
  review.sort = kReviewDateSlot;
  FieldSpec ack{"ack_required", "Acknowledgement required", "Whether the audience must acknowledge each major version.",
                FieldType::boolean, true};
  ack.default_value = false;
  ack.filter = kAckRequiredSlot;
  FieldSpec audience{"audience", "Audience (members)", "The members who must read and acknowledge the document.",
                     FieldType::refs};
  audience.ref = "user";
  audience.max_items = 200;
  FieldSpec roles{"audience_roles", "Audience (roles)",
                  "The roles whose members must acknowledge it, comma-separated (admin, manager, contributor, auditor, viewer).",
                  FieldType::text};
  roles.max_length = 100;
  k.fields = {title, type, classification, owner, approvers, interval, review, ack, audience, roles};
  k.demo = {
      R"({"title":"AI risk management procedure","type":"procedure","classification":"internal","review_interval_months":12,"next_review_date":"2027-05-31"})",
      R"({"title":"AI system lifecycle procedure","type":"procedure","classification":"internal","review_interval_months":24,"next_review_date":"2027-09-30"})",
  };
  return records::field_kind(std::move(k));
}

/// A version is found by its status (text0: the published one of a document, in one indexed read).
store::RecordFacets version_facets(const store::RecordRow&, const json::object* doc) {
  store::RecordFacets f;
  f.text[0] = records::doc_text(doc, "status");
  return f;
}

/// An acknowledgement is found by its document's major version (text0; its row's position).
store::RecordFacets ack_facets(const store::RecordRow& row, const json::object*) {
  store::RecordFacets f;
  f.text[0] = std::to_string(row.position);
  return f;
}

records::KindSpec make_version_kind() {
  auto k = records::named_kind("document_version", "document version", "Document version", "", version_facets);
  k.facets_rev = 2;  // 2: the status facet
  return k;
}
records::KindSpec make_ack_kind() {
  auto k = records::named_kind("document_ack", "acknowledgement", "Acknowledgement", "", ack_facets);
  k.facets_rev = 2;  // 2: the major version facet
  return k;
}

}  // namespace

const records::KindSpec& document_kind() { return records::built_once<document_spec>(); }
const records::KindSpec& version_kind() { return records::built_once<make_version_kind>(); }
const records::KindSpec& ack_kind() { return records::built_once<make_ack_kind>(); }

status backfill_document_facets(store::Store& store) { return records::backfill_facets(store, {&version_kind(), &ack_kind()}); }

}  // namespace aims::documents
