// A line-based diff of two texts (the versions of a document): the lines both keep, and those only
// one of them has, in order. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string_view>

namespace aims::documents {

/// [{"op": "same"|"removed"|"added", "text": line}, ...]: `from` turned into `to` with as few
/// removed and added lines as a longest common subsequence gives (after the common start and end;
/// a very large changed middle is shown as all removed, then all added).
boost::json::array line_diff(std::string_view from, std::string_view to);

}  // namespace aims::documents
