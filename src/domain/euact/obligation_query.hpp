// The filters, order and paging of the obligations register (GET /api/v1/obligations), as a pure
// value parsed from the query parameters and applied to stored obligation records. Values and
// pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/error.hpp"

namespace aims::euact {

/// List parameters as received (strings), checked by parse_query.
struct ObligationParams {
  std::optional<std::string> system, status, article, role, due_before, overdue, applies_from, retired, sort, limit,
      cursor, recheck, system_class;
};

enum class ObligationSort { applies_from, due, system, article, status };

struct ObligationQuery {
  std::optional<std::string> system, status, article, role, due_before, applies_from;
  bool overdue = false;
  std::optional<bool> recheck;    // only obligations of systems whose classification needs (or not) a re-check
  std::optional<std::string> system_class;  // only obligations of systems of this EU AI Act class
  std::string retired = "false";  // false (current only), true (retired only) or all
  ObligationSort sort = ObligationSort::applies_from;
  std::string sort_name = "applies_from";  // as given, with a leading - when descending
  bool descending = false;
  int limit = 50;
  std::optional<std::vector<std::string>> after;  // the sort tuple of the previous page's last item
};

/// Checks the parameters; errc::bad_request naming each bad parameter.
result<ObligationQuery> parse_query(const ObligationParams& p);

/// What filtering and ordering need of one stored obligation record.
struct ObligationRow {
  std::string system_id, obligation_id, status, applies_from, due;
  bool retired = false;
  std::vector<std::string> roles;
  std::string article;         // from the data, e.g. "Art. 26"
  int data_index = 0;          // position of the obligation in the data (article order)
  std::string system_key;      // lower-cased system name (filled only when sorting by system)
  bool recheck = false;        // the system's classification needs a re-check (filled by the service)
  std::string system_class;    // the system's EU AI Act class (filled by the service when filtering by it)
};

/// The fields of a stored record's JSON text (parsed without keeping the document).
ObligationRow row_of(std::string_view doc);

/// True if the obligation is open (not met, not applicable) and its due date is before `today`.
bool is_overdue(const ObligationRow& r, const std::string& today);
bool is_overdue(const boost::json::object& doc, const std::string& today);
/// True if the row passes the query's filters (all but paging).
bool matches(const ObligationQuery& q, const ObligationRow& r, const std::string& today);
/// The row's position in the query's order: sort value, then system, then article order.
std::vector<std::string> sort_key(const ObligationQuery& q, const ObligationRow& r);
/// Cursor text for a sort key (base64url JSON, bound to the sort).
std::string cursor_of(const ObligationQuery& q, const std::vector<std::string>& key);

}  // namespace aims::euact
