// Seeds the demo organization's records of every field-driven kind of the registry from the
// kinds' own demo bodies (KindSpec::demo), through the generic record service, so that they have
// their history and audit entries like every other record. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Creates each generic kind's demo records for `actor` (an admin of the demo organization, whose
/// AI systems exist: a system named in a demo body is looked up by its name).
status seed_records(store::Store& store, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::demo
