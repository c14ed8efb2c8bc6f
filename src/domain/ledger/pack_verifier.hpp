// The offline verifier of auditor packages (aims audit verify --pack; docs/formats/audit-pack.md):
// checks the manifest's sizes and SHA-256 hashes, that each live evidence record's file is in the
// package and hashes to the recorded value, then the audit log against the package's checkpoint
// with verify_export. Names the first file or entry that does not match. Pure; thread-safe.
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
  std::string bad_file;       // when not ok because of a file: its path in the package
  std::string summary;        // when not ok: one sentence
  VerifyResult log;           // the audit log's verification
};

PackResult verify_pack(std::string_view archive, const note::Verifier& key);

}  // namespace aims::ledger
