#include "domain/ledger/stored_log_check.hpp"

#include <map>

#include "core/merkle.hpp"
#include "domain/ledger/checkpoint.hpp"

namespace aims::ledger {

StoredLogCheck check_stored_log(store::ReadTx& tx, const std::string& org_id, const std::vector<note::Verifier>& keys) {
  StoredLogCheck r;
  auto fail = [&](std::string why) {
    if (r.ok) r.problem = std::move(why);
    r.ok = false;
  };
  // Every checkpoint, by size.
  std::map<std::int64_t, store::AuditCheckpointRow> checkpoints;
  std::optional<std::int64_t> below;
  for (;;) {
    auto page = tx.list_audit_checkpoints(org_id, 500, below);
    for (auto& c : page) checkpoints.emplace(c.size, std::move(c));
    if (page.size() < 500) break;
    below = checkpoints.begin()->first;
  }
  const std::int64_t size = tx.audit_size(org_id);
  merkle::TreeBuilder tree;
  auto check_at = [&](std::int64_t n) {
    auto it = checkpoints.find(n);
    if (it == checkpoints.end()) return;
    std::optional<Checkpoint> opened;
    for (const auto& k : keys)
      if (auto c = open_checkpoint(it->second.note, k)) opened = *c;
    if (!opened) return fail("the checkpoint of size " + std::to_string(n) + " carries no valid signature by the backup's keys");
    if (opened->size != n || opened->root != tree.root())
      return fail("the checkpoint of size " + std::to_string(n) + " does not give the root of the log's first " +
                  std::to_string(n) + " entries");
    ++r.checkpoints;
  };
  check_at(0);
  for (std::int64_t from = 0; from < size;) {
    auto page = tx.list_audit_entries(org_id, from, 1000);
    if (page.empty()) {
      fail("entries from " + std::to_string(from) + " on are missing");
      break;
    }
    for (const auto& e : page) {
      if (e.seq != from) {
        fail("entry " + std::to_string(from) + " is missing");
        return r;
      }
      auto leaf = merkle::leaf_hash(e.entry);
      if (merkle::to_hex(leaf) != e.leaf_hash) fail("entry " + std::to_string(e.seq) + " does not hash to its recorded leaf hash");
      tree.add(leaf);
      ++from;
      check_at(from);
    }
  }
  r.entries = static_cast<std::int64_t>(tree.size());
  if (!checkpoints.empty() && checkpoints.rbegin()->first > size)
    fail("a checkpoint covers " + std::to_string(checkpoints.rbegin()->first) + " entries, the log has " + std::to_string(size));
  return r;
}

}  // namespace aims::ledger
