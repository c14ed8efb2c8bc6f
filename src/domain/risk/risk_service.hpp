// Use cases of the AI risk register (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3): register risks per AI
// system or organization-wide with human ids …, read them with everything derived under
// the current criteria, list them with filters, sorting and keyset paging, change them with
// optimistic concurrency and history, formally accept (and withdraw acceptance of) residual risks,
// and summarize them as a heat map. Acts for an Actor and checks its role.
// Owned by the composition root; thread-safe (state is in the store; the catalog is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/risk/criteria_service.hpp"
#include "domain/risk/risk_query.hpp"
#include "store/store.hpp"

namespace aims::risk {

struct ListResult {
  std::string items_json;  // a JSON array of served risks
  std::int64_t total = 0;  // risks matching the filters on all pages
  std::int64_t overdue_reviews = 0;  // of those, how many are past their review date
  std::optional<std::string> next;
};

class RiskService {
 public:
  RiskService(store::Store& store, const catalog::Catalog& cat, const Clock& clock) : store_(store), cat_(cat), clock_(clock) {}

  result<Versioned> create(const accounts::Actor& a, const boost::json::value& body);
  result<Versioned> get(const accounts::Actor& a, const std::string& id);
  /// Fields present in the body replace the stored ones; If-Match is required. A change of the
  /// residual likelihood or impact withdraws an acceptance in force.
  result<Versioned> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                           const std::optional<std::string>& if_match);
  /// The list parameters are the query's, checked by the one list parser (records::parse_list).
  result<ListResult> list(const accounts::Actor& a, const records::Params& p);
  /// History page as a JSON object {"items": [...], "next"?}.
  result<std::string> history(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);
  /// Formal acceptance of the residual risk: {rationale, expires_on}; only roles the criteria
  /// allow, only within the acceptance threshold. If-Match is required.
  result<Versioned> accept(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                           const std::optional<std::string>& if_match);
  /// Withdraws the acceptance in force: {reason?}. If-Match is required.
  result<Versioned> withdraw(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                             const std::optional<std::string>& if_match);
  /// The heat map of the organization's risks, or of one AI system's ("none": organization-wide only).
  result<std::string> heatmap(const accounts::Actor& a, const std::optional<std::string>& system_id);

 private:
  /// list() without the cache: reads the store.
  result<ListResult> list_built(const accounts::Actor& a, const records::Params& p);
  store::Store& store_;
  const catalog::Catalog& cat_;
  const Clock& clock_;
  inventory::ListCache lists_{8u << 20};  // list answers by organization, role, day and parameters
};

}  // namespace aims::risk
