// One-time links (invitations, password resets): a token "<org id>.<record id>.<secret>" whose
// SHA-256 alone is kept in the record it opens, and the record's state as a link sees it.
// Pure functions; thread-safe.
#pragma once
#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::accounts {

/// A link just made: the token (shown once) and its hash (stored).
struct MintedLink {
  std::string token;
  std::string sha256;
};

/// Where a token points: the organization and the record id.
struct LinkTarget {
  std::string org_id;
  std::string id;
};

MintedLink mint_link(const std::string& org_id, const std::string& id);

/// The target of a well-formed token; nullopt otherwise.
std::optional<LinkTarget> parse_link(std::string_view token);

/// The record of kind `kind` the token opens, with its doc parsed: not_found unless the token is
/// well-formed, the record exists and its "token_sha256" is the token's hash. `what` names it in
/// errors ("invitation", "password reset link").
result<store::RecordRow> open_link(store::ReadTx& tx, std::string_view kind, std::string_view token, const std::string& what);

/// ok while the link's doc is "pending" and not expired at `now`; otherwise conflict saying it
/// was used, revoked or expired (and what to do).
status check_pending(const boost::json::object& doc, TimePoint now, const std::string& what);

/// The status a link's doc has at `now`: pending, expired, accepted, revoked or done.
std::string link_status(const boost::json::object& doc, TimePoint now);

}  // namespace aims::accounts
