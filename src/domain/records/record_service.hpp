// Use cases of every field-driven record kind (KindSpec::generic): create with the next human
// number, read (404), change with PATCH semantics and If-Match (428 / 412; a change that changes
// nothing stores nothing), list with the one list parser and the store's keyset paging (archived
// records only when asked), history, archive and restore. Each change lands in one write
// transaction with its history row and (through the audited store) its audit entry.
// Owned by the composition root; thread-safe (state is in the store; kind specs are immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/kind_spec.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::records {

struct RecordList {
  std::string items_json;  // a JSON array of served records
  std::int64_t total = 0;  // records matching the filters on all pages
  std::optional<std::string> next;
};

class RecordService {
 public:
  RecordService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  result<Versioned> create(const accounts::Actor& a, const KindSpec& k, const boost::json::value& body);
  result<Versioned> get(const accounts::Actor& a, const KindSpec& k, const std::string& id);
  /// Fields present in the body replace the stored ones (null clears an optional field).
  result<Versioned> update(const accounts::Actor& a, const KindSpec& k, const std::string& id,
                           const boost::json::value& body, const std::optional<std::string>& if_match);
  /// The kind's filters, sort, q, limit, cursor and archived=false|true|all (default false).
  result<RecordList> list(const accounts::Actor& a, const KindSpec& k, const Params& p);
  result<std::string> history(const accounts::Actor& a, const KindSpec& k, const std::string& id,
                              const std::optional<std::string>& limit, const std::optional<std::string>& cursor);
  /// Archives (archived = true) or restores (false) the record; If-Match is required.
  result<Versioned> set_archived(const accounts::Actor& a, const KindSpec& k, const std::string& id, bool archived,
                                 const std::optional<std::string>& if_match);

 private:
  store::Store& store_;
  const Clock& clock_;
};

/// The served JSON of a stored record of a field-driven kind: id, number, version, archived,
/// created/updated at/by, every field (null when empty) and the kind's derived members.
boost::json::object record_view(const KindSpec& k, const store::RecordRow& row);

}  // namespace aims::records
