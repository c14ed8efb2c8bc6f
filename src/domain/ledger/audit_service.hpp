// Use cases of the audit log (SPEC §9): the latest signed checkpoint, the public key, entries,
// inclusion and consistency proofs, and the export file; all of the caller's organization only.
// Every member reads checkpoints, the key and proofs (a viewer can already read every record and
// its history); listing entries and exporting the log need auditor, manager or admin.
// Checkpoints are signed only over what is committed (and so durable), and never over a log that
// no longer matches the last checkpoint. Pages of entries are cached at the log's size (a page read
// at one size is current while the size is unchanged). Owned by the composition root; thread-safe.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/ledger/audit_entries_page.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export_stream.hpp"
#include "store/store.hpp"

namespace aims::ledger {

struct LogFile {
  std::string filename;
  std::string body;
  std::int64_t size = 0;
};

class AuditService {
 public:
  AuditService(store::Store& store, const LogSigner& signer, const Clock& clock)
      : store_(store), signer_(signer), clock_(clock) {}

  /// {"origin","size","root_hash","checkpoint","created_at"}: the checkpoint of the current size,
  /// signed now if none was yet.
  result<std::string> checkpoint(const accounts::Actor& a);
  /// {"key_name","key_id","algorithm","public_key","verifier_key"}.
  result<std::string> public_key(const accounts::Actor& a);
  /// {"items":[…],"size":N,"next":"…"}: entries from `from` (or `cursor`), `limit` (1..500, 50),
  /// oldest or newest first, filtered; each item with its actor_name and record_title.
  result<std::string> entries(const accounts::Actor& a, const EntriesParams& p);
  result<std::string> entries(const accounts::Actor& a, const std::optional<std::string>& from,
                              const std::optional<std::string>& limit) {
    EntriesParams p;
    p.from = from;
    p.limit = limit;
    return entries(a, p);
  }
  /// The entry `seq` with its inclusion proof in the tree of `size` entries (default: the current
  /// checkpoint's).
  result<std::string> inclusion(const accounts::Actor& a, const std::string& seq, const std::optional<std::string>& size);
  /// The consistency proof between the trees of `from` and `to` entries (default: the current
  /// checkpoint's).
  result<std::string> consistency(const accounts::Actor& a, const std::optional<std::string>& from,
                                  const std::optional<std::string>& to);
  /// The export file (docs/formats/audit-log.md) up to the current checkpoint, in memory.
  result<LogFile> export_log(const accounts::Actor& a);
  /// The same file, to be read piece by piece with memory bounded by a page of entries.
  result<std::unique_ptr<LogExportStream>> export_stream(const accounts::Actor& a);

  /// The checkpoint of the organization's current size: stored if it exists, else signed and
  /// stored. errc::conflict if the log no longer matches its latest earlier checkpoint.
  result<store::AuditCheckpointRow> issue_checkpoint(const std::string& org_id);

 private:
  store::Store& store_;
  const LogSigner& signer_;
  const Clock& clock_;
  inventory::ListCache pages_{8u << 20};  // entries pages by organization and query
};

}  // namespace aims::ledger
