#include "report/impact_json.hpp"

#include "core/json_text.hpp"
#include "report/cells.hpp"
#include "report/file_names.hpp"

namespace aims::report {
namespace json = boost::json;

std::string impact_json(const json::object& model) {
  json::object out{{"format", kImpactExportFormat}, {"format_version", kImpactExportVersion}};
  for (auto k : {"organization", "exported_at", "source", "assessment", "fria", "versions"})
    if (auto p = model.if_contains(k)) out[k] = *p;
  return to_json_text(out);
}

std::string impact_file_stem(const json::object& model) {
  const auto& src = model.at("source").as_object();
  std::string ref = field_text(model.at("assessment").as_object(), "ref");
  std::string which = field_text(src, "kind") == "version" ? "v" + field_text(src, "number") : std::string("working copy");
  return file_stem(field_text(model, "organization"), "impact assessment " + ref + " " + which, field_text(model, "exported_at"));
}

}  // namespace aims::report
