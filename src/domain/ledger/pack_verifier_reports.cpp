#include "domain/ledger/pack_verifier_reports.hpp"

#include <boost/json.hpp>

#include <set>

#include "domain/inventory/csv.hpp"
#include "domain/ledger/audit_pack_reports.hpp"
#include "domain/risk/risk_csv.hpp"
#include "domain/soa/soa_csv.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

json::array rows_of(const PackFiles& files, const std::string& path) {
  json::error_code ec;
  auto v = json::parse(files.at(path)->data, ec);  // check_records has read it as an array
  return !ec && v.is_array() ? v.as_array() : json::array();
}

std::set<std::string> keys_of(const std::vector<csv::Row>& rows) {
  std::set<std::string> out;
  for (std::size_t i = 1; i < rows.size(); ++i) out.insert(rows[i].empty() ? "" : rows[i][0]);
  return out;
}

/// Why the CSV report `path` is not `want` (made from `source`), or nothing. `noun` names a row's
/// record ("risk", "control"), whose key is the first cell.
std::optional<PackFinding> compare_csv(const std::string& path, const std::string& got, const std::string& want,
                                       const std::string& source, const std::string& noun) {
  if (got == want) return std::nullopt;
  auto bad = [&](const std::string& why) { return PackFinding{path, path + " " + why + "."}; };
  auto g = csv::parse(got);
  if (!g) return bad("is not CSV (" + g.error().detail + ")");
  auto w = *csv::parse(want);
  if (g->empty() || (*g)[0] != w[0]) return bad("does not start with the header row of the format");
  for (std::size_t i = 1; i < g->size(); ++i)
    if ((*g)[i].empty() || csv::unguard((*g)[i][0]).empty())
      return bad("has a row " + std::to_string(i + 1) + " without " + noun);
  auto have = keys_of(*g), should = keys_of(w);
  for (const auto& k : should)
    if (!have.count(k))
      return bad("has no row for the " + noun + " " + csv::unguard(k) + " of " + source + " (it was removed)");
  for (const auto& k : have)
    if (!should.count(k))
      return bad("has a row for the " + noun + " " + csv::unguard(k) + ", which " + source + " does not hold (it was added)");
  if (g->size() != w.size()) return bad("does not have one row per " + noun + " of " + source);
  for (std::size_t i = 1; i < w.size(); ++i)
    if ((*g)[i] != w[i])
      return bad("row " + std::to_string(i + 1) + " (" + noun + " " + csv::unguard((*g)[i][0]) +
                 ") does not match " + source + " (it was changed)");
  return bad("is not byte for byte the CSV of " + source);
}

}  // namespace

std::optional<PackFinding> check_reports(const PackFiles& files, PackResult& r) {
  auto risks = rows_of(files, "records/risk.json");
  auto plan = plan_reports(rows_of(files, "records/soa_versions.json"), rows_of(files, "records/assessments.json"), risks);
  auto paths = report_paths(plan);
  std::set<std::string> expected(paths.begin(), paths.end());
  for (const auto& path : paths)
    if (!files.count(path))
      return PackFinding{path, "The package has no " + path + ", a report its records give (it was removed)."};
  for (const auto& [name, e] : files)
    if (name.starts_with("reports/") && !expected.count(name))
      return PackFinding{name, "The file " + name + " is not a report the package's records give (it was added)."};
  auto data = [&](const std::string& path) -> const std::string& { return files.at(path)->data; };
  if (data(std::string(kReportsIndex)) != reports_index(plan))
    return PackFinding{std::string(kReportsIndex),
                       std::string(kReportsIndex) + " is not the index the package's records give (it was changed)."};
  if (auto f = compare_csv(std::string(kRiskRegisterCsv), data(std::string(kRiskRegisterCsv)),
                           risk::risk_register_csv(risks), "records/risk.json", "risk"))
    return f;
  if (plan.soa_version) {
    auto source = "records/soa_versions.json (version " + std::to_string(plan.soa_number) + ")";
    if (auto f = compare_csv(plan.soa_csv_path(), data(plan.soa_csv_path()), soa::soa_csv(soa_items(plan)), source,
                             "control"))
      return f;
  }
  for (const auto& path : paths)
    if (path.ends_with(".pdf") && !data(path).starts_with("%PDF-"))
      return PackFinding{path, path + " is not a PDF."};
  r.reports = static_cast<std::int64_t>(paths.size());
  return std::nullopt;
}

}  // namespace aims::ledger
