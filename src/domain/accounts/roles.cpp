#include "domain/accounts/roles.hpp"

namespace aims::accounts {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "admin") return Role::admin;
  if (s == "manager") return Role::manager;
  if (s == "contributor") return Role::contributor;
  if (s == "auditor") return Role::auditor;
  if (s == "viewer") return Role::viewer;
  return std::nullopt;
}

std::string_view role_name(Role r) {
  switch (r) {
    case Role::admin: return "admin";
    case Role::manager: return "manager";
    case Role::contributor: return "contributor";
    case Role::auditor: return "auditor";
    case Role::viewer: return "viewer";
  }
  return "viewer";
}

bool allowed(Role r, Action a) {
  switch (a) {
    case Action::read: return true;
    case Action::write_record: return r == Role::admin || r == Role::manager || r == Role::contributor;
    case Action::archive_record:
    case Action::bulk_import:
    case Action::approve: return r == Role::admin || r == Role::manager;
    case Action::administer: return r == Role::admin;
    case Action::conduct_audit: return r == Role::admin || r == Role::manager || r == Role::auditor;
  }
  return false;
}

}  // namespace aims::accounts
