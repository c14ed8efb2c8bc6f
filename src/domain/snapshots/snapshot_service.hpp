// Use cases of register snapshots (ISO/IEC 42001 7.5): a dated, frozen copy of the AI system
// inventory, the risk register or the SoA — its rows as the register's own list code serves them
// at that moment, with their SHA-256 — submitted to named approvers and approved by all of them
// through the controlled-document approval (documents/approval.hpp: never by its author, each
// decision with person and time, a rejection with a comment). Status: draft → in_approval →
// approved | rejected; nothing of a snapshot changes after its approval. Snapshots are generic
// records of kind register_snapshot; each change is saved with its history row and (through the
// audited store) its audit entry in one transaction. Acts for an Actor and checks its role.
// Owned by the composition root; thread-safe (state is in the store; the sources are the
// registers' thread-safe services).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::snapshots {

/// The rows of one register as its own list or export code serves them to the actor.
using RegisterRows = std::function<result<boost::json::array>(const accounts::Actor& a)>;
/// The readers of the registers, by register name (kRegisters).
using Sources = std::map<std::string, RegisterRows, std::less<>>;

class SnapshotService {
 public:
  SnapshotService(store::Store& store, const Clock& clock, Sources sources)
      : store_(store), clock_(clock), sources_(std::move(sources)) {}

  /// {"register"}: a new draft snapshot of the register's rows now (managers and admins).
  result<records::Versioned> create(const accounts::Actor& a, const boost::json::value& body);
  /// {"items": [snapshot without content], "total", "next"?}: filters register and status, sort
  /// number or created_at (default -number), limit and cursor; paged by the store.
  result<std::string> list(const accounts::Actor& a, const records::Params& p);
  /// One snapshot with its content.
  result<records::Versioned> get(const accounts::Actor& a, const std::string& id);
  /// {"approvers": [user ids]}: sends a draft to its approvers (admins or managers of the
  /// organization; the author never approves).
  result<records::Versioned> submit(const accounts::Actor& a, const std::string& id, const boost::json::value& body);
  /// An approver's decision ({comment?}; a rejection needs one): the last approval approves the
  /// snapshot, a rejection rejects it.
  result<records::Versioned> decide(const accounts::Actor& a, const std::string& id, bool approve,
                                    const boost::json::value& body);
  /// Its history (create, submit, approve, reject), newest first; 404 before 400.
  result<std::string> history(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);

 private:
  store::Store& store_;
  const Clock& clock_;
  Sources sources_;
};

}  // namespace aims::snapshots
