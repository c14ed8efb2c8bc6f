// One's own profile and the organization's name: a user's display name (they change it
// themselves) and last successful log-in, and an admin's rename of the organization. A user is not
// a record of one organization, so a name change is noted in the history and audit log of each of
// theirs (a history-only `membership` entry); a rename is an `organization` entry. Stateless apart
// from its references; thread-safe (state is in the store).
#pragma once
#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::input {
class Reader;
}

namespace aims::accounts {

/// A person's or an organization's name from the body member `key` (required): trimmed, 1 to 200
/// characters, one line without control characters (tabs neither); a field error otherwise.
std::optional<std::string> read_name(input::Reader& in, std::string_view key);

/// The time of the user's last successful log-in; nullopt if they never logged in.
result<std::optional<std::string>> last_login(store::Store& store, const std::string& user_id);

class ProfileService {
 public:
  ProfileService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// PATCH /api/v1/me {name}: the caller's own display name (read_name's rules). Answers
  /// {user: {id, email, name, last_login_at}}.
  result<std::string> rename_self(const Principal& p, const boost::json::value& body);
  /// PATCH /api/v1/org {name} (admin): renames the caller's organization, the name checked as at
  /// creation; conflict if another organization has it. Answers {id, name}.
  result<std::string> rename_org(const Actor& a, const boost::json::value& body);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::accounts
