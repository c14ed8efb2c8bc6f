// Reading and writing risk records inside a transaction, shared by the risk service's use cases:
// lookup with a 404 in the register's words, the If-Match check, and writing the next version of a
// risk together with its history entry. Stateless functions; used by one thread per transaction.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/criteria_service.hpp"
#include "store/store.hpp"

namespace aims::risk {

Error risk_not_found(const std::string& id);

/// The risk `id` of the organization, or risk_not_found.
result<store::RecordRow> find_risk(store::ReadTx& tx, const std::string& org_id, const std::string& id);

/// 428 without If-Match, 412 when it names another version than the row's.
status check_if_match(const store::RecordRow& row, const std::optional<std::string>& if_match);

/// The served risk of a row, with its AI system's name read in the same transaction.
Versioned served_risk(store::ReadTx& tx, const store::RecordRow& row, const Criteria& c, Date today);

/// Stores `after` as the next version of `row` (who and when stamped), with a history entry of
/// `operation` and `changes`; returns the served risk.
result<Versioned> save_risk(store::WriteTx& tx, const accounts::Actor& a, const store::RecordRow& row, boost::json::object after,
                            const std::string& operation, boost::json::array changes, const Criteria& c, Date today,
                            const std::string& now);

}  // namespace aims::risk
