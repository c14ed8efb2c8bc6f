// In-process costs behind the busiest API call: authenticating an API token and listing 50 of
// 1,000 AI systems (SQLite, as the server runs it), plus a catalog selection. Figures only.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/inventory/system_service.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  RandomIds ids;
  std::string token;
  accounts::Actor actor;

  Fixture() {
    crypto::init();
    dir = std::filesystem::temp_directory_path() / ("aims-bench-" + crypto::random_base32(8));
    std::filesystem::create_directories(dir);
    store = std::move(*store::open_store((dir / "aims.db").string()));
    accounts::AdminService admin(*store, clock, ids);
    auto org = admin.init("Bench Org", "bench@aims.test", "bench-password-123");
    token = *admin.create_token("bench@aims.test", "bench");
    accounts::AuthService auth(*store, clock, ids);
    actor = *accounts::AuthService::act_as(*auth.from_api_token(token), std::nullopt);
    std::string csv = "name,purpose,owner,lifecycle_stage,tags\n";
    for (int i = 1; i <= 1000; ++i)
      csv += "Benchmark system " + std::to_string(i) + ",Scores and ranks things for case " + std::to_string(i) +
             ",Owner " + std::to_string(i % 17) + ",deployment,bench; group-" + std::to_string(i % 5) + "\n";
    inventory::SystemService systems(*store, clock, ids);
    if (!systems.import_csv(actor, csv, false)) std::abort();
  }
  ~Fixture() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_AuthenticateApiToken(benchmark::State& state) {
  auto& f = fixture();
  accounts::AuthService auth(*f.store, f.clock, f.ids);
  for (auto _ : state) benchmark::DoNotOptimize(auth.from_api_token(f.token));
}
BENCHMARK(BM_AuthenticateApiToken);

void BM_ListSystems50(benchmark::State& state) {
  auto& f = fixture();
  inventory::SystemService systems(*f.store, f.clock, f.ids);
  inventory::ListParams p;
  for (auto _ : state) benchmark::DoNotOptimize(systems.list(f.actor, p));
}
BENCHMARK(BM_ListSystems50);

void BM_ListSystems50Uncached(benchmark::State& state) {
  auto& f = fixture();
  inventory::ListParams p;
  for (auto _ : state) {
    inventory::SystemService systems(*f.store, f.clock, f.ids);  // a fresh, empty page cache
    benchmark::DoNotOptimize(systems.list(f.actor, p));
  }
}
BENCHMARK(BM_ListSystems50Uncached);

void BM_ListSystems50TextSearch(benchmark::State& state) {
  auto& f = fixture();
  inventory::SystemService systems(*f.store, f.clock, f.ids);
  inventory::ListParams p;
  p.q = "group-3";
  for (auto _ : state) {
    inventory::SystemService fresh(*f.store, f.clock, f.ids);  // uncached: the text search itself
    benchmark::DoNotOptimize(fresh.list(f.actor, p));
  }
}
BENCHMARK(BM_ListSystems50TextSearch);

void BM_CatalogControls(benchmark::State& state) {
  static auto cat = catalog::Catalog::load_embedded();
  const auto& fw = *cat.framework("iso42001");
  for (auto _ : state) benchmark::DoNotOptimize(cat.select(fw, {.kind = "control"}));
}
BENCHMARK(BM_CatalogControls);

void BM_CatalogLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(catalog::Catalog::load_embedded());
}
BENCHMARK(BM_CatalogLoad);

}  // namespace
