// Seeds the demo organization's AI objectives (clause 6.2) with a year of readings that leave
// them in different states. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Four objectives, on the credit scoring, card fraud and demand forecasting systems: one on
/// track, one at risk, one off track with its reading overdue, and one kept within a range. The
/// AI systems must exist (seeded first).
status seed_objectives(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                       const accounts::Actor& actor);

}  // namespace aims::demo
