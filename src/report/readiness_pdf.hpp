// The PDF of the stage 1 readiness checklist for the certification body (docs/certification.md):
// the summary counted over every item, then each item shown (after the filters) with its
// requirement, our short description, its status, what satisfies it and why it is missing or out
// of date, as a tagged PDF like the other reports. Pure function of the checklist the JSON serves;
// thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `checklist`: CertificationService::readiness_model (items, summary, today, ready); `filters`
/// says which filters chose the items shown ("" when none).
result<std::string> readiness_pdf(const boost::json::object& checklist, const std::string& organization, const std::string& filters);

}  // namespace aims::report
