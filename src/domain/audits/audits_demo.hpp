// Seeds the demo organization's internal audits (docs/internal-audit.md): IA-1, a completed audit
// of risk management and AI system operation, started, its checklist recorded, with a sample of
// the AI systems in scope, four findings (AF-1 a major nonconformity, AF-2 a minor one, AF-3 an
// observation, AF-4 an opportunity for improvement), an answered request for information, its
// report and both sign-offs (frozen); and IA-2, planned next year for the clauses and controls
// IA-1 did not cover. Runs after the members, the SoA, the risks and the evidence. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::audits {

/// `actor` is the demo organization's admin.
status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::audits
