// The field-by-field changes a history entry records between two versions of a stored document,
// as {field, from, to} objects. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string_view>

namespace aims::records {

/// Appends {field: key, from, to} to `changes` when member `key` differs between `before` and
/// `after`; a missing member counts as null.
void add_change(boost::json::array& changes, const boost::json::object& before, const boost::json::object& after,
                std::string_view key);

/// The changes of the members `keys`, in their order (see add_change).
template <class Keys>
boost::json::array changes_of(const boost::json::object& before, const boost::json::object& after, const Keys& keys) {
  boost::json::array changes;
  for (std::string_view k : keys) add_change(changes, before, after, k);
  return changes;
}

}  // namespace aims::records
