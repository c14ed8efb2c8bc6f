// EU AI Act classifications and obligation progress for the demo organization's AI systems.
// Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// Classifies seven of the eight demo systems (a high-risk Annex III credit model and CV
/// screener, a transparency-only chatbot, a content generator and three minimal-risk systems;
/// the claims triage stays unclassified) and records progress on some of their obligations.
status seed_euact(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& actor);

}  // namespace aims::demo
