// The auditor package (docs/formats/audit-pack.md): one ZIP holding an organization's records as
// JSON, its evidence files, the audit log export, the latest signed checkpoint, the verifier key,
// a manifest of SHA-256 hashes signed by the organization's log key (manifest.sig) and a README,
// verifiable offline with `aims audit verify --pack`. Making one writes nothing (the checkpoint it
// covers is the one the log export issues). Auditors, managers and admins only. The package is
// given as a PackStream that reads evidence files from the blob store as it goes, so memory does
// not grow with the evidence. Readable reports (reports/: the risk register and the approved SoA as
// CSV, their PDFs) are made from the packaged records; the PDFs by a PackRenderer the caller gives,
// since domain code does not link the report libraries. Owned by the composition root; thread-safe.
#pragma once
#include <boost/json.hpp>

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

/// Renders the PDF reports of a package (the report layer's documents), given to
/// AuditPackService::pack by its caller. Used by one thread at a time.
class PackRenderer {
 public:
  virtual ~PackRenderer() = default;
  /// The PDF of a Statement of Applicability: `soa` as its JSON export ({framework, version,
  /// exported_at, summary, items}), `org_name` the organization's name.
  virtual result<std::string> soa_pdf(const boost::json::object& soa, const std::string& org_name) = 0;
  /// The report PDF of the gap assessment `id` as `a` sees it; errc::not_found if it is gone.
  virtual result<std::string> assessment_pdf(const accounts::Actor& a, const std::string& id) = 0;
};

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
  /// The PDF reports are made by `renderer` (a gap assessment deleted meanwhile means making the
  /// package again, like a changed log). errc::too_many_requests while kMaxBuildsPerOrg of its
  /// packages are being built.
  result<std::unique_ptr<PackStream>> pack(const accounts::Actor& a, PackRenderer& renderer);

 private:
  store::Store& store_;
  AuditService& audit_;
  const LogSigner& signer_;
  evidence::BlobStore& blobs_;
  const Clock& clock_;
  PackSlots slots_{kMaxBuildsPerOrg};
};

}  // namespace aims::ledger
