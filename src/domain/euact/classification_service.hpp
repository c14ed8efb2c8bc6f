// Use cases of EU AI Act classification: the questionnaire, a system's current classification,
// saving a (re-)classification with its answers, result and rationale, and the saved versions.
// Saving also updates the system's inventory fields (through the inventory's own code path) and
// its obligation records, in the same transaction. Acts for an Actor and checks its role.
// Owned by the composition root; thread-safe (state is in the store; the data is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/euact/questionnaire.hpp"
#include "domain/inventory/system_service.hpp"
#include "store/store.hpp"

namespace aims::euact {

struct ClassificationView {
  std::int64_t version = 0;
  std::string json;
};

class ClassificationService {
 public:
  static constexpr const char* kKind = "classification";
  static constexpr const char* kVersionKind = "classification_version";

  ClassificationService(store::Store& store, const Questionnaire& questionnaire, inventory::SystemService& systems,
                        ObligationService& obligations, const Clock& clock)
      : store_(store), q_(questionnaire), systems_(systems), obligations_(obligations), clock_(clock) {}

  const std::string& questionnaire_json() const { return q_.json_text(); }

  /// The system's current classification; not_found if it has none yet (or no such system).
  result<ClassificationView> get(const accounts::Actor& a, const std::string& system_id);
  /// Saves a classification from {"answers": {...}, "note"?}. If-Match is required once the
  /// system has a classification. Incomplete or invalid answers: errc::validation naming them.
  result<ClassificationView> put(const accounts::Actor& a, const std::string& system_id, const boost::json::value& body,
                                 const std::optional<std::string>& if_match);
  /// Saved versions, newest first: {"items": [...], "next"?}. Each document served (current, saved
  /// or in the history) carries "recheck" (see recheck.hpp), worked out when read.
  result<std::string> history(const accounts::Actor& a, const std::string& system_id,
                              const std::optional<std::string>& limit, const std::optional<std::string>& cursor);

 private:
  store::Store& store_;
  const Questionnaire& q_;
  inventory::SystemService& systems_;
  ObligationService& obligations_;
  const Clock& clock_;
};

}  // namespace aims::euact
