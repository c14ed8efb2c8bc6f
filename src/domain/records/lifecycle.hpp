// The one lifecycle of a generic record, used by every kind's service inside its own transaction:
// the role check, the next human number (one counter), lookup with a 404 in the kind's words, the
// If-Match check (428 missing, 412 stale), saving a version with its facets and history entry (the
// audit entry comes from the audited store in the same transaction), history paging with the
// record's existence checked first (404 before 400), and the Versioned view with its ETag.
// Stateless functions; each call is used by the one thread of its transaction.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/kind_spec.hpp"
#include "store/store.hpp"

namespace aims::records {

/// A record as served: its id, version (the ETag's) and JSON text.
struct Versioned {
  std::string id;
  std::int64_t version = 0;
  std::string json;
};

/// A stored row's document as served, with the row's version as "version" (without "content" when
/// `brief`), and that view as a Versioned.
boost::json::object version_view(const store::RecordRow& row, bool brief = false);
Versioned served_version(const store::RecordRow& row);

/// The ETag of a version: "v3".
inline std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

/// 403 unless the actor's role may do `action`; `what` completes "Your role (viewer) may not …".
status require(const accounts::Actor& a, accounts::Action action, std::string_view what);

/// "No risk R-1 in this organization." (404).
Error not_found(const KindSpec& spec, const std::string& id);

/// The top-level record `id` of the kind in the organization, or not_found.
result<store::RecordRow> find(store::ReadTx& tx, const KindSpec& spec, const std::string& org_id, const std::string& id);

/// The string member `key` of the stored top-level record `id` of `kind` in the organization; ""
/// when `id` is empty, the record is missing (a kind's check_refs names it) or its document cannot
/// be read. For a kind's rules that look at another record (e.g. whether a parent is signed off).
std::string stored_text(store::ReadTx& tx, const std::string& org_id, const std::string& kind, const std::string& id,
                        std::string_view key);

/// 428 without If-Match, 412 when it names another version than the row's (a weak ETag counts).
status check_if_match(const KindSpec& spec, const store::RecordRow& row, const std::optional<std::string>& if_match);

/// Whether a stored record's document says it is archived (read-only until restored).
bool is_archived(const boost::json::object& doc);

/// 409 "<title> <id> is archived; restore it before changing it." when `doc` is archived.
status not_archived(std::string_view title, const std::string& id, const boost::json::object& doc);

/// Takes the next human number of the kind in the organization (1, 2, …) from its counter
/// record, in the caller's transaction. A counter that does not hold a whole number is an
/// internal error (never a reuse of numbers).
result<std::int64_t> next_number(store::WriteTx& tx, const KindSpec& spec, const std::string& org_id, const std::string& now);

/// Stores `row` (with the facets its kind derives) as a new record (expected_version 0) or as the
/// next version of the stored one, and its history entry of `operation` and `changes` by the actor.
status save(store::WriteTx& tx, const KindSpec& spec, const accounts::Actor& a, store::RecordRow row,
            std::int64_t expected_version, const std::string& operation, const boost::json::array& changes);

/// A history page of the record `id` as {"items": [...], "next"?}: 404 if the record is not the
/// organization's, then 400 for a bad limit (1–500, default 50) or cursor.
result<std::string> history_page(store::Store& store, const KindSpec& spec, const accounts::Actor& a,
                                  const std::string& id, const std::optional<std::string>& limit,
                                  const std::optional<std::string>& cursor);

}  // namespace aims::records
