#include "domain/demo/demo_members.hpp"

#include <utility>

#include "domain/accounts/admin_service.hpp"

namespace aims::demo {

status add_members(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& admin,
                   const std::string& password) {
  static constexpr std::pair<const char*, const char*> kMembers[] = {
      {kComplianceLead, "manager"}, {kCto, "manager"},     {kDataSteward, "contributor"},
      {kOversightLead, "contributor"}, {kAuditor, "auditor"},
  };
  accounts::AdminService accounts_admin(store, clock, ids);
  for (const auto& [email, role] : kMembers)
    if (auto s = accounts_admin.add_user(admin.org_name, email, role, password); !s) return s;
  return ok();
}

result<std::string> member_id(store::Store& store, const std::string& email) {
  std::optional<store::User> u;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    u = tx.find_user_by_email(email);
    return ok();
  });
  if (!st) return st.error();
  if (!u) return make_error(errc::internal, "the demo has no member " + email);
  return u->id;
}

}  // namespace aims::demo
