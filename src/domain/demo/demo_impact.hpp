// Demo impact assessments: an approved one for the CV screening assistant whose system has since
// changed (so its re-assessment shows as due) and a draft for the customer service chatbot.
// Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Needs the demo's AI systems (by name) to exist; `actor` is the demo admin.
status seed_impact(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& actor);

}  // namespace aims::demo
