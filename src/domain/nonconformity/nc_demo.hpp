// The demo organization's nonconformities (docs/nonconformity.md): NC-1, a major nonconformity
// from the internal audit closed after an effective check (containment, a 5-whys analysis, two
// corrective actions done), and NC-2, a minor one still open with a corrective action in progress.
// They name the audit findings AF-1 and AF-2 when the audit_finding kind is registered. Start-up only.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::nonconformity {

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& admin);

}  // namespace aims::nonconformity
