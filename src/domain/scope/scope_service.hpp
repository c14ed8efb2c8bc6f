// Use cases of the AIMS scope (clause 4.3): reading it with its certificate statement and its
// drift against the inventory, saving a new draft version (If-Match), its approval through the
// controlled-document approval (documents/approval.hpp: approvers named on submission, each must
// approve, the author of the last change never does, every decision recorded), its history, the
// statement of a draft not yet saved, and where one AI system stands. One record per organization, kept with the lifecycle
// helpers (version, history and audit entry in one transaction). Acts for an Actor and checks its
// role. Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/scope/scope_doc.hpp"
#include "store/store.hpp"

namespace aims::scope {

/// The scope as served: its JSON (with statement, drift and the names of its systems) and version.
struct View {
  std::int64_t version = 0;
  std::string json;
};

class ScopeService {
 public:
  ScopeService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// The scope; version 0 (an empty draft) until the first save. Anyone of the organization reads it.
  result<View> get(const accounts::Actor& a);
  /// Saves the whole scope as the next draft version; If-Match is required ("v0" for the first).
  result<View> put(const accounts::Actor& a, const boost::json::value& body, const std::optional<std::string>& if_match);
  /// Sends the current draft to its approvers ({"approvers": [user ids]}: admins or managers; the
  /// author of the last change is left out); If-Match required.
  result<View> submit(const accounts::Actor& a, const boost::json::value& body, const std::optional<std::string>& if_match);
  /// A named approver's decision on the version in approval ({comment?}; a rejection needs one and
  /// returns it to draft); the last approval approves it. If-Match required.
  result<View> decide(const accounts::Actor& a, bool approve, const boost::json::value& body,
                      const std::optional<std::string>& if_match);
  /// {"statement"} of a scope body not saved (validated like put; nothing is stored).
  result<std::string> preview(const accounts::Actor& a, const boost::json::value& body);
  /// The versions' history, newest first; 404 before the first save.
  result<std::string> history(const accounts::Actor& a, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);
  /// The drift items alone (the dashboard card).
  result<boost::json::array> drift_of(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
};

/// The organization's AI systems as the scope sees them, read in the caller's transaction.
Systems read_systems(store::ReadTx& tx, const std::string& org_id);

/// Where the system stands in the organization's scope ("unplaced" when there is no scope yet).
Placement placement_of(store::ReadTx& tx, const std::string& org_id, const std::string& system_id);

/// The scope membership of the organization's AI systems, derived from its scope record only (its
/// current version, draft or approved, as the drift is): read once per request, then asked for
/// each system of a page. Immutable after read; thread-safe.
class Membership {
 public:
  /// Reads the organization's scope record (one lookup) in the caller's transaction.
  static Membership read(store::ReadTx& tx, const std::string& org_id);
  /// {placement: "in" | "out" | "unplaced", reason (of an exclusion, else ""), scope_version (0
  /// before the first save), scope_status (draft, in_approval, approved; null before the first save)}.
  boost::json::object of(const std::string& system_id) const;
  /// The scope record's version (0 when there is none): changes whenever any membership can.
  std::int64_t version() const { return version_; }

 private:
  std::map<std::string, Placement> placed_;
  std::int64_t version_ = 0;
  std::string status_;
};

}  // namespace aims::scope
