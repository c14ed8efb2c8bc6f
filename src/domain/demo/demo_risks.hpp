// Seeds the demo organization's AI risk register: realistic risks on its AI systems, some accepted
// (one acceptance already lapsed), one review overdue, several treated with Annex A controls so
// that the Statement of Applicability shows which risks each control treats. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Registers the demo risks for `actor` (an admin of the demo organization, whose AI systems exist).
status seed_risks(store::Store& store, const catalog::Catalog& cat, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::demo
