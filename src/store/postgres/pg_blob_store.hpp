// Evidence blobs in PostgreSQL (schema v16, docs/evidence.md "Where evidence lives"):
//   evidence_contents(id)                      one per upload: staging until a blob names it
//   evidence_chunks(content_id, n, bytes)      its bytes, in chunks of kChunkBytes (the last shorter)
//   evidence_blobs(org_id, sha256, content_id, size, holds, held_at)   the committed blobs, and
//                                              the uploads holding each (v18)
// Streamed both ways: a writer sends each chunk as it fills (its own short transaction, on a pooled
// connection of this store, never one of the record store's), and the commit names the content as
// the blob in one transaction (an existing blob of that hash → `existed`, the staging content
// dropped); a reader fetches one chunk at a time. At most one chunk per writer or reader is in
// memory. A writer destroyed without commit deletes its content; contents no blob names that were
// started more than a day ago are deleted when the store opens (writers of a crashed process).
//
// Implements store::BlobStore (store/blobs.hpp). Owned by
// the composition root (or a command); thread-safe: each call borrows a connection of its own pool.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/blobs.hpp"
#include "store/postgres/pg_pool.hpp"

namespace aims::store::postgres {

class PgConnection;

class PgBlobStore final : public BlobStore {
 public:
  /// Bytes per stored chunk (the last chunk of a blob may be shorter).
  static constexpr std::size_t kChunkBytes = 256 * 1024;

  /// Connects to a database whose schema is at v16 or later (open_store migrates it) and deletes
  /// stale staging contents. errc::unavailable on failure, saying why.
  static result<std::unique_ptr<PgBlobStore>> open(const std::string& conninfo);
  ~PgBlobStore() override;

  result<std::unique_ptr<BlobWriter>> create() override;
  result<std::unique_ptr<BlobReader>> open(const std::string& org_id, const std::string& sha256) override;
  bool exists(const std::string& org_id, const std::string& sha256) override;
  status remove(const std::string& org_id, const std::string& sha256) override;
  void release(const std::string& org_id, const std::string& sha256) override;

  /// How long an upload's hold on its blob counts: longer than any upload takes from its commit to
  /// its evidence record; older holds are those of a server that stopped in between.
  static constexpr std::string_view kStaleHold = "1 hour";

  /// Staging contents (uploads not committed) in the database now, for tests and operators.
  result<std::int64_t> staging_count();

  class Lease;  // a pooled connection borrowed for one call

 private:
  PgBlobStore(std::string conninfo, std::unique_ptr<PgConnection> first);
  std::unique_ptr<PgConnection> take();            // throws sql::SqlError
  void give_back(std::unique_ptr<PgConnection> c);  // a broken connection is closed instead

  static constexpr std::size_t kMaxConnections = 4;
  PgPool pool_;
};

}  // namespace aims::store::postgres
