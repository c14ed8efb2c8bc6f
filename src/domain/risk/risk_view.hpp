// A risk as served: the stored record with everything derived at read time under the current
// criteria and date (scores and levels, acceptance state, overdue flags, the AI system's name), so
// that nothing derived is ever stored and none of it can go stale. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <string>

#include "core/date.hpp"
#include "domain/risk/criteria.hpp"
#include "store/store.hpp"

namespace aims::risk {

/// Record kind of a risk and of the counter behind its human id (R-1, R-2 … per organization).
inline constexpr const char* kRiskKind = "risk";
inline constexpr const char* kCounterKind = "counter";
inline constexpr const char* kCounterId = "risk";

/// The served JSON of a stored risk row. `system_names` maps AI system ids to names (a system
/// missing from it is shown without a name).
boost::json::object view_of(const store::RecordRow& row, const Criteria& c, Date today,
                            const std::map<std::string, std::string>& system_names);

/// The names of the AI systems the rows refer to, read in the caller's transaction.
std::map<std::string, std::string> system_names(store::ReadTx& tx, const std::string& org_id,
                                                const std::vector<store::RecordRow>& rows);

/// The ETag of a version: "v3".
inline std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

}  // namespace aims::risk
