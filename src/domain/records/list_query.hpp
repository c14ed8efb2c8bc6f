// One parser for the list parameters of every generic record kind, driven by its KindSpec:
// filters, `sort=[-]key`, `q`, `limit` 1–500 (default 50), and ONE opaque keyset cursor codec.
// An unknown or misspelt parameter is a 400 naming it. Values and pure functions; thread-safe.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/records/kind_spec.hpp"
#include "store/store.hpp"

namespace aims::records {

/// The query parameters of a request, decoded, in order (repeated names: the last counts).
using Params = std::vector<std::pair<std::string, std::string>>;

struct ListQuery {
  /// What the store applies: org, kind, the SQL filters, q, the sort (when in SQL), limit and the
  /// cursor's position. The caller sets org_id and may add filters before running it.
  store::RecordQuery sql;
  /// Filters applied in memory by the kind's service: name → value as sent.
  std::map<std::string, std::string> memory;
  std::string sort;        // the sort key without its sign
  std::string sort_param;  // as sent, e.g. "-title" (cursors belong to it)
  bool descending = false;
  bool sort_in_sql = true;
  int limit = 50;
  std::optional<std::string> text;        // q, trimmed and lower-cased
  std::optional<store::RecordPosition> after;  // the decoded cursor

  /// True when the store can filter, sort and page the whole list.
  bool in_sql() const { return memory.empty() && sort_in_sql; }
  /// The value of a parameter the kind reads itself (extra_params or a memory filter).
  std::optional<std::string> get(const std::string& name) const;
  std::map<std::string, std::string> extra;  // extra_params present: name → value
};

/// The spec of a list that is no kind's own record list (e.g. the member directory): only what
/// parse_list reads, the names its errors use, one sort and whether `q` is taken.
KindSpec list_params_spec(std::string kind, std::string noun, std::string title, SortSpec sort, bool text_search);

/// Checks and reads the parameters for `spec` (400 with one field error per bad or unknown one).
result<ListQuery> parse_list(const KindSpec& spec, const Params& params);

/// The opaque cursor that continues a list after `p` under the sort parameter `sort_param`.
std::string encode_cursor(const std::string& sort_param, const store::RecordPosition& p);
/// The position of a cursor made by encode_cursor for the same sort parameter; nullopt otherwise.
std::optional<store::RecordPosition> decode_cursor(const std::string& sort_param, const std::string& cursor);

/// The keyset position of a row under a SQL sort slot (for the `next` cursor of a page).
store::RecordPosition position_of(const store::RecordRow& row, store::FacetSlot slot);

}  // namespace aims::records
