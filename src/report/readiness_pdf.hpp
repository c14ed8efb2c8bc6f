// The PDFs for the certification body (docs/certification.md), one frame for both (title, day,
// the summary counted over every item, the filters): the stage 1 readiness checklist, each item
// shown (after the filters) with its requirement, our short description, its status, what
// satisfies it and why it is missing or out of date; and the stage 2 evidence index, each clause
// and control with its records and documents (and the day each changed) and its evidence files
// (uploaded when, SHA-256). Tagged PDFs like the other reports. Pure functions of what the JSON
// serves; thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `checklist`: CertificationService::readiness_model (items, summary, today, ready); `filters`
/// says which filters chose the items shown ("" when none).
result<std::string> readiness_pdf(const boost::json::object& checklist, const std::string& organization, const std::string& filters);

/// `index`: CertificationService::evidence_index_model (items, summary, today); `filters` as above.
result<std::string> evidence_index_pdf(const boost::json::object& index, const std::string& organization, const std::string& filters);

}  // namespace aims::report
