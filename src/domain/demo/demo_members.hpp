// The demo organization's members besides its admin (two managers who approve documents, two
// contributors and an auditor), added once at the start of the seed, and the one lookup of a
// demo member's user id by e-mail that every part of the demo uses. Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::demo {

/// The demo members' e-mail addresses (the admin's is admin@demo.aims.test).
inline constexpr const char* kComplianceLead = "compliance@demo.aims.test";
inline constexpr const char* kCto = "cto@demo.aims.test";
inline constexpr const char* kDataSteward = "dana.steward@demo.aims.test";
inline constexpr const char* kOversightLead = "omar.oversight@demo.aims.test";
inline constexpr const char* kAuditor = "ines.auditor@demo.aims.test";

/// Adds the members above to `admin`'s organization with their app roles; they log in with `password`.
status add_members(store::Store& store, const Clock& clock, IdSource& ids, const accounts::Actor& admin,
                   const std::string& password);

/// The user id of the demo member with this e-mail; an internal error if there is none.
result<std::string> member_id(store::Store& store, const std::string& email);

}  // namespace aims::demo
