// The bytes of one auditor package (docs/formats/audit-pack.md), read piece by piece: the ZIP
// headers, manifest, records and log are held in memory (bounded by the organization's record and
// log entry count), each evidence file is read from the blob store in chunks only when reached and
// checked against its record's SHA-256 and the CRC-32 already in the headers before its last chunk
// is given out, so a changed blob ends the package short (an error) instead of sending a bad one.
// Holds its organization's build slot until destroyed. Owned by the one download it belongs to;
// used by one thread at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/sha256_hasher.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/ledger/audit_pack_slots.hpp"

namespace aims::ledger {

/// One piece of a package: bytes in memory, or (blob_sha256 not empty) an evidence blob.
struct PackPart {
  std::string bytes;
  std::string blob_sha256, record_id;  // the blob, and the evidence record named in errors
  std::uint64_t blob_size = 0;
  std::uint32_t blob_crc = 0;

  static PackPart memory(std::string bytes) {
    PackPart p;
    p.bytes = std::move(bytes);
    return p;
  }
  static PackPart blob(std::string sha256, std::string record_id, std::uint64_t size, std::uint32_t crc) {
    PackPart p;
    p.blob_sha256 = std::move(sha256);
    p.record_id = std::move(record_id);
    p.blob_size = size;
    p.blob_crc = crc;
    return p;
  }
};

/// Reads a blob of `org_id` through, in chunks: its size, SHA-256 and CRC-32. errc::internal,
/// naming the evidence record, if it is missing or does not hash to `sha256`.
struct BlobDigest {
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
};
result<BlobDigest> digest_blob(evidence::BlobStore& blobs, const std::string& org_id, const std::string& sha256,
                               const std::string& record_id);

class PackStream {
 public:
  PackStream(evidence::BlobStore& blobs, std::string org_id, std::string filename, std::vector<PackPart> parts,
             std::uint64_t size, std::optional<PackSlots::Slot> slot)
      : blobs_(blobs), org_id_(std::move(org_id)), filename_(std::move(filename)), parts_(std::move(parts)),
        size_(size), slot_(std::move(slot)) {}

  const std::string& filename() const { return filename_; }
  /// The exact number of bytes read() delivers.
  std::uint64_t size() const { return size_; }
  /// Reads up to n bytes; 0 only at the end. An error (a blob missing, short or changed) ends the
  /// package: the caller must not send it as complete.
  result<std::size_t> read(char* buf, std::size_t n);

 private:
  status open_blob(const PackPart& p);
  status finish_blob(const PackPart& p);

  evidence::BlobStore& blobs_;
  const std::string org_id_, filename_;
  std::vector<PackPart> parts_;
  const std::uint64_t size_;
  std::optional<PackSlots::Slot> slot_;
  std::size_t part_ = 0;    // the part being read
  std::uint64_t at_ = 0;    // bytes of it given out
  std::unique_ptr<evidence::BlobReader> blob_;
  std::optional<crypto::Sha256Hasher> hash_;
  std::uint32_t crc_ = 0;
};

}  // namespace aims::ledger
