// The details of accounts that only the people pages need: each user's last successful log-in, a
// user's own change of their display name, and the renaming of an organization. Every SQL
// transaction answers them (SqlTx implements this next to WriteTx), and the audit log's write
// decorator forwards them, logging an organization's rename; reach them from a transaction with
// account_details(). Borrowed from the transaction; used by its thread only.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace aims::store {

/// One active member in an organization's directory: what every member who submits for approval
/// may see of a colleague (no email). `key` is the sort key (the lower-cased name).
struct DirectoryEntry {
  std::string user_id;
  std::string name;
  std::string role;
  std::string key;
};

/// A page of the directory: active members (not deactivated) of `org_id` whose lower-cased name
/// contains `text` (empty: all), ordered by (key, user_id), after `after_key`/`after_id` when
/// `after_id` is not empty; at most `limit` rows.
struct DirectoryQuery {
  std::string org_id;
  std::string text;
  std::string after_key;
  std::string after_id;
  std::int64_t limit = 50;
};

class AccountDetails {
 public:
  virtual ~AccountDetails() = default;
  /// user id → the time of their last successful log-in, for the users among `user_ids` who have
  /// logged in at least once (one query).
  virtual std::map<std::string, std::string> find_last_logins(const std::vector<std::string>& user_ids) = 0;
  /// The organization's directory page (DirectoryQuery) and the count of its matches on all pages.
  virtual std::vector<DirectoryEntry> page_directory(const DirectoryQuery& q) = 0;
  virtual std::int64_t count_directory(const DirectoryQuery& q) = 0;
  // Writes (on a read-only transaction they fail like any write there).
  /// Sets the time of the user's last successful log-in; errc::not_found if absent.
  virtual status set_user_last_login(const std::string& user_id, const std::string& at) = 0;
  /// Sets the user's display name; errc::not_found if absent.
  virtual status set_user_name(const std::string& user_id, const std::string& name) = 0;
  /// Renames the organization: errc::not_found if absent, errc::conflict if another one has the name.
  virtual status rename_org(const std::string& org_id, const std::string& name) = 0;
};

/// The account details of a transaction; errc::internal when its store has none.
inline result<AccountDetails*> account_details(ReadTx& tx) {
  if (auto* d = dynamic_cast<AccountDetails*>(&tx)) return d;
  return make_error(errc::internal, "this store keeps no account details");
}

}  // namespace aims::store
