#include "domain/records/versions.hpp"

#include "domain/records/lifecycle.hpp"

namespace aims::records {
namespace json = boost::json;

bool names_version(std::string_view if_match, std::int64_t version) {
  auto tag = etag(version);
  return if_match == tag || if_match == "W/" + tag;
}

status check_version(const std::optional<std::string>& if_match, std::int64_t version, bool required,
                     std::string_view subject, std::string_view again) {
  if (!if_match) {
    if (!required) return ok();
    return make_error(errc::precondition_required,
                      "Send If-Match with the ETag you last read, so that no one else's change is overwritten.");
  }
  if (names_version(*if_match, version)) return ok();
  return make_error(errc::precondition_failed, std::string(subject) + " was changed by someone else since you read it (now version " +
                                                   std::to_string(version) + "); reload and " + std::string(again) + ".");
}

store::RecordRow next_version(const store::RecordRow& row, json::object& doc, const std::string& now,
                              const std::string& by) {
  doc["version"] = row.version + 1;
  doc["updated_at"] = now;
  doc["updated_by"] = by;
  store::RecordRow next = row;
  next.version = row.version + 1;
  next.updated_at = now;
  next.doc = json::serialize(doc);
  return next;
}

}  // namespace aims::records
