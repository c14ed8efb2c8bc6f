#include "domain/accounts/invitation_service.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/member_service.hpp"
#include "domain/accounts/one_time_link.hpp"
#include "domain/accounts/password_policy.hpp"
#include "domain/accounts/profile_service.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/records/list_query.hpp"
#include "domain/records/versions.hpp"

namespace aims::accounts {
namespace json = boost::json;

namespace {

constexpr int kDefaultDays = 7;
constexpr int kMaxInvitationDays = 30;
const std::string kWhat = "invitation";

/// The invitation as admins see it (never its hash).
json::object served(const store::RecordRow& r, const json::object& doc, TimePoint now) {
  json::object o{{"id", r.id},          {"email", doc.at("email")},          {"role", doc.at("role")},
                 {"status", link_status(doc, now)}, {"invited_by", doc.at("invited_by")}, {"created_at", r.created_at},
                 {"expires_at", doc.at("expires_at")}};
  for (const char* k : {"accepted_at", "revoked_at"})
    if (auto v = doc.if_contains(k)) o[k] = *v;
  return o;
}

/// Marks the invitation `r` accepted by `user_id` and adds the membership (both in the audit log).
status join_org(store::WriteTx& tx, const store::RecordRow& r, json::object doc, const std::string& user_id, const std::string& now) {
  store::Membership m;
  m.org_id = r.org_id;
  m.user_id = user_id;
  m.role = std::string(doc.at("role").as_string());
  m.created_at = now;
  if (auto s = tx.insert_membership(m); !s) {
    if (s.error().code == errc::conflict) return make_error(errc::conflict, "You are a member of this organization already.");
    return s;
  }
  doc["status"] = "accepted";
  doc["accepted_at"] = now;
  doc["accepted_by"] = user_id;
  return tx.put_record(records::next_version(r, doc, now, std::string(doc.at("email").as_string())), r.version);
}

/// The pending invitation a token opens, with its parsed doc.
result<std::pair<store::RecordRow, json::object>> pending(store::ReadTx& tx, const std::string& token, TimePoint now) {
  auto r = open_link(tx, InvitationService::kKind, token, kWhat);
  if (!r) return r.error();
  auto doc = json::parse(r->doc).as_object();
  if (auto s = check_pending(doc, now, kWhat); !s) return s.error();
  return std::make_pair(std::move(*r), std::move(doc));
}

json::object joined(const store::Organization& o, const store::User& u, const json::object& doc) {
  return json::object{{"organization", json::object{{"id", o.id}, {"name", o.name}}},
                      {"user", json::object{{"id", u.id}, {"email", u.email}, {"name", u.name}}},
                      {"role", doc.at("role")}};
}

}  // namespace

result<std::string> InvitationService::create(const Actor& a, const json::value& body) {
  if (auto s = need_admin(a, "invite people"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"email", "role", "expires_in_days"});
  auto email = text::lower(text::trim(in.text("email", 320, false, true).value_or("")));
  auto role = in.choice("role", {"admin", "manager", "contributor", "auditor", "viewer"});
  auto days = in.integer("expires_in_days", 1, kMaxInvitationDays);
  if (in.ok() && !text::looks_like_email(email)) in.error("email", "is not a valid email address");
  if (!role && in.ok()) in.error("role", "is required: one of admin, manager, contributor, auditor, viewer");
  if (!in.ok()) return in.failure("The invitation is not valid.");
  auto now = clock_.now();
  auto id = ids_.next("inv");
  auto link = mint_link(a.org_id, id);
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (auto u = tx.find_user_by_email(email); u && tx.find_membership(u->id, a.org_id))
      return make_error(errc::conflict, email + " is a member of this organization already.");
    auto at = format_time(now);
    json::object doc{{"email", email},       {"role", *role},        {"token_sha256", link.sha256},
                     {"invited_by", a.email}, {"status", "pending"},
                     {"expires_at", format_time(now + std::chrono::hours(24 * days.value_or(kDefaultDays)))}};
    store::RecordRow row{std::string(kKind), a.org_id, "", id, 1, 0, email, at, at, json::serialize(doc)};
    if (auto s = tx.put_record(row, 0); !s) return s;
    out = served(row, doc, now);
    return ok();
  });
  if (!st) return st.error();
  out["token"] = link.token;
  out["link"] = "/invite/" + link.token;
  return json::serialize(out);
}

result<std::string> InvitationService::list(const Actor& a, const std::optional<std::string>& limit,
                                            const std::optional<std::string>& cursor) {
  if (auto s = need_admin(a, "see invitations"); !s) return s.error();
  auto lim = inventory::parse_limit(limit);
  if (!lim) return lim.error();
  // Newest first: the store sorts and pages on (created_at, id) descending.
  const std::string sort = "-created_at";
  store::RecordQuery q;
  q.org_id = a.org_id;
  q.kind = std::string(kKind);
  q.parent_id = std::string();
  q.sort = store::FacetSlot::created_at;
  q.descending = true;
  q.limit = *lim;
  if (cursor) {
    q.after = records::decode_cursor(sort, *cursor);
    if (!q.after)
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list; start again without it"}});
  }
  store::RecordPage page;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    page = tx.query_records(q);
    return ok();
  });
  if (!st) return st.error();
  auto now = clock_.now();
  json::array items;
  for (const auto& r : page.items)
    items.push_back(stored::row_or_error(kKind, a.org_id, r.id, [&] { return served(r, stored::parse_object(r.doc), now); }));
  json::object out{{"items", std::move(items)}, {"total", page.total}};
  if (page.more && !page.items.empty())
    out["next"] = records::encode_cursor(sort, records::position_of(page.items.back(), q.sort));
  return json::serialize(out);
}

status InvitationService::revoke(const Actor& a, const std::string& id) {
  return store_.write([&](store::WriteTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kKind), "", id);
    if (!r) return make_error(errc::not_found, "No invitation " + id + " in this organization.");
    if (auto s = need_admin(a, "revoke invitations"); !s) return s;
    auto doc = json::parse(r->doc).as_object();
    auto now = clock_.now();
    if (link_status(doc, now) != "pending")
      return make_error(errc::conflict, "The invitation is " + link_status(doc, now) + "; only a pending one can be revoked.");
    doc["status"] = "revoked";
    doc["revoked_at"] = format_time(now);
    doc["revoked_by"] = a.email;
    return tx.put_record(records::next_version(*r, doc, format_time(now), a.email), r->version);
  });
}

result<std::string> InvitationService::preview(const std::string& token) {
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto p = pending(tx, token, clock_.now());
    if (!p) return p.error();
    const auto& [r, doc] = *p;
    auto org = tx.find_org(r.org_id);
    std::string email(doc.at("email").as_string());
    out = json::object{{"organization", json::object{{"id", r.org_id}, {"name", org ? org->name : std::string()}}},
                       {"email", email},
                       {"role", doc.at("role")},
                       {"expires_at", doc.at("expires_at")},
                       {"account_exists", tx.find_user_by_email(email).has_value()}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> InvitationService::accept(const std::string& token, const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name", "password"});
  auto name = read_name(in, "name");
  auto password = in.text("password", 1024, false, true);
  if (!in.ok()) return in.failure("Your name and a password are required.");
  std::string email, org_name;
  auto rst = store_.read([&](store::ReadTx& tx) -> status {
    auto p = pending(tx, token, clock_.now());
    if (!p) return p.error();
    email = std::string(p->second.at("email").as_string());
    if (tx.find_user_by_email(email))
      return make_error(errc::conflict, email + " has an account here already: log in, then open the link again to join.");
    if (auto o = tx.find_org(p->first.org_id)) org_name = o->name;
    return ok();
  });
  if (!rst) return rst.error();
  if (auto s = check_password_policy(*password, {email, *name, org_name}); !s) return s.error();
  auto hash = crypto::hash_password(*password);  // slow: outside the transaction
  ledger::ActorScope who(email);
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto p = pending(tx, token, clock_.now());
    if (!p) return p.error();
    auto now = clock_.now_text();
    store::User u{ids_.next("usr"), email, *name, hash, now, ""};
    if (auto s = tx.insert_user(u); !s) {
      if (s.error().code == errc::conflict) return make_error(errc::conflict, email + " has an account here already: log in, then open the link again to join.");
      return s;
    }
    if (auto s = join_org(tx, p->first, p->second, u.id, now); !s) return s;
    out = joined(*tx.find_org(p->first.org_id), u, p->second);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> InvitationService::join(const Principal& pr, const std::string& token) {
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto p = pending(tx, token, clock_.now());
    if (!p) return p.error();
    std::string email(p->second.at("email").as_string());
    if (email != pr.user.email)
      return make_error(errc::forbidden, "This invitation is for " + email + "; you are logged in as " + pr.user.email + ".");
    if (auto s = join_org(tx, p->first, p->second, pr.user.id, clock_.now_text()); !s) return s;
    out = joined(*tx.find_org(p->first.org_id), pr.user, p->second);
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::accounts
