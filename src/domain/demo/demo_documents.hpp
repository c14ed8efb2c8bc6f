// Seeds the demo organization's AI policy: approved by its two managers (demo_members.hpp), the policy
// approved and published as version 2.0 (after 1.0) with its audience to acknowledge it, and a
// version 2.1 in review with one of its two approvals given — all through DocumentService, so
// that every step has its history and audit entries. Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// After add_members(): the compliance lead and the CTO approve.
status seed_documents(store::Store& store, const Clock& clock, const accounts::Actor& admin);

}  // namespace aims::demo
