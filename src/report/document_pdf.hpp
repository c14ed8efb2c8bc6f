// The PDF of a published version of a controlled document: its title, facts (number, version,
// type, classification, publication, content hash), its approval decisions and its Markdown
// content laid out as headings, paragraphs and list items, as a tagged PDF like the other reports.
// Pure function of its input; thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `document`: the served document record; `version`: the served version (with content).
result<std::string> document_pdf(const boost::json::object& document, const boost::json::object& version,
                                 const std::string& organization);

}  // namespace aims::report
