// Audit log figures (SPEC §9, §12): durable append throughput under concurrent writers (each write
// a committed, fsynced transaction that logs one record change), against the same writes without
// the log; and, on a log of 1,000,000 entries, proof generation latency and the time to export and
// to verify the whole log offline. SQLite always; PostgreSQL too when AIMS_BENCH_PG_DSN is set.
// Figures only.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/ledger/audited_store.hpp"
#include "domain/ledger/log_tree.hpp"
#include "domain/ledger/verifier.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;

constexpr std::int64_t kBig = 1'000'000;
const std::string kOrg = "org_bench_audit";

/// A store (SQLite in a temporary directory, or a fresh PostgreSQL schema) with one organization.
struct Env {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> raw;
  SystemClock clock;
  std::unique_ptr<ledger::AuditedStore> audited;
  std::atomic<std::int64_t> next{0};

  explicit Env(bool postgres) {
    crypto::init();
    std::string location;
    if (postgres) {
      std::string dsn = std::getenv("AIMS_BENCH_PG_DSN");
      location = dsn + (dsn.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3Daims_bench_" +
                 crypto::random_base32(8);
    } else {
      dir = std::filesystem::temp_directory_path() / ("aims-bench-audit-" + crypto::random_base32(8));
      std::filesystem::create_directories(dir);
      location = (dir / "aims.db").string();
    }
    raw = std::move(store::open_store(location).value());
    audited = std::make_unique<ledger::AuditedStore>(*raw, clock);
    (void)audited->write([&](store::WriteTx& tx) {
      return tx.insert_org(store::Organization{kOrg, "Bench audit", clock.now_text()});
    });
  }
  ~Env() {
    audited.reset();
    raw.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }

  store::RecordRow record() {
    auto now = clock.now_text();
    auto n = next++;
    return store::RecordRow{"bench_record", kOrg, "", "rec_" + std::to_string(n), 1, 0, "",
                            now, now, "{\"title\":\"Benchmark record " + std::to_string(n) + "\",\"score\":12}"};
  }
};

Env* g_env = nullptr;
void SetupSqlite(const benchmark::State&) { g_env = new Env(false); }
void SetupPostgres(const benchmark::State&) { g_env = new Env(true); }
void Teardown(const benchmark::State&) {
  delete g_env;
  g_env = nullptr;
}

/// One record change per committed write, through the audit log (one entry each). A write the
/// store gives up on after its retries (PostgreSQL under heavy contention) is counted, not failed.
void BM_AuditedWrite(benchmark::State& state) {
  std::int64_t done = 0, busy = 0;
  for (auto _ : state) {
    auto r = g_env->record();
    auto s = g_env->audited->write([&](store::WriteTx& tx) { return tx.put_record(r, 0); });
    if (s) ++done;
    else if (s.error().code == errc::unavailable) ++busy;
    else state.SkipWithError(s.error().detail.c_str());
  }
  state.SetItemsProcessed(done);
  state.counters["gave_up"] = static_cast<double>(busy);  // summed over threads
}
BENCHMARK(BM_AuditedWrite)->Setup(SetupSqlite)->Teardown(Teardown)->Threads(1)->Threads(4)->Threads(8)->UseRealTime();

/// The same writes without the audit log: the cost of logging.
void BM_PlainWrite(benchmark::State& state) {
  for (auto _ : state) {
    auto r = g_env->record();
    if (auto s = g_env->raw->write([&](store::WriteTx& tx) { return tx.put_record(r, 0); }); !s)
      state.SkipWithError(s.error().detail.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PlainWrite)->Setup(SetupSqlite)->Teardown(Teardown)->Threads(1)->Threads(8)->UseRealTime();

void BM_AuditedWritePostgres(benchmark::State& state) {
  if (!std::getenv("AIMS_BENCH_PG_DSN")) {
    state.SkipWithError("AIMS_BENCH_PG_DSN is not set");
    return;
  }
  BM_AuditedWrite(state);
}
void SetupMaybePostgres(const benchmark::State& s) {
  if (std::getenv("AIMS_BENCH_PG_DSN")) SetupPostgres(s);
}
BENCHMARK(BM_AuditedWritePostgres)->Setup(SetupMaybePostgres)->Teardown(Teardown)->Threads(1)->Threads(4)->Threads(8)->UseRealTime();

// ---- a log of 1,000,000 entries ---------------------------------------------------------------

struct BigLog {
  Env env{false};
  ledger::LogSigner signer{note::SigningKey::generate(), "aims.invalid"};
  ledger::AuditService service{*env.audited, signer, env.clock};
  accounts::Actor actor{"usr_bench", "bench@aims.test", kOrg, "Bench audit", accounts::Role::admin};
  double build_seconds = 0;

  BigLog() {
    auto start = std::chrono::steady_clock::now();
    // Appended in large transactions straight into the log (what a long busy life would leave).
    for (std::int64_t done = 1; done < kBig;) {  // entry 0 is the organization's own
      (void)env.raw->write([&](store::WriteTx& tx) -> status {
        for (int i = 0; i < 20'000 && done < kBig; ++i, ++done) {
          ledger::Entry e{done % 7 ? "alice@acme.example" : "system", env.clock.now_text(),
                          merkle::to_hex(merkle::sha256(std::to_string(done))), done % 3 ? "update" : "create",
                          kOrg, "sys_" + std::to_string(done % 5000), "system", 0};
          if (auto s = ledger::append_entry(tx, std::move(e)); !s) return s.error();
        }
        return ok();
      });
    }
    build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

BigLog& big() {
  static BigLog b;
  return b;
}

void BM_BuildLog1M(benchmark::State& state) {
  for (auto _ : state) state.SetIterationTime(big().build_seconds);
  state.counters["entries_per_s"] = static_cast<double>(kBig) / big().build_seconds;
}
BENCHMARK(BM_BuildLog1M)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_InclusionProof1M(benchmark::State& state) {
  auto& b = big();
  std::mt19937_64 rng(42);
  auto size = std::to_string(kBig);
  for (auto _ : state) {
    auto r = b.service.inclusion(b.actor, std::to_string(rng() % kBig), size);
    if (!r) state.SkipWithError(r.error().detail.c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_InclusionProof1M)->Unit(benchmark::kMicrosecond);

void BM_ConsistencyProof1M(benchmark::State& state) {
  auto& b = big();
  std::mt19937_64 rng(7);
  auto to = std::to_string(kBig);
  for (auto _ : state) {
    auto r = b.service.consistency(b.actor, std::to_string(1 + rng() % (kBig - 1)), to);
    if (!r) state.SkipWithError(r.error().detail.c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ConsistencyProof1M)->Unit(benchmark::kMicrosecond);

/// GET /audit/checkpoint on a log of 1,000,000 entries (signed once, then read).
void BM_Checkpoint1M(benchmark::State& state) {
  auto& b = big();
  for (auto _ : state) benchmark::DoNotOptimize(b.service.checkpoint(b.actor));
}
BENCHMARK(BM_Checkpoint1M)->Unit(benchmark::kMicrosecond);

std::string& export_body() {
  static std::string body;
  return body;
}

void BM_Export1M(benchmark::State& state) {
  auto& b = big();
  for (auto _ : state) {
    auto f = b.service.export_log(b.actor);
    if (!f) state.SkipWithError(f.error().detail.c_str());
    else export_body() = std::move(f->body);
  }
  state.counters["MiB"] = static_cast<double>(export_body().size()) / (1 << 20);
}
BENCHMARK(BM_Export1M)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

/// aims audit verify on the export of 1,000,000 entries: every entry parsed and checked, every
/// hash recomputed, every checkpoint in the file verified.
void BM_VerifyExport1M(benchmark::State& state) {
  auto& b = big();
  if (export_body().empty()) export_body() = b.service.export_log(b.actor)->body;
  for (auto _ : state) {
    std::istringstream in(export_body());
    auto r = ledger::verify_export(in, ledger::VerifyOptions{b.signer.verifier(kOrg), std::nullopt, std::nullopt});
    if (!r.ok) state.SkipWithError(r.summary.c_str());
    state.counters["entries"] = static_cast<double>(r.entries);
  }
}
BENCHMARK(BM_VerifyExport1M)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
