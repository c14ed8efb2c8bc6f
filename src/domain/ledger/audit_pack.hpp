// The auditor package (docs/formats/audit-pack.md): one ZIP holding an organization's records as
// JSON, its evidence files, the audit log export, the latest signed checkpoint, the verifier key,
// a manifest of SHA-256 hashes signed by the organization's log key (manifest.sig) and a README,
// verifiable offline with `aims audit verify --pack`. Making one writes nothing (the checkpoint it
// covers is the one the log export issues). Auditors, managers and admins only. The package is
// given as a PackStream that reads evidence files from the blob store as it goes, so memory does
// not grow with the evidence. Owned by the composition root; thread-safe.
#pragma once
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/audit_pack_slots.hpp"
#include "domain/ledger/audit_pack_stream.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "store/store.hpp"

namespace aims::ledger {

class AuditPackService {
 public:
  AuditPackService(store::Store& store, AuditService& audit, const LogSigner& signer, evidence::BlobStore& blobs,
                   const Clock& clock)
      : store_(store), audit_(audit), signer_(signer), blobs_(blobs), clock_(clock) {}

  /// At most this many packages of one organization are built at once; more get 429.
  static constexpr int kMaxBuildsPerOrg = 2;

  /// The package of the caller's organization, to be read piece by piece; it holds one of the
  /// organization's build slots until read to the end or destroyed. Every evidence file is read
  /// through once here (its CRC-32 and a check of its SHA-256) and again as the package is read.
  /// errc::too_many_requests while kMaxBuildsPerOrg of its packages are being built.
  result<std::unique_ptr<PackStream>> pack(const accounts::Actor& a);

 private:
  store::Store& store_;
  AuditService& audit_;
  const LogSigner& signer_;
  evidence::BlobStore& blobs_;
  const Clock& clock_;
  PackSlots slots_{kMaxBuildsPerOrg};
};

}  // namespace aims::ledger
