// Seeds the demo organization's people side of competence (docs/competence.md): the AIMS roles of
// its members (demo/demo_members.hpp), competence records (one expired, one expiring) and an annual AI
// literacy campaign that half of its audience completed. Runs after the field-driven kinds' demo
// records (the competences and AIMS roles). Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::people {

/// `actor` is the demo organization's admin; after demo::add_members().
status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::people
