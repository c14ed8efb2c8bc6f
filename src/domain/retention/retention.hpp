// Retention (ISO/IEC 42001 7.5.3) as every record's detail shows it, and the legal hold rule: the
// organization's retention period of a record's kind (or of its kind and type, e.g.
// "document:policy") gives the date the record is kept until, counted from its last change; a
// record under legal hold cannot be archived. Stateless functions reading the caller's transaction.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::retention {

inline constexpr std::string_view kSettingsKind = "retention_settings";
inline constexpr std::string_view kSettingsId = "settings";
inline constexpr std::string_view kHoldKind = "legal_hold";

/// The organization's retention periods in months by key ("risk", "document:policy"); none set: empty.
std::map<std::string, std::int64_t> load_periods(store::ReadTx& tx, const std::string& org_id);

/// The id of the legal hold record of a record: "<kind>:<id>".
std::string hold_id(std::string_view kind, std::string_view record_id);

/// The record's active legal hold ({"reason", "held_by", "held_at"}), or nullopt.
std::optional<boost::json::object> active_hold(store::ReadTx& tx, const std::string& org_id, std::string_view kind,
                                               std::string_view record_id);

/// Adds "retention" ({"period_months", "keep_until", "period_of"} or null) and "legal_hold" (the
/// active hold or null) to the served record `view` of `row` (its document `doc`).
void add_to_view(store::ReadTx& tx, const store::RecordRow& row, const boost::json::object& doc, boost::json::object& view);

/// 409 "<Title> <id> is under legal hold …" when the record is under an active legal hold.
status require_not_held(store::ReadTx& tx, const std::string& org_id, std::string_view kind, const std::string& title,
                        const std::string& record_id);

/// `from` (a date or a time stamp) plus `months`, on the last day of the month when it is shorter.
std::string add_months(const std::string& from, std::int64_t months);

}  // namespace aims::retention
