// Seeds the demo organization with realistic AI systems, for a first look at aims.
// Stateless; thread-safe.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "store/store.hpp"

namespace aims::demo {

struct DemoLogin {
  std::string org;
  std::string email;
  std::string password;
};

/// Creates the organization "Demo Org" with its admin, eight AI systems, a completed gap
/// assessment of all 70 items, a few Statement of Applicability entries, AI risks, two impact
/// assessments, AI objectives with readings, and EU AI Act classifications of seven systems with
/// their obligations (see the demo_*.hpp files). Fails with
/// errc::conflict if the installation already has organizations.
result<DemoLogin> seed(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                       const std::string& password);

}  // namespace aims::demo
