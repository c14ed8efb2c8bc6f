// Where evidence files live: content-addressed blobs (SHA-256), scoped per organization. The
// interface speaks intent (write a new blob, commit it under its hash, open, exists, remove), so
// that the filesystem store (evidence::FileBlobStore, in the domain) and the database store
// (PostgreSQL's evidence tables, store/postgres/pg_blob_store.*) take each other's place; the
// domain names these types as evidence::BlobStore and so on (domain/evidence/blob_store.hpp).
// Implementations are owned by the composition root and are thread-safe; a BlobWriter or
// BlobReader belongs to one upload or download and is used by one thread at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::store {

/// A blob being written. Removed (nothing kept) unless commit() succeeds.
class BlobWriter {
 public:
  virtual ~BlobWriter() = default;
  virtual status write(std::string_view bytes) = 0;
  /// Makes the bytes written the blob `sha256` of `org_id`, durably (on the filesystem: fsync of
  /// the file, atomic rename, fsync of the directory) before returning. If that blob exists
  /// already, the new bytes are dropped (same hash, same content) and `existed` is set. Either way
  /// the caller now holds the blob until it calls BlobStore::release for it.
  virtual status commit(const std::string& org_id, const std::string& sha256, bool& existed) = 0;
};

/// A stored blob opened for reading.
class BlobReader {
 public:
  virtual ~BlobReader() = default;
  virtual std::uint64_t size() const = 0;
  /// Reads up to n bytes; 0 only at the end.
  virtual result<std::size_t> read(char* buf, std::size_t n) = 0;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  /// A new, empty blob to write an upload into.
  virtual result<std::unique_ptr<BlobWriter>> create() = 0;
  /// not_found if the organization has no such blob.
  virtual result<std::unique_ptr<BlobReader>> open(const std::string& org_id, const std::string& sha256) = 0;
  virtual bool exists(const std::string& org_id, const std::string& sha256) = 0;
  /// Removes the blob durably; removing a missing blob is not an error. A store that several
  /// servers share (PostgreSQL) keeps, in the same statement, a blob that an upload still holds or
  /// that live evidence names, so that an upload of the same bytes on another server racing this
  /// removal keeps its file; one server orders the two with a lock in memory (EvidenceService).
  virtual status remove(const std::string& org_id, const std::string& sha256) = 0;
  /// The upload that committed the blob has written its evidence record, or given up: it no longer
  /// holds the blob. Nothing to do for a store that only one server uses.
  virtual void release(const std::string& org_id, const std::string& sha256) {
    (void)org_id;
    (void)sha256;
  }
};

/// The blob store inside the database at `location` when that database keeps evidence (PostgreSQL,
/// schema v16 or later: migrate it first with open_store); errc::unavailable for a database that
/// does not (SQLite: its evidence stays on disk), or when it cannot be reached, saying why.
result<std::unique_ptr<BlobStore>> open_database_blob_store(const std::string& location);

}  // namespace aims::store
