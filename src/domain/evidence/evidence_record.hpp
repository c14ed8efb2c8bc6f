// The evidence record as stored (JSON in generic records of kind `evidence`, `evidence_link` and
// `evidence_event`) and the rules for its metadata. Pure functions; thread-safe.
//
//   evidence        parent ""           id ev_…        ref = SHA-256 of the content (live records;
//                                                      "" once deleted, so that lookups by content
//                                                      see live evidence only)
//   evidence_link   parent = evidence   id = ref = the target key, e.g. "risk:risk_…"
//   evidence_event  parent = evidence   id = sequence number (zero-padded), position = sequence
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/error.hpp"

namespace aims::evidence {

inline constexpr std::string_view kEvidence = "evidence";
inline constexpr std::string_view kLink = "evidence_link";
inline constexpr std::string_view kEvent = "evidence_event";

/// The classifications of evidence, least to most restricted.
const std::vector<std::string_view>& classifications();

/// Validates metadata fields (title, description, effective_date, expires_on, owner,
/// classification) of a JSON object; `null` clears the dates. Other keys are errors unless
/// listed in `also_allowed`. Returns the normalized fields present. The date rule (expiry not
/// before the effective date) is checked by check_dates on the record as it would be stored.
result<boost::json::object> read_metadata(const boost::json::object& in, std::initializer_list<std::string_view> read_only,
                                          std::string detail);

/// Effective date not after expiry, on the record as it would be stored.
status check_dates(const boost::json::object& doc);

/// Freshness of a record on `today`: "expired" (expiry before today), "expiring" (expiry within
/// `window_days` from today, today included), "current", or "no_expiry".
std::string freshness(const boost::json::object& doc, Date today, int window_days);

/// The record as served: the stored document plus `freshness` and `link_count`.
boost::json::object served(boost::json::object doc, Date today, int window_days, std::int64_t link_count);

/// A stored JSON document as an object (an empty object if it is not one).
boost::json::object parse_object(const std::string& doc);

std::string str_of(const boost::json::object& o, std::string_view key);

/// The zero-padded id of event number n (so that ids sort like numbers).
std::string event_id(std::int64_t n);

}  // namespace aims::evidence
