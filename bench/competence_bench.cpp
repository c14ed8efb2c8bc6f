// The competence matrix at 2,000 people × 50 competences (SQLite, as the server runs it): the first
// page of 50 people, the page of one AIMS role's holders, a deep page (after 1,900 people) and the
// dashboard card's summary over every member, beside the list of 50 of 1,000 AI systems in the same
// run (BM_CompetenceSystemsList50) for the ratio recorded in docs/benchmarks.md. The people hold 10
// roles (each requiring 8 competences) and 15 competence records each, written in one transaction
// through the record mechanism's save. Figures only.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/people/competence_service.hpp"
#include "domain/people/kinds.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;
namespace json = boost::json;

constexpr int kPeople = 2000, kCompetences = 50, kRoles = 10;

struct MatrixFixture {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  RandomIds ids;
  accounts::Actor actor;
  std::string deep_cursor;

  MatrixFixture() {
    crypto::init();
    dir = std::filesystem::temp_directory_path() / ("aims-bench-matrix-" + crypto::random_base32(8));
    std::filesystem::create_directories(dir);
    store = std::move(*store::open_store((dir / "aims.db").string()));
    accounts::AdminService admin(*store, clock, ids);
    admin.init("Bench Org", "bench@aims.test", "bench-password-123");
    auto token = *admin.create_token("bench@aims.test", "bench");
    accounts::AuthService auth(*store, clock, ids);
    actor = *accounts::AuthService::act_as(*auth.from_api_token(token), std::nullopt);
    std::string csv = "name,purpose\n";
    for (int i = 1; i <= 1000; ++i) csv += "Benchmark system " + std::to_string(i) + ",Scores case " + std::to_string(i) + "\n";
    inventory::SystemService systems(*store, clock, ids);
    if (!systems.import_csv(actor, csv, false)) std::abort();
    if (!load()) std::abort();
  }
  ~MatrixFixture() {
    store.reset();
    std::filesystem::remove_all(dir);
  }

  status put(store::WriteTx& tx, const records::KindSpec& k, std::int64_t n, const json::object& body, const std::string& now) {
    auto doc = body;
    doc["archived"] = false;
    store::RecordRow row{k.kind, actor.org_id, "", k.prefix + std::to_string(n), 1, n, "", now, now, json::serialize(doc)};
    return records::save(tx, k, actor, row, 0, "create", json::array{});
  }

  status load() {
    const auto now = clock.now_text();
    const auto today = date_of(clock.now());
    return store->write([&](store::WriteTx& tx) -> status {
      std::vector<std::string> people;
      for (int i = 0; i < kPeople; ++i) {
        store::User u{"usr_bench_" + std::to_string(10000 + i), "person" + std::to_string(i) + "@bench.test", "Person " + std::to_string(i), "", now, ""};
        if (auto s = tx.insert_user(u); !s) return s;
        if (auto s = tx.insert_membership({actor.org_id, "", u.id, "contributor", now}); !s) return s;
        people.push_back(u.id);
      }
      for (int c = 1; c <= kCompetences; ++c)
        if (auto s = put(tx, people::competence_kind(), c,
                         {{"name", "Competence " + std::to_string(c)}, {"category", "technical"}, {"validity_months", c % 3 ? json::value(24) : json::value(nullptr)}},
                         now);
            !s)
          return s;
      for (int r = 1; r <= kRoles; ++r) {
        json::array req;
        for (int j = 0; j < 8; ++j) req.push_back(json::string("COMP-" + std::to_string(1 + (r * 5 + j) % kCompetences)));
        if (auto s = put(tx, people::aims_role_kind(), r, {{"name", "Role " + std::to_string(r)}, {"competence_ids", req}}, now); !s) return s;
      }
      std::int64_t cr = 0;
      for (int i = 0; i < kPeople; ++i) {
        if (auto s = put(tx, people::role_assignment_kind(), i + 1,
                         {{"person", people[static_cast<std::size_t>(i)]}, {"role_id", "ROLE-" + std::to_string(1 + i % kRoles)}}, now);
            !s)
          return s;
        for (int j = 0; j < 15; ++j) {
          auto achieved = format_date(today - std::chrono::days{(i * 7 + j * 53) % 900});
          json::object rec{{"person", people[static_cast<std::size_t>(i)]},
                           {"competence_id", "COMP-" + std::to_string(1 + (i + j * 3) % kCompetences)},
                           {"acquired_by", "training"},
                           {"achieved_on", achieved}};
          if (auto s = put(tx, people::competence_record_kind(), ++cr, rec, now);
              !s)
            return s;
        }
      }
      std::sort(people.begin(), people.end());
      deep_cursor = records::encode_cursor("person", store::RecordPosition{"", 0, people[1900], ""});
      return ok();
    });
  }
};

MatrixFixture& fixture() {
  static MatrixFixture f;
  return f;
}

void run(benchmark::State& state, records::Params p) {
  auto& f = fixture();
  people::CompetenceService svc(*f.store, f.clock);
  for (auto _ : state) {
    auto r = svc.matrix(f.actor, p);
    if (!r) state.SkipWithError("matrix failed");
    benchmark::DoNotOptimize(r);
  }
}

void BM_CompetenceMatrixFirstPage(benchmark::State& state) { run(state, {}); }
BENCHMARK(BM_CompetenceMatrixFirstPage);

void BM_CompetenceMatrixRole(benchmark::State& state) { run(state, {{"role", "ROLE-3"}}); }
BENCHMARK(BM_CompetenceMatrixRole);

void BM_CompetenceMatrixDeepPage(benchmark::State& state) { run(state, {{"cursor", fixture().deep_cursor}}); }
BENCHMARK(BM_CompetenceMatrixDeepPage);

void BM_CompetenceSummaryAllPeople(benchmark::State& state) {
  auto& f = fixture();
  people::CompetenceService svc(*f.store, f.clock);
  for (auto _ : state) benchmark::DoNotOptimize(svc.summary(f.actor));
}
BENCHMARK(BM_CompetenceSummaryAllPeople)->Unit(benchmark::kMillisecond);

void BM_CompetenceSystemsList50(benchmark::State& state) {
  auto& f = fixture();
  inventory::ListParams p;
  for (auto _ : state) {
    inventory::SystemService systems(*f.store, f.clock, f.ids);  // a fresh, empty page cache
    benchmark::DoNotOptimize(systems.list(f.actor, p));
  }
}
BENCHMARK(BM_CompetenceSystemsList50);

}  // namespace
