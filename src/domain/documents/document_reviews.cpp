// DocumentService: the "reviewed, no change" event, acknowledgements of a document's published
// major version by its audience, and the figures of the dashboard card.
#include <algorithm>

#include "core/date.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/records/record_service.hpp"
#include "domain/records/versions.hpp"

namespace aims::documents {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;
using namespace detail;

namespace {

Date add_months(Date d, std::int64_t months) {
  std::chrono::year_month_day ymd{d};
  auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{ym / std::chrono::last}.day();
  return std::chrono::sys_days{ym / std::min(ymd.day(), last)};
}

bool asks_acknowledgement(const json::object& doc) {
  auto p = doc.if_contains("ack_required");
  return p && p->is_bool() && p->as_bool() && !is_archived(doc);
}

/// The acknowledgement rows of the document's major version, by user id.
std::optional<json::object> ack_of(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id,
                                   std::int64_t major, const std::string& user_id) {
  auto row = tx.find_record(org_id, ack_kind().kind, doc_id, ack_id(doc_id, major, user_id));
  if (!row) return std::nullopt;
  return stored::parse_object(row->doc);
}

/// Coverage of one document: its published version and each audience member's acknowledgement.
struct Coverage {
  std::optional<json::object> published;
  json::array members;
  std::int64_t acknowledged = 0;
};

Coverage coverage_of(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id, const json::object& doc) {
  Coverage c;
  auto rows = version_rows(tx, org_id, doc_id);
  const auto* pub = published_of(rows);
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

std::vector<store::RecordRow> document_rows(store::ReadTx& tx, const std::string& org_id) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = document_kind().kind;
  f.parent_id = "";
  return tx.list_records(f);
}

}  // namespace

result<records::Versioned> DocumentService::review(const Actor& a, const std::string& id, const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    if (auto s = records::require(a, Action::write_record, "record document reviews"); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"note"});
    auto note = in.text("note", 2000, true);
    if (!in.ok()) return in.failure("The review is not valid.");
    auto& [row, doc] = *d;
    if (is_archived(doc)) return make_error(errc::conflict, "Document " + id + " is archived; restore it before reviewing it.");
    if (!published_of(version_rows(tx, a.org_id, id)))
      return make_error(errc::conflict, "Document " + id + " has no published version to review yet.");
    auto months = doc.contains("review_interval_months") && doc.at("review_interval_months").is_int64()
                      ? doc.at("review_interval_months").as_int64() : 12;
    auto now = clock_.now_text();
    auto next_date = format_date(add_months(date_of(clock_.now()), months));
    json::array changes{json::object{{"field", "next_review_date"},
                                     {"from", doc.contains("next_review_date") ? doc.at("next_review_date") : nullptr},
                                     {"to", next_date}}};
    if (note && !note->empty()) changes.push_back(json::object{{"field", "review_note"}, {"from", nullptr}, {"to", *note}});
    auto after = doc;
    after["next_review_date"] = next_date;
    after["last_reviewed_at"] = now;
    after["last_reviewed_by"] = a.email;
    auto next = records::next_version(row, after, now, a.email);
    if (auto s = records::save(tx, document_kind(), a, next, row.version, "review", changes); !s) return s;
    out = records::Versioned{id, next.version, json::serialize(records::record_view(document_kind(), next))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

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
    const auto rows = version_rows(tx, a.org_id, id);
    const auto* pub = published_of(rows);
    if (!pub) return make_error(errc::conflict, "Document " + id + " has no published version to acknowledge yet.");
    auto v = stored::parse_object(pub->doc);
    auto major = v.at("major").as_int64();
    if (auto had = ack_of(tx, a.org_id, id, major, a.user_id))
      return make_error(errc::conflict, "You acknowledged version " + str(*had, "label") + " of " + id +
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

result<std::string> DocumentService::my_acknowledgements(const Actor& a) {
  json::array items;
  std::int64_t missing = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& row : document_rows(tx, a.org_id)) {
      auto doc = stored::parse_object(row.doc);
      if (!asks_acknowledgement(doc)) continue;
      auto audience = audience_of(tx, a.org_id, doc);
      if (std::none_of(audience.begin(), audience.end(), [&](const auto& m) { return m.user_id == a.user_id; })) continue;
      const auto rows = version_rows(tx, a.org_id, row.id);
      const auto* pub = published_of(rows);
      if (!pub) continue;
      auto v = stored::parse_object(pub->doc);
      auto ack = ack_of(tx, a.org_id, row.id, v.at("major").as_int64(), a.user_id);
      if (!ack) ++missing;
      items.push_back(json::object{{"document_id", row.id},
                                   {"title", doc.at("title")},
                                   {"label", v.at("label")},
                                   {"acknowledged_at", ack ? ack->at("acknowledged_at") : json::value(nullptr)},
                                   {"acknowledged_label", ack ? ack->at("label") : json::value(nullptr)}});
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}, {"missing", missing}});
}

result<std::int64_t> DocumentService::overdue_reviews(const Actor& a) {
  std::int64_t n = 0;
  auto today = format_date(date_of(clock_.now()));
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& row : document_rows(tx, a.org_id)) {
      auto doc = stored::parse_object(row.doc);
      auto due = str(doc, "next_review_date");
      if (!is_archived(doc) && !due.empty() && due < today && published_of(version_rows(tx, a.org_id, row.id))) ++n;
    }
    return ok();
  });
  if (!st) return st.error();
  return n;
}

result<std::int64_t> DocumentService::missing_acknowledgements(const Actor& a) {
  std::int64_t n = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& row : document_rows(tx, a.org_id)) {
      auto doc = stored::parse_object(row.doc);
      if (!asks_acknowledgement(doc)) continue;
      auto c = coverage_of(tx, a.org_id, row.id, doc);
      if (c.published) n += static_cast<std::int64_t>(c.members.size()) - c.acknowledged;
    }
    return ok();
  });
  if (!st) return st.error();
  return n;
}

}  // namespace aims::documents
