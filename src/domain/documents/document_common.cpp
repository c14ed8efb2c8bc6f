#include "domain/documents/document_common.hpp"

#include <algorithm>
#include <charconv>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/records/list_query.hpp"
#include "core/json_members.hpp"

namespace aims::documents::detail {
namespace json = boost::json;

std::optional<Label> parse_label(const std::string& s) {
  auto dot = s.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == s.size()) return std::nullopt;
  Label l;
  auto read = [](std::string_view part, std::int64_t& out) {
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && p == part.data() + part.size() && out >= 0 && out < 100000 &&
           (part.size() == 1 || part[0] != '0');
  };
  if (!read(std::string_view(s).substr(0, dot), l.major) || !read(std::string_view(s).substr(dot + 1), l.minor) ||
      l.major < 1)
    return std::nullopt;
  return l;
}

std::string version_id(const std::string& doc_id, const Label& l) { return doc_id + "@" + l.text(); }

std::string ack_id(const std::string& doc_id, std::int64_t major, const std::string& user_id) {
  return doc_id + "@" + std::to_string(major) + "/" + user_id;
}

result<std::pair<store::RecordRow, json::object>> load_document(store::ReadTx& tx, const accounts::Actor& a,
                                                                const std::string& id) {
  auto row = records::find(tx, document_kind(), a.org_id, id);
  if (!row) return row.error();
  if (auto s = stored::readable("document", a.org_id, id, row->doc); !s) return s.error();
  auto doc = stored::parse_object(row->doc);
  return std::make_pair(std::move(*row), std::move(doc));
}


result<VersionToChange> version_to_change(store::ReadTx& tx, const accounts::Actor& a, const std::string& id,
                                          const std::string& label, std::string_view what) {
  auto d = load_document(tx, a, id);
  if (!d) return d.error();
  auto row = find_version(tx, a.org_id, id, label);
  if (!row) return row.error();
  if (auto s = records::require(a, accounts::Action::write_record, what); !s) return s.error();
  if (auto s = records::not_archived("Document", id, d->second); !s) return s.error();
  auto version = stored::parse_object(row->doc);
  return VersionToChange{std::move(d->first), std::move(d->second), std::move(*row), std::move(version)};
}

std::vector<store::RecordRow> version_rows(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = version_kind().kind;
  f.parent_id = doc_id;
  auto rows = tx.list_records(f);
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.position > y.position; });
  return rows;
}

result<store::RecordRow> find_version(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id,
                                      const std::string& label) {
  auto l = parse_label(label);
  auto row = l ? tx.find_record(org_id, version_kind().kind, doc_id, version_id(doc_id, *l)) : std::nullopt;
  if (!row) return make_error(errc::not_found, "No version " + label + " of document " + doc_id + ".");
  return std::move(*row);
}

const store::RecordRow* published_of(const std::vector<store::RecordRow>& rows) {
  for (const auto& r : rows)
    if (string_at(stored::parse_object(r.doc), "status") == "published") return &r;
  return nullptr;
}

std::optional<store::RecordRow> published_row(store::ReadTx& tx, const std::string& org_id, const std::string& doc_id) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = version_kind().kind;
  q.parent_id = doc_id;
  q.filters = {store::FacetIn{store::FacetSlot::text0, {"published"}}};
  q.limit = 1;
  q.count = false;
  auto page = tx.query_records(q);
  if (page.items.empty()) return std::nullopt;
  return std::move(page.items.front());
}

void for_each_row(store::ReadTx& tx, store::RecordQuery q, const std::function<void(const store::RecordRow&)>& fn) {
  q.sort = store::FacetSlot::position;
  q.descending = false;
  q.limit = kPageRows;
  q.count = false;
  q.after.reset();
  for (bool more = true; more;) {
    auto page = tx.query_records(q);
    for (const auto& r : page.items) fn(r);
    more = page.more && !page.items.empty();
    if (more) q.after = records::position_of(page.items.back(), q.sort);
  }
}

bool Audience::includes(const std::string& user_id, std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end() ||
         std::find(user_ids.begin(), user_ids.end(), user_id) != user_ids.end();
}

Audience audience_spec(const json::object& doc) {
  Audience out;
  out.roles = audience_roles_of(doc);
  if (doc.contains("audience") && doc.at("audience").is_array()) out.user_ids = input::from_array(doc.at("audience"));
  return out;
}

std::vector<store::Membership> audience_of(store::ReadTx& tx, const std::string& org_id, const json::object& doc) {
  auto audience = audience_spec(doc);
  std::vector<store::Membership> out;
  for (auto& m : tx.list_org_members(org_id))
    if (audience.includes(m.user_id, m.role)) out.push_back(std::move(m));
  return out;
}

}  // namespace aims::documents::detail
