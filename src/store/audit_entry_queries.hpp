// The queries of the audit entries page that people read: a keyset page of entries filtered in
// SQL against the canonical entry bytes, and the one-query lookups of a page's actors' names and
// records' documents. Every SQL transaction answers them (SqlTx implements this next to ReadTx);
// reach them from a ReadTx with audit_entry_queries(). Borrowed from the transaction; used by its
// thread only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace aims::store {

/// A page of an organization's audit entries: keyset on seq, the filters matched exactly against
/// the canonical entry bytes (docs/formats/audit-log.md).
struct AuditEntryQuery {
  std::string org_id;
  bool newest_first = false;               // seq descending instead of ascending
  std::optional<std::int64_t> from;        // first seq of the page: seq >= from (<= when newest first)
  std::optional<std::string> record_type;  // exact
  std::optional<std::string> actor;        // exact (an e-mail or "system")
  std::optional<std::string> op;           // exact
  std::optional<std::string> from_day;     // YYYY-MM-DD: entries at or after that day (UTC)
  std::optional<std::string> to_day;       // YYYY-MM-DD: entries at or before that day (UTC)
  int limit = 50;
};

class AuditEntryQueries {
 public:
  virtual ~AuditEntryQueries() = default;
  /// Entries matching the query, in its order, at most `limit`.
  virtual std::vector<AuditEntryRow> query_audit_entries(const AuditEntryQuery& q) = 0;
  /// (email, name) of the users among `emails` (lower-cased), for naming the actors of entries.
  virtual std::vector<std::pair<std::string, std::string>> find_audit_actor_names(const std::vector<std::string>& emails) = 0;
  /// (id, stored document) of the organization's records of `record_type` among `ids` that still
  /// exist: AI systems, and top-level records of the record tables' generic kinds.
  virtual std::vector<std::pair<std::string, std::string>> find_audit_record_docs(const std::string& org_id,
                                                                                  const std::string& record_type,
                                                                                  const std::vector<std::string>& ids) = 0;
};

/// The audit-entry queries of a read transaction; errc::internal when its store has none.
inline result<AuditEntryQueries*> audit_entry_queries(ReadTx& tx) {
  if (auto* q = dynamic_cast<AuditEntryQueries*>(&tx)) return q;
  return make_error(errc::internal, "this store cannot query audit entries");
}

}  // namespace aims::store
