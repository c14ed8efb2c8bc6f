// Use cases of the evidence vault (SPEC §9): streamed, content-addressed uploads with the content
// type taken from the bytes, metadata with effective date, expiry, owner and classification,
// links to any record, downloads, freshness, and the chain of custody (who uploaded, linked,
// unlinked, downloaded and deleted what, when). Acts for an Actor and checks its role; another
// organization's evidence is invisible.
//
// De-duplication: one blob per distinct content per organization, and one live evidence record
// per blob: uploading the same bytes again answers the existing record (adding the links the
// upload names) instead of creating a second one.
//
// Owned by the composition root; thread-safe (state is in the store and the blob store; a lock
// per content hash orders the blob and record writes of uploads and deletions of the same bytes).
#pragma once
#include <boost/json.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::evidence {

class Upload;

struct EvidenceOptions {
  std::uint64_t max_upload_bytes = 50ull << 20;  // larger uploads are refused (413)
  int expiring_window_days = 30;                 // "expiring" = expires within this many days
};

/// A record as served: its JSON and version (for the ETag).
struct View {
  std::string id;
  std::int64_t version = 0;
  std::string json;
};

/// Upload parameters as received (query parameters), validated by begin_upload.
struct UploadParams {
  std::optional<std::string> filename, title, description, effective_date, expires_on, owner, classification;
  std::vector<std::string> links;               // target keys
  std::optional<std::uint64_t> declared_size;   // Content-Length, if sent
};

struct UploadDone {
  View view;
  bool created = false;  // false: the same content was in the vault already (that record is answered)
};

struct ListResult {
  std::string items_json;
  std::int64_t total = 0;
  std::optional<std::string> next;
};

/// An evidence file opened for download.
struct Download {
  std::unique_ptr<BlobReader> reader;
  std::string filename;
  std::string content_type;
  std::string kind;
  std::string sha256;
};

class EvidenceService {
 public:
  EvidenceService(store::Store& store, const catalog::Catalog& cat, BlobStore& blobs, const Clock& clock, IdSource& ids,
                  EvidenceOptions opts = {});
  ~EvidenceService();

  /// Checks role, parameters and link targets from the request header alone, then opens an
  /// upload to stream the body into. Errors: forbidden, validation (metadata, file name, links),
  /// unsupported_media_type (programs and scripts), payload_too_large (declared size).
  result<std::unique_ptr<Upload>> begin_upload(const accounts::Actor& a, const UploadParams& p);

  result<View> get(const accounts::Actor& a, const std::string& id);
  /// Changes metadata; If-Match with the current ETag is required.
  result<View> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                      const std::optional<std::string>& if_match);
  /// Deletes evidence (manager, admin; If-Match): its file goes, its record stays as a tombstone
  /// with its custody events. conflict while links remain.
  status remove(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& if_match);
  /// Parameters as in evidence_kind() (sort defaults to -uploaded_at); in SQL unless expired=false
  /// or expiring_within is given.
  result<ListResult> list(const accounts::Actor& a, const records::Params& p);

  result<std::string> links(const accounts::Actor& a, const std::string& id);
  result<std::string> add_link(const accounts::Actor& a, const std::string& id, const boost::json::value& body);
  /// Removes a link; the evidence and its file stay.
  status remove_link(const accounts::Actor& a, const std::string& id, const std::string& target);
  /// Custody events, oldest first; `cursor` is the sequence number after which to continue.
  result<std::string> events(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                             const std::optional<std::string>& cursor);
  /// Counts and the first expired and expiring evidence.
  result<std::string> freshness(const accounts::Actor& a, const std::optional<std::string>& within_days);
  /// Opens the file for download and records the download in the chain of custody.
  result<Download> open_content(const accounts::Actor& a, const std::string& id);

  const EvidenceOptions& options() const { return opts_; }

 private:
  /// list() without the cache: reads the store.
  result<ListResult> list_built(const accounts::Actor& a, const records::Params& p);
  friend class Upload;
  std::mutex& lock_for(const std::string& org_id, const std::string& sha256);
  Date today() const;

  store::Store& store_;
  const catalog::Catalog& cat_;
  BlobStore& blobs_;
  const Clock& clock_;
  IdSource& ids_;
  EvidenceOptions opts_;
  std::array<std::mutex, 64> locks_;
  inventory::ListCache lists_{8u << 20};  // list answers by organization, role, day and parameters
};

}  // namespace aims::evidence
