#include "domain/ledger/log_tree.hpp"

namespace aims::ledger {

merkle::NodeSource tree_of(store::ReadTx& tx, const std::string& org_id) {
  return [&tx, org_id](int level, std::uint64_t index) -> merkle::Hash {
    auto hex = tx.find_audit_node(org_id, level, static_cast<std::int64_t>(index));
    auto h = hex ? merkle::from_hex(*hex) : std::nullopt;
    if (!h)
      throw DamagedLog("the audit log of " + org_id + " has no valid hash for subtree " + std::to_string(level) + "/" +
                       std::to_string(index));
    return *h;
  };
}

result<std::int64_t> append_entry(store::WriteTx& tx, Entry e) {
  e.seq = tx.audit_size(e.org);
  auto bytes = entry_bytes(e);
  auto leaf = merkle::leaf_hash(bytes);
  std::vector<store::AuditNodeRow> nodes;
  try {
    for (const auto& n : merkle::completed_by_append(static_cast<std::uint64_t>(e.seq), leaf, tree_of(tx, e.org)))
      nodes.push_back(store::AuditNodeRow{n.level, static_cast<std::int64_t>(n.index), merkle::to_hex(n.hash)});
  } catch (const DamagedLog& d) {
    return make_error(errc::internal, d.what());
  }
  if (auto s = tx.append_audit_entry(store::AuditEntryRow{e.org, e.seq, bytes, merkle::to_hex(leaf)}, nodes); !s)
    return s.error();
  return e.seq;
}

}  // namespace aims::ledger
