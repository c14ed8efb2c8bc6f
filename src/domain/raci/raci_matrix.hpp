// The RACI matrix of an AIMS process or of an AI system (ISO/IEC 42001 5.3): its activities by
// the members named in them, with the R, A, C and I letters of each and the activities where one
// member is both Responsible and Accountable marked; and the index of the processes and AI
// systems that have activities. Read from the raci_activity records (archived ones left out).
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::raci {

class RaciMatrixService {
 public:
  explicit RaciMatrixService(store::Store& store) : store_(store) {}

  /// {"process"|"system_id", "title", "people": [{user_id, name, email}], "activities": [{id, title,
  /// letters: {user_id: "R"|"A"|"A/R"|…}, warnings}], "warnings": n}: exactly one of process and
  /// system_id (400 otherwise; 404 for an AI system not the organization's).
  result<std::string> matrix(const accounts::Actor& a, const std::optional<std::string>& process,
                             const std::optional<std::string>& system_id);
  /// {"processes": [{value, label, activities, warnings}], "systems": [{id, name, activities, warnings}]}:
  /// every AIMS process, and the AI systems with activities.
  result<std::string> index(const accounts::Actor& a);

 private:
  store::Store& store_;
};

}  // namespace aims::raci
