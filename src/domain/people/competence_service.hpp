// The competence matrix (ISO/IEC 42001 7.2): the organization's people × competences, each cell
// held / expiring / expired / gap / not needed by the one rule of competence_facts.hpp, a page of
// people at a time (their records read with store filters on the page), optionally only the
// holders of an AIMS role or one person; and the summary the dashboard card shows (gaps and
// expired competences over every member, read in pages). Owned by the composition root;
// thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::people {

class CompetenceService {
 public:
  CompetenceService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// GET /api/v1/competence/matrix: parameters role (an AIMS role id), person (a member's user id),
  /// limit (1–200, default 50) and cursor; {today, competences, items, total, next?}.
  result<std::string> matrix(const accounts::Actor& a, const records::Params& p);
  /// {people, people_with_gaps, gaps, expired, expiring} over every member of the organization.
  result<boost::json::object> summary(const accounts::Actor& a);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::people
