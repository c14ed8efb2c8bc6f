// The PDF of an internal audit's report (docs/internal-audit.md): the audit's facts (scope,
// criteria, auditors, dates), its conclusion, its findings, the checklist's summary and rows, the
// samples drawn and the sign-offs, with the report's SHA-256 once it is frozen, as a tagged PDF
// like the other reports. Pure function of its input; thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `content`: the report content of AuditService::report_content (audit, findings, checklist, sha256, frozen).
result<std::string> internal_audit_pdf(const boost::json::object& content, const std::string& organization);

}  // namespace aims::report
