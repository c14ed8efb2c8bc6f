// The second half of the auditor package verifier (docs/formats/audit-pack.md, "Verifying", steps
// 7 and 8): the records files against the packaged audit log, and the evidence files against the
// evidence records. Called by verify_pack once the files, the manifest signature and the log have
// verified. Pure; thread-safe.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/zip.hpp"
#include "domain/ledger/pack_verifier.hpp"

namespace aims::ledger {

/// What is wrong with a package: the file, and one sentence.
struct PackFinding {
  std::string file, summary;
};

using PackFiles = std::map<std::string, const zip::Entry*>;

/// Every row of every records file against the latest create/update/delete entry of its record
/// in `log` (the export's bytes), and every record the log says exists against the rows. Counts
/// into r.records, r.unlogged and r.log_covers_org. The first finding, if any.
std::optional<PackFinding> check_records(const PackFiles& files, std::string_view log, const std::string& org_id,
                                         PackResult& r);

/// Every live evidence record's file is present under its name and hashes to its sha256; every
/// evidence/ file is the file of a live record. Counts into r.evidence. The first finding, if any.
std::optional<PackFinding> check_evidence(const PackFiles& files, PackResult& r);

}  // namespace aims::ledger
