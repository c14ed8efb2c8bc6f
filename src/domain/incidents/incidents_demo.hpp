// Seeds the demo organization's AI incidents (docs/incidents.md): a serious incident of the CV
// screening assistant, which the organization deploys, qualified from its saved EU AI Act
// classification, with the provider informed in time (one clock met) and the market surveillance
// authority still to inform (one clock running), and a minor incident not qualified yet. Runs
// after the EU AI Act classifications. Stateless; thread-safe.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::incidents {

/// `actor` is the demo organization's admin.
status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor);

}  // namespace aims::incidents
