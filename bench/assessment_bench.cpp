// Gap assessment figures: results and roadmap for a complete 70-item assessment (pure
// computation, and through the service with the store), the report as PDF, and the SoA as XLSX.
// Figures only.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/assessment/roadmap.hpp"
#include "domain/assessment/scoring.hpp"
#include "domain/soa/soa_service.hpp"
#include "report/assessment_pdf.hpp"
#include "report/assessment_report.hpp"
#include "report/soa_xlsx.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;
namespace json = boost::json;

const catalog::Catalog& cat() {
  static catalog::Catalog c = catalog::Catalog::load_embedded();
  return c;
}

std::map<std::string, assessment::Score> answers70() {
  std::map<std::string, assessment::Score> a;
  int i = 0;
  for (const auto& si : assessment::scope(cat(), "both")) a[si.item->id] = {i++ % 5, false};
  return a;
}

void BM_Results70(benchmark::State& state) {
  auto items = assessment::scope(cat(), "both");
  auto a = answers70();
  for (auto _ : state) benchmark::DoNotOptimize(json::serialize(assessment::results(cat(), items, a, 3, "asm")));
}
BENCHMARK(BM_Results70);

void BM_Roadmap70(benchmark::State& state) {
  auto items = assessment::scope(cat(), "both");
  auto g = assessment::gaps(items, {}, 3);  // nothing answered: 70 actions
  auto start = *parse_date("2027-01-04");
  for (auto _ : state) benchmark::DoNotOptimize(assessment::plan(cat(), g, start, 2, {}, "Lead"));
}
BENCHMARK(BM_Roadmap70);

struct Org {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  RandomIds ids;
  accounts::Actor actor;
  std::string assessment_id;
  Org() {
    crypto::init();
    dir = std::filesystem::temp_directory_path() / ("aims-bench-asm-" + crypto::random_base32(8));
    std::filesystem::create_directories(dir);
    store = std::move(*store::open_store((dir / "aims.db").string()));
    accounts::AdminService admin(*store, clock, ids);
    (void)admin.init("Bench Org", "bench@aims.test", "bench-password-123");
    auto token = *admin.create_token("bench@aims.test", "bench");
    accounts::AuthService auth(*store, clock, ids);
    actor = *accounts::AuthService::act_as(*auth.from_api_token(token), std::nullopt);
    assessment::AssessmentService svc(*store, cat(), clock, ids);
    auto created = svc.create(actor, json::object{{"name", "Bench"}});
    assessment_id = std::string(json::parse(created->json).at("id").as_string());
    int i = 0;
    for (const auto& si : assessment::scope(cat(), "both"))
      (void)svc.put_answer(actor, assessment_id, si.item->id, json::object{{"maturity", i++ % 5}}, std::nullopt);
  }
  ~Org() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Org& org() {
  static Org o;
  return o;
}

void BM_ResultsService70(benchmark::State& state) {
  auto& o = org();
  assessment::AssessmentService svc(*o.store, cat(), o.clock, o.ids);
  for (auto _ : state) benchmark::DoNotOptimize(svc.results(o.actor, o.assessment_id));
}
BENCHMARK(BM_ResultsService70);

void BM_RoadmapService70(benchmark::State& state) {
  auto& o = org();
  assessment::AssessmentService svc(*o.store, cat(), o.clock, o.ids);
  for (auto _ : state)
    benchmark::DoNotOptimize(svc.generate_roadmap(o.actor, o.assessment_id, json::object{{"capacity", 2}}));
}
BENCHMARK(BM_RoadmapService70);

void BM_SoaXlsx(benchmark::State& state) {
  auto& o = org();
  soa::SoaService svc(*o.store, cat(), o.clock);
  auto data = json::parse(svc.export_file(o.actor, std::string("json"), std::nullopt)->body).as_object();
  for (auto _ : state) benchmark::DoNotOptimize(report::soa_xlsx(data, "Bench Org"));
}
BENCHMARK(BM_SoaXlsx);

/// The report PDF for the complete 70-item assessment: the model from the service's documents
/// (read once), then layout and PDF writing with cairo + pango on every iteration.
void BM_AssessmentPdf(benchmark::State& state) {
  auto& o = org();
  assessment::AssessmentService svc(*o.store, cat(), o.clock, o.ids);
  auto obj = [](const std::string& s) { return json::parse(s).as_object(); };
  auto a = obj(svc.get(o.actor, o.assessment_id)->json), ans = obj(*svc.answers(o.actor, o.assessment_id)),
       res = obj(*svc.results(o.actor, o.assessment_id)), rm = obj(*svc.roadmap(o.actor, o.assessment_id));
  auto model = report::assessment_report({"Bench Org", o.clock.now_text(), a, ans, res, rm});
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = report::assessment_report_pdf(model);
    bytes = pdf->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_AssessmentPdf)->Unit(benchmark::kMillisecond);

}  // namespace
