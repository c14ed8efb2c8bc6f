// The PDF minutes of a management review (docs/management-review.md): its facts and hashes, the
// attendees with their AIMS roles and whether top management was present, each section of the
// frozen input pack, the decisions and the conclusion, as a tagged PDF like the other reports.
// Pure function of its input; thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `minutes`: {review, attendance, pack, decisions} as ReviewService::minutes gives them.
result<std::string> review_minutes_pdf(const boost::json::object& minutes, const std::string& organization);

}  // namespace aims::report
