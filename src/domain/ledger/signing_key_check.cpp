#include "domain/ledger/signing_key_check.hpp"

#include <optional>
#include <vector>

#include "domain/ledger/audit_service.hpp"

namespace aims::ledger {

status check_signing_key(store::Store& store, const LogSigner& signer) {
  std::vector<std::string> orgs;
  if (auto s = store.read([&](store::ReadTx& tx) -> status {
        for (const auto& o : tx.list_orgs()) orgs.push_back(o.id);
        return ok();
      });
      !s)
    return s;
  for (const auto& org : orgs) {
    std::optional<store::AuditCheckpointRow> latest;
    if (auto s = store.read([&](store::ReadTx& tx) -> status {
          auto cs = tx.list_audit_checkpoints(org, 1, std::nullopt);
          if (!cs.empty()) latest = cs.front();
          return ok();
        });
        !s)
      return s;
    if (latest && !signer.signed_it(org, latest->note))
      return make_error(errc::conflict,
                        "the audit log of organization " + org + " has a checkpoint of size " +
                            std::to_string(latest->size) + " signed by another key than this server's (key ID " +
                            signer.key_id_hex(org) +
                            "). Every server of an installation must use the same signing key file: copy the "
                            "installation's key file to this server (setting audit_key, or <data>/audit-signing.key; "
                            "docs/deployment.md). The server was not started.");
  }
  return ok();
}

result<int> fix_signing_key(store::Store& store, const LogSigner& signer, const Clock& clock) {
  std::vector<std::string> unsigned_orgs;
  if (auto s = store.read([&](store::ReadTx& tx) -> status {
        for (const auto& o : tx.list_orgs())
          if (tx.audit_size(o.id) > 0 && tx.list_audit_checkpoints(o.id, 1, std::nullopt).empty())
            unsigned_orgs.push_back(o.id);
        return ok();
      });
      !s)
    return s.error();
  AuditService audit(store, signer, clock);
  int signed_now = 0;
  for (const auto& org : unsigned_orgs) {
    auto c = audit.issue_checkpoint(org);
    if (!c) {
      // Another server may have signed a checkpoint of this log first, with another key; any other
      // failure (a damaged log) is the audit API's to report and does not stop the server.
      if (auto k = check_signing_key(store, signer); !k) return k.error();
      continue;
    }
    ++signed_now;
  }
  return signed_now;
}

}  // namespace aims::ledger
