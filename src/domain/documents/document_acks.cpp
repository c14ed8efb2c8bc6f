// DocumentService: acknowledgements of a document's published major version by its audience,
// the caller's documents to acknowledge and the dashboard's count of missing acknowledgements.
// The lists are SQL queries on the facets (documents asking acknowledgement and not archived, a
// document's published version, the acknowledgements of one major version) read a page at a
// time, so memory stays bounded whatever the number of documents; the caller's list serves one
// page (limit, cursor) and counts the rest.
#include <algorithm>
#include <set>

#include "domain/common/stored.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "core/json_members.hpp"
#include "domain/records/list_query.hpp"

namespace aims::documents {
namespace json = boost::json;
using accounts::Actor;
using namespace detail;

namespace {

bool asks_acknowledgement(const json::object& doc) {
  auto p = doc.if_contains("ack_required");
  return p && p->is_bool() && p->as_bool() && !is_archived(doc);
}

/// The caller's acknowledgement of the document's major version.
std::optional<json::object> ack_of(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id,
                                   std::int64_t major, const std::string& user_id) {
  auto row = tx.find_record(org_id, ack_kind().kind, doc_id, ack_id(doc_id, major, user_id));
  if (!row) return std::nullopt;
  return stored::parse_object(row->doc);
}

/// The user ids who acknowledged the document's major version.
std::set<std::string> acknowledgers(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id,
                                    std::int64_t major) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = ack_kind().kind;
  q.parent_id = doc_id;
  q.filters = {store::FacetIn{store::FacetSlot::text0, {std::to_string(major)}}};
  std::set<std::string> out;
  for_each_row(tx, q, [&](const store::RecordRow& r) { out.insert(r.ref); });
  return out;
}

/// The documents not archived that ask for acknowledgement (their ack_required facet).
store::RecordQuery asking_acknowledgement(const std::string& org_id) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = document_kind().kind;
  q.parent_id = "";
  q.ref = "";
  q.filters = {store::FacetIn{kAckRequiredSlot, {"true"}}};
  return q;
}

/// Coverage of one document: its published version and each audience member's acknowledgement.
struct Coverage {
  std::optional<json::object> published;
  json::array members;
  std::int64_t acknowledged = 0;
};

Coverage coverage_of(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id, const json::object& doc) {
  Coverage c;
  auto pub = published_row(tx, org_id, doc_id);
  if (!pub) return c;
  c.published = version_view(*pub, true);
  auto major = c.published->at("major").as_int64();
  for (const auto& m : audience_of(tx, org_id, doc)) {
    auto user = tx.find_user(m.user_id);
    auto ack = ack_of(tx, org_id, doc_id, major, m.user_id);
    if (ack) ++c.acknowledged;
    c.members.push_back(json::object{{"user_id", m.user_id},
                                     {"email", user ? user->email : ""},
                                     {"acknowledged_at", ack ? ack->at("acknowledged_at") : json::value(nullptr)},
                                     {"label", ack ? ack->at("label") : json::value(nullptr)}});
  }
  return c;
}

}  // namespace

result<std::string> DocumentService::acknowledge(const Actor& a, const std::string& id) {
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    auto& doc = d->second;
    if (!asks_acknowledgement(doc)) return make_error(errc::conflict, "Document " + id + " does not ask for acknowledgement.");
    auto audience = audience_of(tx, a.org_id, doc);
    if (std::none_of(audience.begin(), audience.end(), [&](const auto& m) { return m.user_id == a.user_id; }))
      return make_error(errc::forbidden, "You are not in the audience of document " + id + ".");
    auto pub = published_row(tx, a.org_id, id);
    if (!pub) return make_error(errc::conflict, "Document " + id + " has no published version to acknowledge yet.");
    auto v = stored::parse_object(pub->doc);
    auto major = v.at("major").as_int64();
    if (auto had = ack_of(tx, a.org_id, id, major, a.user_id))
      return make_error(errc::conflict, "You acknowledged version " + string_at(*had, "label") + " of " + id +
                                            " already; a new major version asks again.");
    auto now = clock_.now_text();
    out = json::object{{"document_id", id},         {"label", v.at("label")}, {"major", major},
                       {"user_id", a.user_id},      {"email", a.email},           {"acknowledged_at", now},
                       {"content_hash", v.at("content_hash")}};
    store::RecordRow row{ack_kind().kind, a.org_id, id, ack_id(id, major, a.user_id), 1, major, a.user_id, now, now,
                         json::serialize(out)};
    return records::save(tx, ack_kind(), a, row, 0, "acknowledge",
                         json::array{json::object{{"field", "label"}, {"from", nullptr}, {"to", v.at("label")}}});
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> DocumentService::acknowledgements(const Actor& a, const std::string& id) {
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    auto c = coverage_of(tx, a.org_id, id, d->second);
    out = json::object{{"document_id", id},
                       {"required", asks_acknowledgement(d->second)},
                       {"label", c.published ? c.published->at("label") : json::value(nullptr)},
                       {"acknowledged", c.acknowledged},
                       {"audience_size", static_cast<std::int64_t>(c.members.size())},
                       {"members", std::move(c.members)}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

namespace {

/// The parameters of the caller's acknowledgements list: limit and cursor in document number
/// order, read by the one list parser (errors as on every list).
const records::KindSpec& my_acks_spec() {
  static const records::KindSpec spec = records::list_params_spec(
      document_kind().kind, "document", "Document", records::SortSpec{"number", records::Where::sql, store::FacetSlot::position}, false);
  return spec;
}

/// Whether `row` comes after keyset position `p` in number order (ties by id, as the store orders).
bool after_position(const store::RecordRow& row, const store::RecordPosition& p) {
  if (row.position != p.number) return row.position > p.number;
  if (row.id != p.id) return row.id > p.id;
  return row.parent_id > p.parent_id;
}

}  // namespace

result<std::string> DocumentService::my_acknowledgements(const Actor& a, const records::Params& params) {
  auto lq = records::parse_list(my_acks_spec(), params);
  if (!lq) return lq.error();
  if (lq->descending)
    return make_error(errc::bad_request, "The list parameters are not valid.",
                      std::vector<FieldError>{{"sort", 0, "must be number: the list is in document number order"}});
  json::array items;
  std::int64_t missing = 0, total = 0;
  std::optional<store::RecordPosition> last;  // the position of the page's last row
  bool more = false;
  const std::string role(accounts::role_name(a.role));
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    // The store reads the documents asking acknowledgement a page at a time, in number order. Each
    // counts toward total and missing; only the rows of the requested page are built and served.
    for_each_row(tx, asking_acknowledgement(a.org_id), [&](const store::RecordRow& row) {
      bool acknowledged = true;
      bool on_page = (!lq->after || after_position(row, *lq->after)) && static_cast<int>(items.size()) < lq->limit;
      // A document (or its published version) stored in a form that cannot be read is an error
      // row {document_id, id, error}; the list goes on.
      auto item = stored::row_or_error(document_kind().kind, a.org_id, row.id, [&]() -> json::object {
        auto doc = stored::parse_object(row.doc);
        if (!asks_acknowledgement(doc) || !audience_spec(doc).includes(a.user_id, role)) return {};
        auto pub = published_row(tx, a.org_id, row.id);
        if (!pub) return {};
        auto v = stored::parse_object(pub->doc);
        auto ack = ack_of(tx, a.org_id, row.id, v.at("major").as_int64(), a.user_id);
        acknowledged = ack.has_value();
        if (!on_page) return json::object{{"document_id", row.id}};
        return json::object{{"document_id", row.id},
                            {"title", doc.at("title")},
                            {"label", v.at("label")},
                            {"acknowledged_at", ack ? ack->at("acknowledged_at") : json::value(nullptr)},
                            {"acknowledged_label", ack ? ack->at("label") : json::value(nullptr)}};
      });
      if (item.empty()) return;
      ++total;
      if (stored::is_error_row(item)) item["document_id"] = row.id;
      else if (!acknowledged) ++missing;
      if (on_page) {
        items.push_back(std::move(item));
        last = records::position_of(row, store::FacetSlot::position);
      } else if (last && after_position(row, *last)) {
        more = true;
      }
    });
    return ok();
  });
  if (!st) return st.error();
  json::object out{{"items", std::move(items)}, {"missing", missing}, {"total", total}};
  if (more && last) out["next"] = records::encode_cursor(lq->sort_param, *last);
  return json::serialize(out);
}

result<std::int64_t> DocumentService::missing_acknowledgements(const Actor& a) {
  std::int64_t n = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    const auto members = tx.list_org_members(a.org_id);
    for_each_row(tx, asking_acknowledgement(a.org_id), [&](const store::RecordRow& row) {
      // An unreadable document is logged (and an error row in the lists), never a figure.
      stored::row_or_error(document_kind().kind, a.org_id, row.id, [&] {
        auto doc = stored::parse_object(row.doc);
        auto pub = published_row(tx, a.org_id, row.id);
        if (!asks_acknowledgement(doc) || !pub) return json::object{};
        auto acked = acknowledgers(tx, a.org_id, row.id, stored::parse_object(pub->doc).at("major").as_int64());
        auto audience = audience_spec(doc);
        for (const auto& m : members)
          if (audience.includes(m.user_id, m.role) && !acked.contains(m.user_id)) ++n;
        return json::object{};
      });
    });
    return ok();
  });
  if (!st) return st.error();
  return n;
}

}  // namespace aims::documents
