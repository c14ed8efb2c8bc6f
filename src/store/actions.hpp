// The action index (docs/actions.md, docs/storage.md "The action index"): one row per action that
// a record holds (a corrective action, a risk's treatment, a roadmap step, an obligation with a due
// date …), written by the domain in the same transaction as the record, so the tracker lists every
// action of an organization from one table, filtered, sorted and keyset-paged in SQL. Not a copy:
// the record stays the truth; a row keeps only what the tracker filters, sorts and shows. Every SQL
// transaction answers these (SqlTx implements them next to ReadTx, like ListViews); callers use the
// free functions below, which do nothing (or answer an empty page) on a transaction without them.
// Borrowed from the transaction; used by its thread only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::store {

/// One action as indexed. (org_id, kind, parent_id, record_id, sub_id) names it: the record that
/// holds it (its kind, its parent — the assessment of a roadmap step, the AI system of an
/// obligation — and its id) and the action inside the record ('' when the record is the action).
struct ActionRow {
  std::string org_id;
  std::string kind;
  std::string parent_id;
  std::string record_id;
  std::string sub_id;
  std::string title;
  std::string owner;    // a member's user id, or the text the record names
  std::string due;      // YYYY-MM-DD, '' when the record gives none
  std::string status;   // open | in_progress | done | cancelled
  std::string search;   // lower-cased text that ActionQuery::text searches
  std::int64_t source_version = 0;  // the record's version the row was made from
  std::string updated_at;           // the record's
  std::string doc;                  // JSON object: what the row shows beyond the columns (links, labels)
  std::int64_t rev = 0;             // the revision of the kind's declaration that made it
};

enum class ActionSort { due, updated, title };

/// Keyset position: the sort value and the key of the last row of the previous page.
struct ActionPosition {
  std::string value;
  std::string key;
};

/// Which actions of an organization to list. Every set filter must hold.
struct ActionQuery {
  std::string org_id;
  std::vector<std::string> owners;     // the owner is one of these (empty: any)
  std::vector<std::string> statuses;   // the status is one of these (empty: any)
  std::vector<std::string> kinds;      // the source kind is one of these (empty: any)
  std::optional<std::string> overdue_on;      // due before this date and open or in progress
  std::optional<std::string> not_overdue_on;  // the opposite
  std::optional<std::string> due_before;      // due before this date (rows without one never)
  std::optional<std::string> text;            // lower-cased literal text the search column contains
  ActionSort sort = ActionSort::due;          // due: rows without a due date last
  bool descending = false;
  int limit = 50;
  std::optional<ActionPosition> after;
  bool count = true;
};

struct ActionPage {
  std::vector<ActionRow> items;
  std::int64_t total = 0;
  bool more = false;
};

/// The unique key of a row within its organization, the last member of the keyset order.
inline std::string action_key(const ActionRow& r) {
  std::string k = r.kind;
  ((((k += '\x1f') += r.parent_id) += '\x1f') += r.record_id) += '\x1f';
  return k += r.sub_id;
}
/// The lower-cased title the title sort orders by (ASCII letters only: bytewise on both backends).
inline std::string action_title_key(const std::string& title) {
  std::string k = title;
  for (auto& c : k)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return k;
}
/// The value a row has in the order of `sort` (the due date, '~' when none, sorts after every date).
inline std::string action_sort_value(const ActionRow& r, ActionSort sort) {
  switch (sort) {
    case ActionSort::updated: return r.updated_at;
    case ActionSort::title: return action_title_key(r.title);
    default: return r.due.empty() ? std::string("~") : r.due;
  }
}

class ActionIndex {
 public:
  virtual ~ActionIndex() = default;
  virtual ActionPage query_actions(const ActionQuery& q) = 0;
  /// Replaces the rows of the record (org_id, kind, parent_id, record_id) — of every record of the
  /// parent when record_id is empty — with `rows`.
  virtual status replace_actions(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                 const std::string& record_id, const std::vector<ActionRow>& rows) = 0;
  /// The revision of the kind's rows the start-up backfill completed in the organization (0: none).
  virtual std::int64_t actions_backfilled(const std::string& org_id, const std::string& kind) = 0;
  virtual status set_actions_backfilled(const std::string& org_id, const std::string& kind, std::int64_t rev) = 0;
};

inline ActionIndex* action_index(ReadTx& tx) { return dynamic_cast<ActionIndex*>(&tx); }

inline ActionPage query_actions(ReadTx& tx, const ActionQuery& q) {
  if (auto* a = action_index(tx)) return a->query_actions(q);
  return {};
}

inline status replace_actions(WriteTx& tx, const std::string& org_id, const std::string& kind, const std::string& parent_id,
                              const std::string& record_id, const std::vector<ActionRow>& rows) {
  if (auto* a = action_index(tx)) return a->replace_actions(org_id, kind, parent_id, record_id, rows);
  return ok();
}

}  // namespace aims::store
