#include "domain/ledger/audit_pack_stream.hpp"

#include <algorithm>
#include <cstring>

#include "core/zip.hpp"

namespace aims::ledger {
namespace {

constexpr std::size_t kChunk = 256 * 1024;  // bytes read from a blob at once when digesting

Error missing(const std::string& record_id, const std::string& sha256) {
  return make_error(errc::internal, "The file of evidence " + record_id + " (SHA-256 " + sha256 +
                                        ") is missing from the evidence store; no package was made.");
}

Error changed(const std::string& record_id, const std::string& sha256) {
  return make_error(errc::internal, "The file of evidence " + record_id + " in the evidence store does not hash to "
                                        "its recorded SHA-256 " + sha256 + "; no package was made.");
}

}  // namespace

result<BlobDigest> digest_blob(evidence::BlobStore& blobs, const std::string& org_id, const std::string& sha256,
                               const std::string& record_id) {
  auto reader = blobs.open(org_id, sha256);
  if (!reader) return missing(record_id, sha256);
  crypto::Sha256Hasher hash;
  BlobDigest d;
  std::string buf(kChunk, '\0');
  for (;;) {
    auto n = (*reader)->read(buf.data(), buf.size());
    if (!n) return n.error();
    if (*n == 0) break;
    std::string_view piece(buf.data(), *n);
    hash.update(piece);
    d.crc = zip::crc32_update(d.crc, piece);
    d.size += *n;
  }
  if (d.size != (*reader)->size() || hash.finish_hex() != sha256) return changed(record_id, sha256);
  return d;
}

status PackStream::open_blob(const PackPart& p) {
  auto reader = blobs_.open(org_id_, p.blob_sha256);
  if (!reader) return missing(p.record_id, p.blob_sha256);
  if ((*reader)->size() != p.blob_size) return changed(p.record_id, p.blob_sha256);
  blob_ = std::move(*reader);
  hash_.emplace();
  crc_ = 0;
  return ok();
}

status PackStream::finish_blob(const PackPart& p) {
  char extra = 0;
  auto more = blob_->read(&extra, 1);
  if (!more) return more.error();
  bool same = *more == 0 && hash_->finish_hex() == p.blob_sha256 && crc_ == p.blob_crc;
  blob_.reset();
  hash_.reset();
  if (!same) return changed(p.record_id, p.blob_sha256);
  return ok();
}

result<std::size_t> PackStream::read(char* buf, std::size_t n) {
  if (n == 0) return std::size_t{0};
  while (part_ < parts_.size()) {
    auto& p = parts_[part_];
    if (p.blob_sha256.empty()) {
      if (at_ < p.bytes.size()) {
        auto k = static_cast<std::size_t>(std::min<std::uint64_t>(n, p.bytes.size() - at_));
        std::memcpy(buf, p.bytes.data() + at_, k);
        at_ += k;
        return k;
      }
      std::string().swap(p.bytes);  // given out: freed
    } else {
      if (!blob_) {
        if (auto st = open_blob(p); !st) return st.error();
      }
      if (at_ < p.blob_size) {
        auto want = static_cast<std::size_t>(std::min<std::uint64_t>(n, p.blob_size - at_));
        auto got = blob_->read(buf, want);
        if (!got) return got.error();
        if (*got == 0 || *got > want) return changed(p.record_id, p.blob_sha256);
        std::string_view piece(buf, *got);
        hash_->update(piece);
        crc_ = zip::crc32_update(crc_, piece);
        at_ += *got;
        // The last bytes of a blob are only given out once the whole blob has been checked.
        if (at_ == p.blob_size) {
          if (auto st = finish_blob(p); !st) return st.error();
          ++part_;
          at_ = 0;
        }
        return *got;
      }
      if (auto st = finish_blob(p); !st) return st.error();  // an empty blob
    }
    ++part_;
    at_ = 0;
  }
  slot_.reset();  // all given out: the slot is free for the next package
  return std::size_t{0};
}

}  // namespace aims::ledger
