// The version checks and steps every versioned record shares: whether an If-Match value names a
// version, the 428/412 answers of a change, and the next version of a stored row with its
// document's bookkeeping. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "store/store.hpp"

namespace aims::records {

/// Whether an If-Match value names `version`: its ETag (see etag in lifecycle.hpp), or the weak
/// form (W/"v3").
bool names_version(std::string_view if_match, std::int64_t version);

/// Without If-Match: 428 when `required`, else ok. With it: 412 unless it names `version`,
/// saying "SUBJECT was changed by someone else since you read it (now version N); reload and AGAIN.".
status check_version(const std::optional<std::string>& if_match, std::int64_t version, bool required,
                     std::string_view subject, std::string_view again = "apply your change again");

/// The next version of `row` holding `doc`: the version one up and `now` as updated_at in both,
/// and `by` as the document's updated_by.
store::RecordRow next_version(const store::RecordRow& row, boost::json::object& doc, const std::string& now,
                              const std::string& by);

}  // namespace aims::records
