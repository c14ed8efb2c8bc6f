// The EU AI Act obligations register: one record per AI system and obligation (kind
// `obligation`, parent = the system id, id = the obligation id), created and retired when the
// system's classification changes, with status, owner, evidence references and notes kept by
// the organization. Acts for an Actor and checks its role. Owned by the composition root;
// thread-safe (state is in the store; the data is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/euact/eu_data.hpp"
#include "domain/euact/obligation_query.hpp"
#include "domain/euact/obligations.hpp"
#include "domain/euact/questionnaire.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::euact {

struct ObligationView {
  std::int64_t version = 0;
  std::string json;
};

class ObligationService {
 public:
  static constexpr const char* kKind = "obligation";

  ObligationService(store::Store& store, const Questionnaire& q, const Clock& clock)
      : store_(store), q_(q), data_(q.data()), clock_(clock) {}

  /// {"items": [...], "total": N, "next"?} across the organization's systems. Each obligation
  /// served (here, by get and update) carries `recheck_needed`: its system's classification needs
  /// a re-check (filter `recheck`).
  /// Parameters as in obligation_kind(); in SQL unless sorted by system or filtered by recheck=false.
  result<std::string> list(const accounts::Actor& a, const records::Params& p);
  /// The systems whose classification needs a re-check: {"items": [{"system_id", "system_name",
  /// "archived", "recheck"}], "total"}, by system name.
  result<std::string> rechecks(const accounts::Actor& a);
  result<ObligationView> get(const accounts::Actor& a, const std::string& system_id, const std::string& obligation_id);
  /// Changes status, reason, owner, evidence references or notes; If-Match required.
  result<ObligationView> update(const accounts::Actor& a, const std::string& system_id, const std::string& obligation_id,
                                const boost::json::value& body, const std::optional<std::string>& if_match);

  /// Brings the system's obligation records in line with `derived`, inside the caller's write
  /// transaction: new obligations start as not_started, those that still apply keep status,
  /// owner, evidence and notes (their dates and roles follow the new classification), and those
  /// that no longer apply are retired (kept, marked retired). Writes one history entry per change.
  /// New records take `default_owner` (the system's owner) as their owner.
  status sync(store::WriteTx& tx, const accounts::Actor& a, const std::string& system_id,
              const std::vector<Derived>& derived, const std::string& default_owner);

 private:
  /// list() without the cache: reads the store.
  result<std::string> list_built(const accounts::Actor& a, const records::Params& p);
  /// The record as served: stored fields, the data's texts and the system's name.
  boost::json::object view(const store::RecordRow& r, const std::optional<store::SystemRow>& system,
                           const std::string& today) const;
  std::string today() const;
  /// Whether the system's saved classification needs a re-check (false without one).
  bool needs_recheck(store::ReadTx& tx, const std::string& org_id, const std::string& system_id) const;

  store::Store& store_;
  const Questionnaire& q_;
  const Data& data_;
  const Clock& clock_;
  inventory::ListCache lists_{8u << 20};  // list answers by organization, role, day and parameters
};

}  // namespace aims::euact
