// One evidence upload in progress: the body's chunks go to a new blob while they are hashed
// (SHA-256), counted against the limit and probed for their content type; finish() checks the
// content against the file name, commits the blob and records the evidence, its links and the
// custody event. Made by EvidenceService::begin_upload; owned by whoever streams the body (the
// HTTP server); one call at a time, from any thread. Dropped without finish(), it keeps nothing.
#pragma once
#include <boost/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/sha256_hasher.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/evidence/content_probe.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/evidence/link_targets.hpp"

namespace aims::evidence {

class Upload {
 public:
  Upload(EvidenceService& svc, accounts::Actor actor, std::string filename, boost::json::object metadata,
         std::vector<LinkTarget> links, std::unique_ptr<BlobWriter> writer);

  /// payload_too_large once the bytes exceed the limit (then nothing is kept).
  status write(std::string_view chunk);
  result<UploadDone> finish();
  /// Drops everything received (also done by the destructor).
  void abort();

  std::uint64_t size() const { return probe_.size(); }

 private:
  EvidenceService& svc_;
  accounts::Actor actor_;
  std::string filename_;
  boost::json::object metadata_;
  std::vector<LinkTarget> links_;
  std::unique_ptr<BlobWriter> writer_;
  crypto::Sha256Hasher hasher_;
  ContentProbe probe_;
};

}  // namespace aims::evidence
