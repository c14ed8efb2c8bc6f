// An AI system impact assessment as a JSON export file: one self-describing document with the
// assessment (working copy or an approved version), its EU AI Act Art. 27 view and the list of
// approved versions. Stateless; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

namespace aims::report {

/// The format name and version written into every export.
inline constexpr const char* kImpactExportFormat = "aims.impact-assessment";
inline constexpr int kImpactExportVersion = 1;

/// `model` is ImpactService::export_model's result ({organization, exported_at, source,
/// assessment, fria, versions}). Returns the file's text: {format, format_version, ...model}.
std::string impact_json(const boost::json::object& model);

/// The file name of an export without extension (file_names.hpp), e.g. "Acme impact assessment
/// IA-3 v2 2026-12-06" or "Acme impact assessment IA-3 working copy 2026-12-06" (the export's day).
std::string impact_file_stem(const boost::json::object& model);

}  // namespace aims::report
