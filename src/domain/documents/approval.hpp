// Approval by named approvers, for any record that must be approved by all of a list of people
// before it takes effect (a document version now; the AIMS scope or a register snapshot later).
// The state is a JSON object kept inside the record being approved:
//   {"required": [user ids], "submitted_at", "submitted_by", "decisions": [{user_id, email,
//    decision: "approve"|"reject", comment, at}]}
// so it lands in the record's history and audit entry with it. A decision is refused for a caller
// who is not a required approver or who wrote what is approved (403), and for an approver who has
// decided already (409); a rejection needs a comment. read_approvers checks the approvers named on
// a submission in the caller's transaction. Pure functions otherwise; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::documents::approval {

enum class Outcome { pending, approved, rejected };

/// A new approval round of `approvers` other than `author_id` (who never approves their own
/// work), submitted by `a` at `now`; 409 naming `what` when no approver other than the author is
/// left.
result<boost::json::object> start(const std::vector<std::string>& approvers, const std::string& author_id,
                                  const accounts::Actor& a, const std::string& now, std::string_view what);

/// Records the decision of `a` in `state`: approve (comment optional) or reject (comment
/// required, 422). The outcome: rejected at the first rejection, approved when every required
/// approver has approved, pending otherwise.
result<Outcome> decide(boost::json::object& state, const std::string& author_id, const accounts::Actor& a,
                       bool approve, const std::string& comment, const std::string& now);

/// The `approvers` of a submission body ({"approvers": [user ids]}, other members as `allowed`
/// says): 1 to 10 members of the organization whose role may approve records (admins and
/// managers); a validation error naming `approvers` otherwise. Read in the caller's transaction.
result<std::vector<std::string>> read_approvers(store::ReadTx& tx, const std::string& org_id, const boost::json::value& body,
                                                std::initializer_list<std::string_view> allowed = {"approvers"});

/// The required approvers who have not approved yet.
std::vector<std::string> waiting_for(const boost::json::object& state);

}  // namespace aims::documents::approval
