#include "report/file_names.hpp"

#include "report/cells.hpp"

namespace aims::report {
namespace json = boost::json;

std::string file_stem(std::string_view organization, std::string_view what, std::string_view date) {
  std::string out(organization);
  if (!out.empty()) out += ' ';
  out += what;
  if (!date.empty()) out += " " + std::string(date.substr(0, 10));
  return out;
}

std::string gap_assessment_file_stem(const json::object& report) {
  return file_stem(field_text(report, "organization"), "gap assessment",
                   field_text(report.at("assessment").as_object(), "assessment_date"));
}

std::string soa_file_stem(const json::object& soa, std::string_view organization) {
  const auto& version = soa.at("version");
  std::string what = version.is_int64() ? "statement of applicability v" + std::to_string(version.as_int64())
                                        : std::string("statement of applicability working copy");
  return file_stem(organization, what, field_text(soa, "exported_at"));
}

}  // namespace aims::report
