// The demo organization's retention periods and its one record under legal hold (the first
// context issue). Stateless; run once by the demo seeder on its thread.
#pragma once
#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::retention {

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& admin);

}  // namespace aims::retention
