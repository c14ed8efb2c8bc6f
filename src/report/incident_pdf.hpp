// The PDF of an AI incident for an authority, a provider or an auditor (docs/incidents.md): the
// incident's facts, its serious-incident qualification with the rationale, every reporting clock
// with its citation, deadline and state as the clock engine gives them (never recomputed here),
// and the report chain with each frozen report's SHA-256, as a tagged PDF like the other reports.
// Pure function of its input; thread-safe (each call has its own PdfDocument).
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"

namespace aims::report {

/// `exported`: the aims-incident/1 export of IncidentService::export_json (incident, system, clocks, reports).
result<std::string> incident_pdf(const boost::json::object& exported, const std::string& organization);

}  // namespace aims::report
