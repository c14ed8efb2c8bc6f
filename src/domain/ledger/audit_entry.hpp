// One entry of an organization's audit log, its exact bytes (RFC 8785 canonical JSON) and the
// content hashes of the records it speaks of. docs/formats/audit-log.md defines every byte.
// Values and pure functions; thread-safe.
#pragma once
#include <boost/json/fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::ledger {

/// The fields of an entry, in the order of its canonical JSON (member names sorted).
struct Entry {
  std::string actor;           // who: the user's email, or "system"
  std::string at;              // when: RFC 3339 UTC with milliseconds
  std::string content_sha256;  // lower-case hex SHA-256 of the record's canonical content
  std::string op;              // create, update, delete, or a history operation (see the format)
  std::string org;             // the organization id
  std::string record_id;
  std::string record_type;
  std::int64_t seq = 0;        // the leaf index in the organization's log
};

/// The bytes that are hashed and stored: the canonical JSON object of the entry's eight members.
std::string entry_bytes(const Entry& e);

/// Reads entry bytes back. Fails (errc::validation, saying what is wrong) unless the bytes are the
/// canonical JSON of an object with exactly the eight members, of the right types and forms.
result<Entry> parse_entry(std::string_view bytes);

/// Lower-case hex SHA-256 of the canonical JSON of `content`.
result<std::string> content_hash(const boost::json::value& content);

/// The content hash of a deleted record: SHA-256 of the four bytes `null`.
const std::string& deleted_content_hash();

// The canonical content of each kind of record (its hash goes into the entry).
/// {"created_at", "id", "name"}.
boost::json::value organization_content(const store::Organization& o);
/// {"created_at", "org_id", "role", "user_id"}.
boost::json::value membership_content(const store::Membership& m);
/// A webhook endpoint as the log hashes it: {"created_at", "created_by", "description", "events",
/// "id", "url"}. Never its signing secret.
boost::json::value webhook_content(const std::string& id, const std::string& url, const std::string& events_json,
                                   const std::string& description, const std::string& created_at,
                                   const std::string& created_by);
/// {"created_at", "doc", "id", "parent_id", "position", "ref", "updated_at", "version"}; "doc" is the
/// stored JSON document (or, if it is not JSON, that text as a string).
boost::json::value record_content(const store::RecordRow& r);
boost::json::value system_content(const store::SystemRow& s);
/// A change recorded only as a history row: {"actor", "at", "changes", "operation", "record_id",
/// "record_type", "version"}; "changes" parsed like "doc".
boost::json::value history_content(const store::HistoryRow& h);

/// The record id of a document record in the log: its id, or "parent_id/id" for a child record.
std::string record_id_of(const std::string& parent_id, const std::string& id);

}  // namespace aims::ledger
