// The last step of the auditor package verifier (docs/formats/audit-pack.md, "Verifying", step 9):
// reports/ holds exactly the reports the packaged records give, reports/index.txt is the index they
// give, and each CSV report is byte for byte the one its records file gives (a changed row is named).
// Called by verify_pack once the records have verified against the log. Pure; thread-safe.
#pragma once
#include <optional>

#include "domain/ledger/pack_verifier_records.hpp"

namespace aims::ledger {

/// The first finding about the reports, if any. Counts into r.reports.
std::optional<PackFinding> check_reports(const PackFiles& files, PackResult& r);

}  // namespace aims::ledger
