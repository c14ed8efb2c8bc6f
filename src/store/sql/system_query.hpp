// Builds the portable SQL of list_systems from a SystemQuery: filters, keyset cursor, order.
#pragma once
#include <string>

#include "store/sql/connection.hpp"
#include "store/store.hpp"

namespace aims::store::sql {

/// The columns of the systems table, in the order to_system_row() reads them.
extern const std::string_view kSystemColumns;

/// The column a SystemSort orders by (and whose value a SystemCursor carries).
std::string_view sort_column(SystemSort s);

/// `pattern` with LIKE's wildcards and the escape character '!' escaped, for `LIKE ? ESCAPE '!'`.
std::string escape_like(std::string_view pattern);

/// A statement and its parameters. A value; thread-safe as values are.
struct Statement {
  std::string sql;
  Params params;
};

/// COUNT(*) of the rows matching q's filters (ignoring limit and cursor).
Statement count_statement(const SystemQuery& q);
/// The rows after q.after in q's order, at most `fetch` of them.
Statement page_statement(const SystemQuery& q, std::int64_t fetch);

}  // namespace aims::store::sql
