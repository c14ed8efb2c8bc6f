// Evidence blobs as files under the data directory:
//   <root>/<org id>/sha256/<2 hex>/<2 hex>/<64 hex>   one file per distinct content per organization
//   <root>/tmp/upload-<random>                         uploads in progress (same filesystem: rename)
// A blob is written to tmp/, fsynced, renamed into place and its directory fsynced before it is
// acknowledged. Leftover temporary files are removed when the store opens. Owned by the
// composition root; thread-safe (no shared mutable state; the filesystem arbitrates).
#pragma once
#include <string>

#include "domain/evidence/blob_store.hpp"

namespace aims::evidence {

class FileBlobStore final : public BlobStore {
 public:
  /// Creates `root` (and tmp/) if needed and clears leftover uploads; throws if it cannot.
  explicit FileBlobStore(std::string root);

  result<std::unique_ptr<BlobWriter>> create() override;
  result<std::unique_ptr<BlobReader>> open(const std::string& org_id, const std::string& sha256) override;
  bool exists(const std::string& org_id, const std::string& sha256) override;
  status remove(const std::string& org_id, const std::string& sha256) override;

  /// The path of a blob (whether or not it exists).
  std::string path_of(const std::string& org_id, const std::string& sha256) const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

}  // namespace aims::evidence
