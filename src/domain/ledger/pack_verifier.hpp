// The offline verifier of auditor packages (aims audit verify --pack; docs/formats/audit-pack.md):
// checks manifest.sig against the key, the manifest's files, sizes and SHA-256 hashes, the audit
// log against the package's checkpoint with verify_export, every record against its latest log
// entry (and that no logged record is missing), the evidence files against their records and the
// reports against the records they are made from.
// Names the first file, record or entry that does not match. Pure; thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/signed_note.hpp"
#include "domain/ledger/verifier.hpp"

namespace aims::ledger {

struct PackResult {
  bool ok = false;
  std::string org_id, org_name;
  std::int64_t files = 0;     // files listed in the manifest and checked
  std::int64_t evidence = 0;  // evidence files checked against their records
  std::int64_t records = 0;   // records whose content matches their latest log entry
  std::int64_t unlogged = 0;  // records with no entry in the log (written before it existed)
  std::int64_t reports = 0;   // reports/ files checked against the records
  bool log_covers_org = false;  // the log starts with the organization's creation (seq 0)
  std::string bad_file;       // when not ok because of a file: its path in the package
  std::string summary;        // when not ok: one sentence
  VerifyResult log;           // the audit log's verification
};

PackResult verify_pack(std::string_view archive, const note::Verifier& key);

}  // namespace aims::ledger
