// Use cases of the AI system inventory (SPEC §3): register, read, list, change with optimistic
// concurrency, archive/restore, history, CSV import (all or nothing) and export. Every call is
// made on behalf of an Actor and checks its role; records of other organizations are invisible.
// Owned by the composition root; thread-safe (all state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/inventory/list_cache.hpp"
#include "store/store.hpp"

namespace aims::inventory {

/// A system as served: the record's JSON text and its version (for the ETag).
struct SystemView {
  std::string id;
  std::int64_t version = 0;
  std::string json;
};

/// List parameters as received (strings), validated by the service.
struct ListParams {
  std::optional<std::string> sort, q, status, lifecycle_stage, eu_ai_act_class, organization_role, archived;
  std::optional<std::string> limit, cursor;
};

struct ListResult {
  std::string items_json;  // a JSON array of records
  std::int64_t total = 0;
  std::optional<std::string> next;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  bool dry_run = false;
  std::vector<FieldError> warnings;  // columns ignored with a reason the user should know
};

class SystemService {
 public:
  SystemService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  result<SystemView> create(const accounts::Actor& a, const boost::json::value& body);
  result<SystemView> get(const accounts::Actor& a, const std::string& id);
  /// `if_match` is the ETag the caller last saw; required.
  result<SystemView> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                            const std::optional<std::string>& if_match);
  /// Changes fields of a system inside the caller's write transaction, with the same validation,
  /// history entry (operation `operation`) and row update as `update`, so that other services can
  /// keep inventory fields in step with their own records. No role or If-Match check: the caller
  /// makes its own. errc::not_found if the system is not the organization's.
  result<SystemView> update_in(store::WriteTx& tx, const accounts::Actor& a, const std::string& id,
                               const boost::json::object& fields, const std::string& operation);
  result<SystemView> set_archived(const accounts::Actor& a, const std::string& id, bool archived);
  result<ListResult> list(const accounts::Actor& a, const ListParams& p, int max_limit = 500);
  /// History page as a JSON object {"items": [...], "next"?}.
  result<std::string> history(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);
  result<ImportResult> import_csv(const accounts::Actor& a, std::string_view csv_text, bool dry_run);
  result<std::string> export_csv(const accounts::Actor& a, const ListParams& p);

  static std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

 private:
  result<SystemView> apply_changes(store::WriteTx& tx, const accounts::Actor& a, const store::SystemRow& row,
                                   const boost::json::object& changes, const std::string& operation);
  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  ListCache cache_;
};

/// Parses a `limit` parameter (default 50, 1..max). Shared by list endpoints.
result<int> parse_limit(const std::optional<std::string>& limit, int max_limit = 500);

/// The ids of the organization's AI systems (archived ones too) whose name contains `text`
/// (lower-cased): the text search of a record that names its AI system covers that name.
std::vector<std::string> system_ids_named(store::ReadTx& tx, const std::string& org_id, const std::string& text);

}  // namespace aims::inventory
