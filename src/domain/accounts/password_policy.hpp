// Which passwords aims accepts (ASVS 6.2): 10 to 1024 characters, not a common password, not a
// trivial pattern (one character repeated, a repeated unit, a sequence, a keyboard walk, only
// spaces) and not the user's or organization's own name dressed up. Pure functions; thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::accounts {

/// What the password must not be built from.
struct PasswordContext {
  std::string email;
  std::string user_name;
  std::string org_name;
};

/// ok, or errc::validation with a field error on "password" that says why.
status check_password_policy(std::string_view password, const PasswordContext& ctx = {});

}  // namespace aims::accounts
