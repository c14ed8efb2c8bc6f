#include "domain/accounts/member_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "core/crypto.hpp"
#include "core/json_members.hpp"
#include "core/text.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/one_time_link.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/profile_service.hpp"
#include "store/account_details.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/accounts/user_service.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/people/kinds.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "domain/records/versions.hpp"

namespace aims::accounts {
namespace json = boost::json;

namespace {

constexpr auto kResetDays = 7;

json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

bool reset_pending(store::ReadTx& tx, const std::string& org_id, const std::string& user_id) {
  auto r = tx.find_record(org_id, std::string(MemberService::kResetKind), "", user_id);
  if (!r) return false;
  try {  // an unreadable link record must not break the members list
    return stored::parse_object(r->doc).at("status") == "pending";
  } catch (const std::exception&) {
    return false;
  }
}

/// A member as the members page shows them.
json::object member_json(store::ReadTx& tx, const std::string& org_id, const store::User& u, const std::string& role,
                         const std::string& joined_at, const std::string& last_login) {
  return json::object{{"id", u.id},
                      {"email", u.email},
                      {"name", u.name},
                      {"role", role},
                      {"status", u.disabled_at.empty() ? "active" : "deactivated"},
                      {"joined_at", joined_at},
                      {"deactivated_at", text_or_null(u.disabled_at)},
                      {"last_login_at", text_or_null(last_login)},
                      {"password_reset_pending", reset_pending(tx, org_id, u.id)}};
}

}  // namespace

status need_admin(const Actor& a, std::string_view what) {
  if (allowed(a.role, Action::administer)) return ok();
  return make_error(errc::forbidden, "Only an admin may " + std::string(what) + "; your role is " + std::string(role_name(a.role)) + ".");
}

result<store::User> find_member(store::ReadTx& tx, const Actor& a, const std::string& ref) {
  auto u = ref.find('@') != std::string::npos ? tx.find_user_by_email(text::lower(text::trim(ref))) : tx.find_user(ref);
  if (!u || !tx.find_membership(u->id, a.org_id)) return make_error(errc::not_found, "No member " + ref + " in this organization.");
  return std::move(*u);
}

status may_change_account(store::ReadTx& tx, const Actor& a, const store::User& u, std::string_view verb) {
  if (u.id == a.user_id) return make_error(errc::conflict, "You cannot " + std::string(verb) + " yourself; another admin can.");
  for (const auto& m : tx.list_memberships(u.id)) {
    auto mine = tx.find_membership(a.user_id, m.org_id);
    if (!mine || mine->role != "admin")
      return make_error(errc::forbidden, u.email + " is also a member of an organization you are not an admin of; the server's operator can " +
                                             std::string(verb) + " them ('aims user " + std::string(verb) + "').");
  }
  return ok();
}

status log_change(store::WriteTx& tx, const std::string& org_id, const std::string& record_type, const std::string& record_id,
                  const std::string& actor, const std::string& at, const json::array& changes) {
  // The record's history counts its own versions: one more than the newest row.
  auto newest = tx.list_history(org_id, record_type, record_id, 1, std::nullopt);
  std::int64_t version = newest.empty() ? 1 : newest.front().version + 1;
  store::HistoryRow h{org_id, record_type, record_id, version, at, actor, "update", json::serialize(changes)};
  return tx.insert_history(h);
}

status log_member_change(store::WriteTx& tx, const std::string& org_id, const std::string& user_id, const std::string& actor,
                         const std::string& at, const json::array& changes) {
  return log_change(tx, org_id, "membership", user_id, actor, at, changes);
}

status check_no_pending_reset(store::ReadTx& tx, const std::string& user_id) {
  for (const auto& m : tx.list_memberships(user_id))
    if (reset_pending(tx, m.org_id, user_id))
      return make_error(errc::forbidden, "An admin of " + m.org_name +
                                             " requires you to set a new password: open the link they gave you (or ask them for a new one).");
  return ok();
}

result<std::string> MemberService::list(const Actor& a) {
  if (auto s = need_admin(a, "see the members page"); !s) return s.error();
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto details = store::account_details(tx);
    if (!details) return details.error();
    auto members = tx.list_org_members(a.org_id);
    std::vector<std::string> ids;
    for (const auto& m : members) ids.push_back(m.user_id);
    auto logins = (*details)->find_last_logins(ids);  // one query for the page
    for (const auto& m : members) {
      auto u = tx.find_user(m.user_id);
      if (!u) continue;
      auto l = logins.find(u->id);
      items.push_back(member_json(tx, a.org_id, *u, m.role, m.created_at, l == logins.end() ? std::string() : l->second));
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

namespace {

/// The directory's list parameters: q, limit, cursor and sort=name (the only order), read by the
/// one list parser so that errors read as on every list.
const records::KindSpec& directory_spec() {
  static const records::KindSpec spec = records::list_params_spec(
      "member_directory", "member", "Member", records::SortSpec{"name", records::Where::sql, store::FacetSlot::text0}, true);
  return spec;
}

/// user id → the names of the AIMS roles they hold today (role assignments not archived, from ≤
/// today ≤ until), for the users of one page: one query of assignments, one read per role.
std::map<std::string, json::array> aims_roles_of(store::ReadTx& tx, const std::string& org_id,
                                                 const std::vector<std::string>& users, const std::string& today) {
  std::map<std::string, json::array> out;
  if (users.empty()) return out;
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = people::role_assignment_kind().kind;
  q.parent_id = "";
  q.ref = "";  // not archived
  q.filters = {store::FacetIn{store::FacetSlot::text0, users}};
  q.limit = 0;
  q.count = false;
  std::map<std::string, std::string> names;  // role id → name ("" when unreadable)
  for (const auto& row : tx.query_records(q).items) {
    try {
      auto doc = stored::parse_object(row.doc);
      auto from = string_at(doc, "from"), until = string_at(doc, "until"), role = string_at(doc, "role_id"),
           person = string_at(doc, "person");
      if ((!from.empty() && from > today) || (!until.empty() && until < today) || role.empty()) continue;
      auto [it, fresh] = names.try_emplace(role);
      if (fresh) it->second = records::stored_text(tx, org_id, people::aims_role_kind().kind, role, "name");
      if (it->second.empty()) continue;
      auto& list = out[person];
      if (std::find(list.begin(), list.end(), json::value(it->second)) == list.end()) list.emplace_back(it->second);
    } catch (const std::exception&) {
      // A stored assignment that cannot be read leaves the directory whole.
    }
  }
  return out;
}

}  // namespace

result<std::string> MemberService::directory(const Actor& a, const std::vector<std::pair<std::string, std::string>>& params) {
  if (!allowed(a.role, Action::write_record))
    return make_error(errc::forbidden, "Your role (" + std::string(role_name(a.role)) +
                                           ") may not read the member directory: it is there to pick approvers, "
                                           "which contributors, managers and admins do.");
  auto lq = records::parse_list(directory_spec(), params);
  if (!lq) return lq.error();
  if (lq->descending)
    return make_error(errc::bad_request, "The list parameters are not valid.",
                      std::vector<FieldError>{{"sort", 0, "must be name: the directory is listed by name only"}});
  store::DirectoryQuery q;
  q.org_id = a.org_id;
  q.text = lq->text.value_or("");
  q.limit = lq->limit + 1;
  if (lq->after) {
    q.after_key = lq->after->text;
    q.after_id = lq->after->id;
  }
  json::object out;
  auto today = clock_.now_text().substr(0, 10);
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto details = store::account_details(tx);
    if (!details) return details.error();
    auto rows = (*details)->page_directory(q);
    bool more = static_cast<std::int64_t>(rows.size()) > lq->limit;
    if (more) rows.resize(static_cast<std::size_t>(lq->limit));
    std::vector<std::string> ids;
    for (const auto& r : rows) ids.push_back(r.user_id);
    auto held = aims_roles_of(tx, a.org_id, ids, today);
    json::array items;
    for (const auto& r : rows) {
      auto role = parse_role(r.role);
      auto h = held.find(r.user_id);
      items.push_back(json::object{{"id", r.user_id},
                                   {"name", r.name},
                                   {"role", r.role},
                                   {"may_approve", role && allowed(*role, Action::approve)},
                                   {"aims_roles", h == held.end() ? json::array() : h->second}});
    }
    out["items"] = std::move(items);
    out["total"] = (*details)->count_directory(q);
    if (more) out["next"] = records::encode_cursor(lq->sort_param, store::RecordPosition{rows.back().key, 0, rows.back().user_id, ""});
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> MemberService::change_role(const Actor& a, const std::string& user_ref, const json::value& body) {
  if (auto s = need_admin(a, "change roles"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"role"});
  auto role = in.choice("role", {"admin", "manager", "contributor", "auditor", "viewer"});
  if (!role && in.ok()) in.error("role", "is required");
  if (!in.ok()) return in.failure("The role change is not valid.");
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto u = find_member(tx, a, user_ref);
    if (!u) return u.error();
    auto m = tx.find_membership(u->id, a.org_id);
    if (m->role != *role) {
      if (*role != "admin")
        if (auto s = keep_an_admin(tx, a.org_id, *u, "demote"); !s) return s;
      // The membership is replaced: the audit log shows its old and new content.
      if (auto s = tx.delete_membership(a.org_id, u->id); !s) return s;
      store::Membership next = *m;
      next.role = *role;
      if (auto s = tx.insert_membership(next); !s) return s;
      json::array changes;
      changes.push_back(json::object{{"field", "role"}, {"from", m->role}, {"to", *role}});
      if (auto s = log_member_change(tx, a.org_id, u->id, a.email, clock_.now_text(), changes); !s) return s;
    }
    auto details = store::account_details(tx);
    if (!details) return details.error();
    auto logins = (*details)->find_last_logins({u->id});
    out = json::serialize(member_json(tx, a.org_id, *u, *role, m->created_at, logins.empty() ? std::string() : logins.begin()->second));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> MemberService::force_reset(const Actor& a, const std::string& user_ref) {
  if (auto s = need_admin(a, "require a password reset"); !s) return s.error();
  auto now = clock_.now();
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto u = find_member(tx, a, user_ref);
    if (!u) return u.error();
    if (auto s = may_change_account(tx, a, *u, "reset-password"); !s) return s;
    if (!u->disabled_at.empty()) return make_error(errc::conflict, u->email + " is deactivated; reactivate them first.");
    auto link = mint_link(a.org_id, u->id);
    auto expires = format_time(now + std::chrono::hours(24 * kResetDays));
    auto existing = tx.find_record(a.org_id, std::string(kResetKind), "", u->id);
    json::object doc{{"email", u->email}, {"token_sha256", link.sha256}, {"status", "pending"},
                     {"requested_by", a.email}, {"expires_at", expires}};
    auto at = format_time(now);
    std::int64_t version = existing ? existing->version : 0;
    store::RecordRow row{std::string(kResetKind), a.org_id, "", u->id, version + 1, 0, u->id,
                         existing ? existing->created_at : at, at, json::serialize(doc)};
    if (auto s = tx.put_record(row, version); !s) return s;
    tx.delete_other_sessions(u->id, "");
    out = json::object{{"user", json::object{{"id", u->id}, {"email", u->email}}},
                       {"token", link.token},
                       {"link", "/password-reset/" + link.token},
                       {"expires_at", expires}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> MemberService::preview_reset(const std::string& token) {
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto r = open_link(tx, kResetKind, token, "password reset link");
    if (!r) return r.error();
    auto doc = json::parse(r->doc).as_object();
    if (auto s = check_pending(doc, clock_.now(), "password reset link"); !s) return s;
    out = json::object{{"email", doc.at("email")}, {"expires_at", doc.at("expires_at")}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

status MemberService::complete_reset(const std::string& token, const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"password"});
  auto password = in.text("password", 1024, false, true);
  if (!in.ok()) return in.failure("The new password is missing.");
  // Read first, check the policy and hash outside the transaction (slow; the callback may be retried).
  std::optional<store::User> user;
  std::string org_name;
  auto rst = store_.read([&](store::ReadTx& tx) -> status {
    auto r = open_link(tx, kResetKind, token, "password reset link");
    if (!r) return r.error();
    if (auto s = check_pending(json::parse(r->doc).as_object(), clock_.now(), "password reset link"); !s) return s;
    user = tx.find_user(r->id);
    if (auto o = tx.find_org(r->org_id)) org_name = o->name;
    return user ? ok() : make_error(errc::not_found, "The user of this link no longer exists.");
  });
  if (!rst) return rst;
  if (auto s = check_password_policy(*password, {user->email, user->name, org_name}); !s) return s;
  auto hash = crypto::hash_password(*password);
  ledger::ActorScope who(user->email);  // the audit log names the person who used the link
  return store_.write([&](store::WriteTx& tx) -> status {
    auto r = open_link(tx, kResetKind, token, "password reset link");
    if (!r) return r.error();
    auto doc = json::parse(r->doc).as_object();
    if (auto s = check_pending(doc, clock_.now(), "password reset link"); !s) return s;
    if (auto s = tx.update_user_password(user->id, hash); !s) return s;
    tx.delete_other_sessions(user->id, "");
    doc["status"] = "done";
    doc["done_at"] = clock_.now_text();
    return tx.put_record(records::next_version(*r, doc, clock_.now_text(), user->email), r->version);
  });
}

result<std::string> MemberService::create_org(const Principal& p, const json::value& body) {
  bool admin = std::any_of(p.memberships.begin(), p.memberships.end(), [](const auto& m) { return m.role == "admin"; });
  if (!admin) return make_error(errc::forbidden, "Only an admin of an organization may create another one.");
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name"});
  auto name = read_name(in, "name");
  if (!in.ok()) return in.failure("The organization is not valid.");
  AdminService admins(store_, clock_, ids_);
  auto org = admins.create_org(*name, p.user.email, "");
  if (!org) return org.error();
  return json::serialize(json::object{{"id", org->id}, {"name", org->name}, {"role", "admin"}, {"created_at", org->created_at}});
}

}  // namespace aims::accounts
