// How AI objectives and their readings sit in the generic records of the store, shared by
// ObjectiveService and ReadingService:
//  - an objective is kind "objective", id obj_…, ref = its key (OBJ-3), position = its number;
//    kind "counter" id "objective" holds the last number given out;
//  - a reading is kind "objective_reading", parent = the objective id, position = time order
//    (day measured, then the order recorded); the newest reading of each objective carries
//    ref "latest", so that one query finds the latest reading of every objective;
//  - history: record type "objective" (the objective's own versions) and record type
//    "objective_reading" with record id = the objective id, numbered 1, 2, … per objective (readings
//    added and deleted).
// Functions on a transaction; thread-safe as the transaction they are given allows.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/objectives/objective_rules.hpp"
#include "store/store.hpp"

namespace aims::objectives {

inline constexpr const char* kObjectiveKind = "objective";
inline constexpr const char* kReadingKind = "objective_reading";
inline constexpr const char* kLatest = "latest";

/// The objective with this id (obj_…) or key (OBJ-3, in any case) in the organization.
std::optional<store::RecordRow> find_objective(store::ReadTx& tx, const std::string& org_id, const std::string& id_or_key);

/// The latest reading of one objective, and of every objective of the organization (by objective id).
std::optional<store::RecordRow> latest_reading(store::ReadTx& tx, const std::string& org_id, const std::string& objective_id);
std::map<std::string, store::RecordRow> latest_readings(store::ReadTx& tx, const std::string& org_id);
/// The latest reading of each of the objectives `ids` that has one, in one query (a page's).
std::map<std::string, store::RecordRow> latest_readings_of(store::ReadTx& tx, const std::string& org_id,
                                                           const std::vector<std::string>& ids);

/// The next number of the objective's reading log (history record type objective_reading).
std::int64_t next_reading_event(store::ReadTx& tx, const std::string& org_id, const std::string& objective_id);

/// The position of a reading: its day, then `sequence` (the order recorded) within the day.
std::int64_t reading_position(Date measured_on, std::int64_t sequence);

/// Targets of a stored objective.
Targets targets_of(const boost::json::object& objective);

/// Names of AI systems by id, read as needed and kept for one request. Not thread-safe.
class SystemNames {
 public:
  SystemNames(store::ReadTx& tx, std::string org_id) : tx_(tx), org_id_(std::move(org_id)) {}
  /// The system's name, or nullopt if the organization has no such system.
  std::optional<std::string> name(const std::string& id);
  /// Reads the names of the systems `ids` in one query (those of a page's rows), for name().
  void read(const std::vector<std::string>& ids);

 private:
  store::ReadTx& tx_;
  std::string org_id_;
  std::map<std::string, std::optional<std::string>> names_;
};

/// The derived status of a stored objective as served: status, formula, explanation,
/// latest_reading, next_reading_due, reading_overdue, days_overdue.
boost::json::object derived_json(const boost::json::object& objective, const std::optional<store::RecordRow>& latest,
                                 Date today);

/// The objective as served: the stored record with annex_c_title, system_name and derived.
boost::json::object objective_view(const boost::json::object& objective, const catalog::Catalog& cat, SystemNames& names,
                                   const std::optional<store::RecordRow>& latest, Date today);

/// The members objective_view adds to the stored record (annex_c_title, system_name, derived), from
/// the members of `objective` they depend on (all of it, or a stored list view's inputs).
boost::json::object served_members(const boost::json::object& objective, const catalog::Catalog& cat, SystemNames& names,
                                   const std::optional<store::RecordRow>& latest, Date today);
/// The stored list view of an objective (records::make_list_view): the record with those members
/// as holes, and the members they depend on as its inputs.
std::string objective_list_view(const store::RecordRow& row, const boost::json::object& objective);

/// A reading as served: the stored record with its status against the objective's current targets.
boost::json::object reading_view(const store::RecordRow& reading, const Targets& targets);

}  // namespace aims::objectives
