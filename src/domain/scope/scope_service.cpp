#include "domain/scope/scope_service.hpp"

#include "core/json_members.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/documents/approval.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/versions.hpp"
#include "domain/scope/scope_kind.hpp"

namespace aims::scope {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

json::object parse_object(const std::string& text) {
  json::error_code ec;
  auto v = json::parse(text, ec);
  return !ec && v.is_object() ? std::move(v.as_object()) : json::object{};
}

/// The empty draft served before the first save.
json::object empty_scope() {
  json::object d{{"status", "draft"}, {"approved_by", nullptr}, {"approved_at", nullptr}, {"approval", nullptr}};
  for (const auto& f : scope_fields()) d[f] = f == "boundaries" ? json::value("") : json::value(json::array{});
  return d;
}

/// The served scope: the stored document, its version, statement, drift and the names of its systems.
View view_of(const Actor& a, const std::optional<store::RecordRow>& row, const Systems& systems) {
  auto doc = row ? parse_object(row->doc) : empty_scope();
  json::object names;
  auto name = [&](const json::value& id) {
    if (!id.is_string()) return;
    auto it = systems.find(std::string(id.as_string()));
    names[id.as_string()] = it == systems.end() ? json::value(nullptr) : json::value(it->second.name);
  };
  for (const auto& id : array_at(doc, "in_scope")) name(id);
  for (const auto& e : array_at(doc, "out_of_scope"))
    if (e.is_object())
      if (auto p = e.as_object().if_contains("system_id")) name(*p);
  std::int64_t version = row ? row->version : 0;
  doc["version"] = version;
  doc["statement"] = statement(a.org_name, doc, systems);
  doc["drift"] = drift(doc, systems);
  doc["names"] = std::move(names);
  return View{version, json::serialize(doc)};
}

std::optional<store::RecordRow> find_scope(store::ReadTx& tx, const std::string& org_id) {
  return tx.find_record(org_id, scope_kind().kind, "", kScopeId);
}

Error no_scope() {
  return make_error(errc::not_found, "This organization has no AIMS scope yet; save one first.");
}

}  // namespace

Systems read_systems(store::ReadTx& tx, const std::string& org_id) {
  Systems out;
  store::SystemQuery q;
  q.org_id = org_id;
  q.archived = store::ArchivedFilter::all;
  q.limit = 500;
  for (bool more = true; more;) {
    auto page = tx.list_systems(q);
    for (const auto& s : page.items) {
      auto doc = parse_object(s.doc);
      out[s.id] = SystemFact{string_at(doc, "name"), string_at(doc, "status"), s.archived};
    }
    more = page.more && !page.items.empty();
    if (more) q.after = store::SystemCursor{page.items.back().name_key, page.items.back().id};
  }
  return out;
}

Placement placement_of(store::ReadTx& tx, const std::string& org_id, const std::string& system_id) {
  auto row = find_scope(tx, org_id);
  if (!row) return {"unplaced", ""};
  return placement(parse_object(row->doc), system_id);
}

Membership Membership::read(store::ReadTx& tx, const std::string& org_id) {
  Membership m;
  if (auto row = find_scope(tx, org_id)) {
    auto doc = parse_object(row->doc);
    m.placed_ = placements(doc);
    m.version_ = row->version;
    m.status_ = string_at(doc, "status");
  }
  return m;
}

json::object Membership::of(const std::string& system_id) const {
  auto it = placed_.find(system_id);
  const Placement& p = it == placed_.end() ? Placement{"unplaced", ""} : it->second;
  return json::object{{"placement", p.where},
                      {"reason", p.reason},
                      {"scope_version", version_},
                      {"scope_status", version_ == 0 ? json::value(nullptr) : json::value(status_)}};
}

result<View> ScopeService::get(const Actor& a) {
  if (auto s = records::require(a, Action::read, "read the AIMS scope"); !s) return s.error();
  View out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    out = view_of(a, find_scope(tx, a.org_id), read_systems(tx, a.org_id));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> ScopeService::put(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  if (auto s = records::require(a, Action::write_record, "change the AIMS scope"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto existing = find_scope(tx, a.org_id);
    std::int64_t version = existing ? existing->version : 0;
    if (auto s = records::check_version(if_match, version, true, "The AIMS scope"); !s) return s;
    auto systems = read_systems(tx, a.org_id);
    auto fields = read_scope(body, systems);
    if (!fields) return fields.error();
    auto now = clock_.now_text();
    json::object before = existing ? parse_object(existing->doc) : empty_scope();
    json::object doc = before;
    for (const auto& f : scope_fields()) doc[f] = fields->at(f);
    auto changes = records::changes_of(before, doc, scope_fields());
    if (existing && changes.empty()) {  // nothing changed: no new version
      out = view_of(a, existing, systems);
      return ok();
    }
    records::add_change(changes, before, json::object{{"status", "draft"}}, "status");
    doc["status"] = "draft";
    doc["approved_by"] = nullptr;
    doc["approved_at"] = nullptr;
    doc["approval"] = nullptr;  // a change ends an open approval round: the new draft is submitted anew
    doc["author"] = a.user_id;
    store::RecordRow row;
    if (existing) {
      row = records::next_version(*existing, doc, now, a.email);
    } else {
      doc["created_at"] = now;
      doc["created_by"] = a.email;
      doc["updated_at"] = now;
      doc["updated_by"] = a.email;
      row.kind = scope_kind().kind;
      row.org_id = a.org_id;
      row.id = kScopeId;
      row.version = 1;
      row.created_at = now;
      row.updated_at = now;
      row.doc = json::serialize(doc);
    }
    if (auto s = records::save(tx, scope_kind(), a, row, version, existing ? "update" : "create", changes); !s) return s;
    out = view_of(a, row, systems);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

namespace {

/// The scope for an approval step: 409 before the first save, then If-Match (428 / 412).
result<store::RecordRow> scope_to_approve(store::ReadTx& tx, const Actor& a, const std::optional<std::string>& if_match) {
  auto existing = find_scope(tx, a.org_id);
  if (!existing) return make_error(errc::conflict, "There is no AIMS scope to approve yet; save one first.");
  if (auto s = records::check_version(if_match, existing->version, true, "The AIMS scope", "approve it again"); !s)
    return s.error();
  return std::move(*existing);
}

/// Whether `a` made the last change (the author's user id, or their email on a scope saved before
/// the author was kept).
bool is_author(const json::object& doc, const Actor& a) {
  auto author = string_at(doc, "author");
  return author.empty() ? string_at(doc, "updated_by") == a.email : author == a.user_id;
}

Error not_in_approval(const store::RecordRow& row, const json::object& doc) {
  auto v = "Version " + std::to_string(row.version) + " of the AIMS scope";
  if (string_at(doc, "status") == "approved") return make_error(errc::conflict, v + " is approved already.");
  return make_error(errc::conflict, v + " is a draft; submit it to its approvers first.");
}

}  // namespace

result<View> ScopeService::submit(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  if (auto s = records::require(a, Action::write_record, "submit the AIMS scope for approval"); !s) return s.error();
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto existing = scope_to_approve(tx, a, if_match);
    if (!existing) return existing.error();
    auto approvers = documents::approval::read_approvers(tx, a.org_id, body);
    if (!approvers) return approvers.error();
    auto doc = parse_object(existing->doc);
    if (string_at(doc, "status") != "draft")
      return make_error(errc::conflict, "Version " + std::to_string(existing->version) + " of the AIMS scope is " +
                                            (string_at(doc, "status") == "approved" ? "approved already." : "in approval already."));
    auto now = clock_.now_text();
    auto state = documents::approval::start(*approvers, string_at(doc, "author"), a, now, "the AIMS scope");
    if (!state) return state.error();
    json::object before = doc;
    doc["status"] = "in_approval";
    doc["approval"] = std::move(*state);
    // Each step is a version of its own, but the last change stays its author's.
    auto row = records::next_version(*existing, doc, now, string_at(before, "updated_by"));
    auto changes = records::changes_of(before, doc, std::initializer_list<std::string_view>{"status"});
    if (auto s = records::save(tx, scope_kind(), a, row, existing->version, "submit", changes); !s) return s;
    out = view_of(a, row, read_systems(tx, a.org_id));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> ScopeService::decide(const Actor& a, bool approve, const json::value& body,
                                  const std::optional<std::string>& if_match) {
  if (auto s = records::require(a, Action::approve, approve ? "approve the AIMS scope" : "reject the AIMS scope"); !s)
    return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"comment"});
  auto comment = in.text("comment", 2000, true);
  if (!in.ok()) return in.failure("The decision is not valid.");
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto existing = scope_to_approve(tx, a, if_match);
    if (!existing) return existing.error();
    auto doc = parse_object(existing->doc);
    if (is_author(doc, a))
      return make_error(errc::forbidden, "You made the last change to the AIMS scope; another admin or manager approves it.");
    if (string_at(doc, "status") != "in_approval") return not_in_approval(*existing, doc);
    auto now = clock_.now_text();
    json::object before = doc;
    auto outcome = documents::approval::decide(doc["approval"].as_object(), string_at(doc, "author"), a, approve,
                                               comment.value_or(""), now);
    if (!outcome) return outcome.error();
    if (*outcome == documents::approval::Outcome::rejected) {
      doc["status"] = "draft";
    } else if (*outcome == documents::approval::Outcome::approved) {
      doc["status"] = "approved";
      doc["approved_by"] = a.email;
      doc["approved_at"] = now;
    }
    auto row = records::next_version(*existing, doc, now, string_at(before, "updated_by"));
    auto changes = records::changes_of(before, doc, std::initializer_list<std::string_view>{"status", "approved_by", "approved_at"});
    changes.push_back(json::object{{"field", "decision"}, {"from", nullptr}, {"to", a.email + (approve ? ": approve" : ": reject")}});
    if (auto s = records::save(tx, scope_kind(), a, row, existing->version, approve ? "approve" : "reject", changes); !s) return s;
    out = view_of(a, row, read_systems(tx, a.org_id));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ScopeService::preview(const Actor& a, const json::value& body) {
  if (auto s = records::require(a, Action::read, "read the AIMS scope"); !s) return s.error();
  Systems systems;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    systems = read_systems(tx, a.org_id);
    return ok();
  });
  if (!st) return st.error();
  auto fields = read_scope(body, systems);
  if (!fields) return fields.error();
  return json::serialize(json::object{{"statement", statement(a.org_name, *fields, systems)}});
}

result<std::string> ScopeService::history(const Actor& a, const std::optional<std::string>& limit,
                                          const std::optional<std::string>& cursor) {
  if (auto s = records::require(a, Action::read, "read the AIMS scope"); !s) return s.error();
  bool exists = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    exists = find_scope(tx, a.org_id).has_value();
    return ok();
  });
  if (!st) return st.error();
  if (!exists) return no_scope();
  return records::history_page(store_, scope_kind(), a, kScopeId, limit, cursor);
}

result<json::array> ScopeService::drift_of(const Actor& a) {
  if (auto s = records::require(a, Action::read, "read the AIMS scope"); !s) return s.error();
  json::array out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = find_scope(tx, a.org_id);
    out = drift(row ? parse_object(row->doc) : empty_scope(), read_systems(tx, a.org_id));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::scope
