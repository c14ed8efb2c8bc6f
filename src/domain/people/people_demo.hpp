// Seeds the demo organization's people side of competence (docs/competence.md): three more
// members, their AIMS roles, competence records (one expired, one expiring) and an annual AI
// literacy campaign that half of its audience completed. Runs after the field-driven kinds' demo
// records (the competences and AIMS roles). Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::people {

/// `actor` is the demo organization's admin; the new members log in with `password`.
status seed_demo(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& actor,
                 const std::string& password);

}  // namespace aims::people
