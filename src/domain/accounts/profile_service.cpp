#include "domain/accounts/profile_service.hpp"

#include <boost/json.hpp>

#include "domain/accounts/member_service.hpp"
#include "domain/common/input.hpp"
#include "store/account_details.hpp"

namespace aims::accounts {
namespace json = boost::json;

std::optional<std::string> read_name(input::Reader& in, std::string_view key) {
  auto name = in.text(key, 200, false, true);
  if (name && name->find('\t') != std::string::npos) {
    in.error(key, "must be one line of text without control characters");
    return std::nullopt;
  }
  return name;
}

result<std::optional<std::string>> last_login(store::Store& store, const std::string& user_id) {
  std::optional<std::string> out;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    auto d = store::account_details(tx);
    if (!d) return d.error();
    auto found = (*d)->find_last_logins({user_id});
    if (auto it = found.find(user_id); it != found.end()) out = it->second;
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ProfileService::rename_self(const Principal& p, const json::value& body) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name"});
  auto name = read_name(in, "name");
  if (!in.ok()) return in.failure("The name is not valid.");
  json::object out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = store::account_details(tx);
    if (!d) return d.error();
    auto u = tx.find_user(p.user.id);
    if (!u) return make_error(errc::unauthenticated, "The credentials are no longer valid.");
    if (u->name != *name) {
      if (auto s = (*d)->set_user_name(u->id, *name); !s) return s;
      json::array changes;
      changes.push_back(json::object{{"field", "name"}, {"from", u->name}, {"to", *name}});
      auto now = clock_.now_text();
      for (const auto& m : tx.list_memberships(u->id))
        if (auto s = log_member_change(tx, m.org_id, u->id, u->email, now, changes); !s) return s;
    }
    auto last = (*d)->find_last_logins({u->id});
    out = json::object{{"user", json::object{{"id", u->id},
                                             {"email", u->email},
                                             {"name", *name},
                                             {"last_login_at", last.empty() ? json::value(nullptr) : json::value(last.begin()->second)}}}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> ProfileService::rename_org(const Actor& a, const json::value& body) {
  if (auto s = need_admin(a, "rename the organization"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name"});
  auto name = read_name(in, "name");
  if (!in.ok()) return in.failure("The organization name is not valid.");
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = store::account_details(tx);
    if (!d) return d.error();
    auto org = tx.find_org(a.org_id);
    if (!org) return make_error(errc::not_found, "No organization " + a.org_id + ".");
    if (org->name == *name) return ok();  // the same name: nothing changes
    if (auto s = (*d)->rename_org(a.org_id, *name); !s) {
      if (s.error().code == errc::conflict)
        return make_error(errc::conflict, "An organization named '" + *name + "' exists already; choose another name.",
                          {{"name", 0, "is taken"}});
      return s;
    }
    json::array changes;
    changes.push_back(json::object{{"field", "name"}, {"from", org->name}, {"to", *name}});
    return log_change(tx, a.org_id, "organization", a.org_id, a.email, clock_.now_text(), changes);
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"id", a.org_id}, {"name", *name}});
}

}  // namespace aims::accounts
