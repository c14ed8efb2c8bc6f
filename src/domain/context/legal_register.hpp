// The legal register's EU AI Act part (clauses 4.1, 4.2): the obligations that follow from the
// classification of the organization's AI systems, served beside the register's own entries and
// read from the obligations register (the one source; never copied into the legal requirements).
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <string>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/records/list_query.hpp"

namespace aims::context {

class LegalRegisterService {
 public:
  explicit LegalRegisterService(euact::ObligationService& obligations) : obligations_(obligations) {}

  /// {"source", "register", "items", "total", "next"?}: the obligations register's list (its
  /// parameters and answers, 400 on a bad parameter), by AI system unless `sort` is given, under
  /// the name of its source and the path of the register that holds them.
  result<std::string> eu_ai_act(const accounts::Actor& a, const records::Params& p) const;

 private:
  euact::ObligationService& obligations_;
};

}  // namespace aims::context
