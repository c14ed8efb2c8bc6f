// The export file of an organization's audit log (docs/formats/audit-log.md) read piece by piece,
// with its exact size known before the first byte: the header, the entries and the leaf hash lines
// are made from pages of the store (at most kPage entries at a time), and the checkpoints one page
// at a time, so memory holds one page and the sizes of the exported checkpoints, not the log.
// Entries and checkpoints up to an issued checkpoint never change, so every pass reads the same.
// Owned by the one download (or export) it belongs to; used by one thread at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "store/store.hpp"

namespace aims::ledger {

class LogExportStream {
 public:
  /// Entries (and leaf hashes) read from the store at once.
  static constexpr std::int64_t kPage = 1000;

  /// The export of `org_id` up to its issued checkpoint of `size` entries. Reads the log through
  /// once here for the exact size.
  static result<std::unique_ptr<LogExportStream>> open(store::Store& store, const LogSigner& signer,
                                                       std::string org_id, std::int64_t size);

  /// "audit-log-<org>-<size>.jsonl".
  const std::string& filename() const { return filename_; }
  /// The exact number of bytes read() delivers.
  std::uint64_t size() const { return bytes_; }
  /// Entries in the export.
  std::int64_t entries() const { return size_; }
  /// Reads up to n bytes; 0 only at the end. An error (the store failing, or the log no longer
  /// giving the bytes counted at open) ends the export short.
  result<std::size_t> read(char* buf, std::size_t n);

  LogExportStream(store::Store& store, const LogSigner& signer, std::string org_id, std::int64_t size)
      : store_(store), signer_(signer), org_id_(std::move(org_id)), size_(size),
        filename_("audit-log-" + org_id_ + "-" + std::to_string(size) + ".jsonl") {}

 private:
  enum class Phase { header, entries, leaves, checkpoints, done };
  /// Puts the next piece of the file into pending_ ("" once done).
  status next_piece();
  void rewind();

  store::Store& store_;
  const LogSigner& signer_;
  const std::string org_id_;
  const std::int64_t size_;
  const std::string filename_;
  std::vector<std::int64_t> checkpoint_sizes_;  // ascending
  std::uint64_t bytes_ = 0, given_ = 0;
  Phase phase_ = Phase::header;
  std::int64_t next_ = 0;  // the next entry (or checkpoint index) of the phase
  std::string pending_;
  std::size_t at_ = 0;     // bytes of pending_ given out
};

}  // namespace aims::ledger
