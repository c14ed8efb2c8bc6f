// An AI system impact assessment as a PDF (cairo + pango, portrait A4): the key facts, one section
// per documentation element, the benefits and harms with their measures, the EU AI Act Art. 27
// view and the approved versions. Stateless; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `model` is ImpactService::export_model's result. Returns the PDF's bytes.
result<std::string> impact_pdf(const boost::json::object& model);

}  // namespace aims::report
