// A risk as served: the stored record with everything derived at read time under the current
// criteria and date (scores and levels, acceptance state, overdue flags, the AI system's name), so
// that nothing derived is ever stored and none of it can go stale. Lists derive the same facts
// without building JSON (Facts) and build the served JSON only for the risks on the page.
// Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/scoring.hpp"
#include "store/store.hpp"

namespace aims::risk {

/// Record kind of a risk and of the counter behind its human id (R-1, R-2 … per organization).
inline constexpr const char* kRiskKind = "risk";
inline constexpr const char* kCounterKind = "counter";
inline constexpr const char* kCounterId = "risk";

/// What is derived from one stored risk under the criteria on a day. Views into `doc` and `row`,
/// which must outlive it.
struct Facts {
  const store::RecordRow* row = nullptr;
  const boost::json::object* doc = nullptr;  // the stored fields
  std::int64_t number = 0;
  int il = 1, ii = 1, rl = 1, ri = 1;        // steps, clamped to the scales
  int inherent_level = 0, residual_level = 0;  // indices into the criteria's levels
  AcceptanceState acceptance = AcceptanceState::none;
  bool review_overdue = false, treatment_overdue = false;
  std::string_view status, system_name;     // system_name empty when unknown or organization-wide

  std::string_view text(std::string_view key) const;  // a string field of the doc ("" otherwise)
};

/// The names of AI systems by id.
using SystemNames = std::map<std::string, std::string>;

Facts facts_of(const store::RecordRow& row, const boost::json::object& doc, const Criteria& c, Date today,
               const SystemNames& names);

/// The served JSON of a stored risk row.
boost::json::object view_of(const store::RecordRow& row, const Criteria& c, Date today, const SystemNames& names);

/// The names of the AI systems the rows refer to, read in the caller's transaction.
SystemNames system_names(store::ReadTx& tx, const std::string& org_id, const std::vector<store::RecordRow>& rows);

/// The ETag of a version: "v3".
inline std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

}  // namespace aims::risk
