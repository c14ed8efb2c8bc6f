// Use cases of the readings of AI objectives: record one (contributor and up), push several for
// several objectives at once (pipelines; all or nothing), list in time order with paging, and
// delete one (manager and admin; the reading log keeps it). Every change is logged in the
// objective's history. Acts for an Actor and checks its role. Owned by the composition root;
// thread-safe (all state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::objectives {

class ReadingService {
 public:
  /// At most this many readings in one push.
  static constexpr std::size_t kMaxPush = 1000;

  ReadingService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  /// {"reading": {...}, "objective": {id, key, title, derived}}
  result<std::string> add(const accounts::Actor& a, const std::string& objective, const boost::json::value& body);
  /// Body {"readings": [{objective, value, measured_on?, note?}, ...]}; answers
  /// {"created": N, "items": [readings], "objectives": [{id, key, title, derived}, ...]}.
  result<std::string> push(const accounts::Actor& a, const boost::json::value& body);
  /// {"items": [...], "total": N, "next"?}, oldest first.
  result<std::string> list(const accounts::Actor& a, const std::string& objective, const std::optional<std::string>& limit,
                           const std::optional<std::string>& cursor);
  status remove(const accounts::Actor& a, const std::string& objective, const std::string& reading_id);

 private:
  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::objectives
