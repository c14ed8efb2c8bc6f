// The entries page of the audit log as people read it: the query parameters checked into a store
// query, and the display fields of a page (the actors' names, the records' titles) resolved with
// one query per kind. Pure functions over a read transaction; thread-safe as their arguments are.
#pragma once
#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/audit_entry_queries.hpp"

namespace aims::ledger {

/// The query parameters of GET /api/v1/audit/entries, as sent.
struct EntriesParams {
  std::optional<std::string> from;  // `cursor` or `from`: the first seq of the page
  std::optional<std::string> limit;
  std::optional<std::string> order;  // oldest (default) or newest
  std::optional<std::string> record_type;
  std::optional<std::string> actor;
  std::optional<std::string> operation;
  std::optional<std::string> from_date;  // YYYY-MM-DD
  std::optional<std::string> to_date;    // YYYY-MM-DD
};

/// The record types the log writes, sorted: its own and every kind of the registry (kinds/registry).
const std::vector<std::string>& known_record_types();
/// The operations the log writes, sorted: create, update, delete and those of history-only changes.
const std::vector<std::string>& known_operations();

/// A whole number >= 0 in decimal, nothing else.
std::optional<std::int64_t> whole_number(const std::string& s);

/// The store query of `p` for `org_id` (limit one more than asked, to know whether more follow);
/// errc::bad_request naming each bad parameter otherwise.
result<store::AuditEntryQuery> entries_query(const std::string& org_id, const EntriesParams& p);

/// The page's items with "actor_name" and "record_title" added: the user's name (else the actor as
/// logged) and "<id> <title>" of a record that still exists (else its id).
void add_display_fields(store::AuditEntryQueries& tx, const std::string& org_id, const std::vector<store::AuditEntryRow>& rows,
                        boost::json::array& items);

}  // namespace aims::ledger
