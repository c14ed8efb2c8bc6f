// Showing stored records in lists without letting one unreadable record break the list: a record
// whose stored document cannot be parsed or shown becomes an error row {id, error}, and is logged.
// Stateless functions; thread-safe (spdlog is).
#pragma once
#include <boost/json.hpp>

#include <exception>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::stored {

/// The message an error row carries.
inline constexpr std::string_view kUnreadable =
    "This record is stored in a form that cannot be read; it is left out of this view and has been logged.";

/// Logs that the record `kind`/`id` of `org_id` cannot be shown (and why) and returns its error row.
boost::json::object error_row(std::string_view kind, std::string_view org_id, std::string_view id, std::string_view why);
boost::json::object error_row(std::string_view kind, std::string_view org_id, std::string_view id,
                              const std::exception& e);

/// The stored document itself when it is a JSON object, else its error row as JSON text (logged):
/// for lists that pass stored documents through unparsed.
std::string object_or_error_text(std::string_view kind, std::string_view org_id, std::string_view id,
                                 std::string_view doc);

/// The stored document as a JSON object, its numbers read exactly (parse_json_exact); throws if it
/// is not one (the list turns that into an error row).
boost::json::object parse_object(std::string_view doc);

/// ok() when the stored document is a JSON object; else (logged) an errc::internal error for a
/// single-record read, which answers a problem instead of a broken body.
status readable(std::string_view kind, std::string_view org_id, std::string_view id, std::string_view doc);

/// True for an error row made by error_row.
bool is_error_row(const boost::json::object& o);

/// The row `show()` builds for one stored record, or its error row when `show()` throws.
template <class Show>
boost::json::object row_or_error(std::string_view kind, std::string_view org_id, std::string_view id, Show&& show) {
  try {
    return show();
  } catch (const std::exception& e) {
    return error_row(kind, org_id, id, e);
  }
}

}  // namespace aims::stored
