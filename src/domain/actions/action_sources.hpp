// Where actions live (docs/actions.md): every record kind that holds actions declares, by its kind
// NAME, how its records' actions read — title, owner, due date and status normalized to open /
// in_progress / done / cancelled — and where the record is shown. The declarations are one table
// (action_sources.cpp), written once; a kind that is not in this build yet (another branch's) is
// simply never saved, and its declaration takes effect when it arrives. Pure data and functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace aims::actions {

/// The normalized statuses, in their order.
inline constexpr std::string_view kStatuses[] = {"open", "in_progress", "done", "cancelled"};

/// One action a record holds.
struct Action {
  std::string sub_id;  // '' when the record is the action; e.g. "treatment" for a risk's treatment
  std::string title;
  std::string owner;   // a member's user id, or the text the record names
  std::string due;     // YYYY-MM-DD or ''
  std::string status;  // one of kStatuses
};

struct ActionSource {
  std::string kind;   // the record kind (the store's), e.g. "corrective_action"
  std::string label;  // the source as shown: "Corrective action"
  /// The revision of the declaration: raise it when what it derives changes, and the start-up
  /// backfill indexes the kind's stored records again.
  std::int64_t rev = 1;
  /// The actions of a stored record (row and parsed document); none when it holds none (archived,
  /// retired, no treatment …).
  std::function<std::vector<Action>(const store::RecordRow& row, const boost::json::object& doc)> actions;
  /// The web page of the record (e.g. "/corrective-actions/CAPA-3").
  std::function<std::string(const store::RecordRow& row)> link;
  /// The API resource of the record ('' when it has none of its own).
  std::function<std::string(const store::RecordRow& row)> api;
};

/// Every declared source, in the order of the table (kinds of this build and of branches to come).
const std::vector<ActionSource>& sources();
/// The source of a kind, or null.
const ActionSource* source_of(std::string_view kind);

}  // namespace aims::actions
