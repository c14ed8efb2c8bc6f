#include "domain/ledger/log_export_stream.hpp"

#include <algorithm>
#include <cstring>

#include "domain/ledger/log_export.hpp"

namespace aims::ledger {

namespace {

constexpr int kCheckpointPage = 100;

Error export_changed() {
  return make_error(errc::internal, "The audit log no longer gives the export it was counted as; the export ended early.");
}

}  // namespace

result<std::unique_ptr<LogExportStream>> LogExportStream::open(store::Store& store, const LogSigner& signer,
                                                               std::string org_id, std::int64_t size) {
  auto s = std::make_unique<LogExportStream>(store, signer, std::move(org_id), size);
  // The sizes of the checkpoints up to `size`, ascending (the store lists them largest first).
  std::optional<std::int64_t> below = size + 1;
  for (;;) {
    std::vector<store::AuditCheckpointRow> rows;
    auto st = store.read([&](store::ReadTx& tx) -> status {
      rows = tx.list_audit_checkpoints(s->org_id_, kCheckpointPage, below);
      return ok();
    });
    if (!st) return st.error();
    for (const auto& r : rows) s->checkpoint_sizes_.push_back(r.size);
    if (static_cast<int>(rows.size()) < kCheckpointPage) break;
    below = rows.back().size;
  }
  std::reverse(s->checkpoint_sizes_.begin(), s->checkpoint_sizes_.end());
  // The exact size: the file made once through, counted and dropped.
  for (;;) {
    if (auto st = s->next_piece(); !st) return st.error();
    if (s->pending_.empty()) break;
    s->bytes_ += s->pending_.size();
  }
  s->rewind();
  return s;
}

void LogExportStream::rewind() {
  phase_ = Phase::header;
  next_ = 0;
  pending_.clear();
  at_ = 0;
  given_ = 0;
}

status LogExportStream::next_piece() {
  pending_.clear();
  at_ = 0;
  switch (phase_) {
    case Phase::header:
      pending_ = header_line(ExportHeader{org_id_, signer_.origin(org_id_), size_});
      phase_ = Phase::entries;
      return ok();
    case Phase::entries:
    case Phase::leaves: {
      if (next_ >= size_) {
        phase_ = phase_ == Phase::entries ? Phase::leaves : Phase::checkpoints;
        next_ = 0;
        return next_piece();
      }
      auto want = std::min<std::int64_t>(phase_ == Phase::entries ? kPage : std::int64_t(kLeafHashesPerLine), size_ - next_);
      std::vector<store::AuditEntryRow> rows;
      auto st = store_.read([&](store::ReadTx& tx) -> status {
        rows = tx.list_audit_entries(org_id_, next_, static_cast<int>(want));
        return ok();
      });
      if (!st) return st;
      if (static_cast<std::int64_t>(rows.size()) != want) return export_changed();
      if (phase_ == Phase::entries) {
        for (auto& r : rows) pending_ += entry_line(ExportEntry{std::move(r.entry)});
      } else {
        ExportLeafHashes line;
        for (auto& r : rows) line.hashes.push_back(std::move(r.leaf_hash));
        pending_ = leaf_hashes_line(line);
      }
      next_ += want;
      return ok();
    }
    case Phase::checkpoints: {
      auto total = static_cast<std::int64_t>(checkpoint_sizes_.size());
      if (next_ >= total) {
        phase_ = Phase::done;
        return ok();
      }
      auto end = std::min<std::int64_t>(total, next_ + kCheckpointPage);
      auto st = store_.read([&](store::ReadTx& tx) -> status {
        for (auto i = next_; i < end; ++i) {
          auto c = tx.find_audit_checkpoint(org_id_, checkpoint_sizes_[static_cast<std::size_t>(i)]);
          if (!c) return export_changed();
          pending_ += checkpoint_line(ExportCheckpoint{signer_.cosign(org_id_, c->note)});
        }
        return ok();
      });
      if (!st) return st;
      next_ = end;
      return ok();
    }
    case Phase::done:
      return ok();
  }
  return ok();
}

result<std::size_t> LogExportStream::read(char* buf, std::size_t n) {
  if (n == 0) return std::size_t{0};
  while (at_ == pending_.size()) {
    if (phase_ == Phase::done) {
      if (given_ != bytes_) return export_changed();
      return std::size_t{0};
    }
    if (auto st = next_piece(); !st) return st.error();
  }
  auto k = std::min(n, pending_.size() - at_);
  if (given_ + k > bytes_) return export_changed();
  std::memcpy(buf, pending_.data() + at_, k);
  at_ += k;
  given_ += k;
  return k;
}

}  // namespace aims::ledger
