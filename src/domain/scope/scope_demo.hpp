// The demo organization's AIMS scope: its units, sites, roles and interfaces, and every demo AI
// system placed in or out of scope (with a reason), saved through ScopeService. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::scope {

/// Saves the demo scope for `actor` (an admin of the demo organization, whose AI systems exist).
status seed_demo_scope(store::Store& store, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::scope
