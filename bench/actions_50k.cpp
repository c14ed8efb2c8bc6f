// The action tracker at scale (docs/actions.md): one organization with N (default 50,000) actions
// — risk treatments created by the risk service, so each is indexed by records::save exactly as the
// API would — and as many AI systems, on SQLite as the server runs it. Times the tracker's first
// page, a filtered page ("mine" and overdue), a deep cursor page (the last 50 in due-date order)
// and the start-up backfill of the whole index, through the service the HTTP handler calls (elapsed
// p50 and p99, CPU p50, of AIMS_BENCH_REPS calls, default 20), each also as a ratio to the systems'
// page of the same name in the same run. Figures only, never asserted. A single-threaded program.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/actions/action_index.hpp"
#include "domain/actions/action_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/risk/risk_service.hpp"
#include "store/actions.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;
namespace json = boost::json;
using Clock_ = std::chrono::steady_clock;

/// Hands the services one open write transaction of the real store while batch() runs.
class BatchStore final : public store::Store {
 public:
  explicit BatchStore(store::Store& real) : real_(real) {}
  status batch(const std::function<status()>& fill) {
    return real_.write([&](store::WriteTx& tx) -> status {
      tx_ = &tx;
      auto s = fill();
      tx_ = nullptr;
      return s;
    });
  }
  status read(const std::function<status(store::ReadTx&)>& fn) override { return tx_ ? fn(*tx_) : real_.read(fn); }
  status write(const std::function<status(store::WriteTx&)>& fn) override { return tx_ ? fn(*tx_) : real_.write(fn); }
  std::string backend() const override { return real_.backend(); }
  bool healthy() override { return real_.healthy(); }

 private:
  store::Store& real_;
  store::WriteTx* tx_ = nullptr;
};

template <class T>
T must(result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "actions_50k: %s: %s\n", what, r.error().detail.c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void must(status s, const char* what) {
  if (!s) {
    std::fprintf(stderr, "actions_50k: %s: %s\n", what, s.error().detail.c_str());
    std::exit(1);
  }
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

void load(BatchStore& store, const char* what, int n, int per_tx, const std::function<status(int)>& one) {
  auto start = Clock_::now();
  for (int from = 0; from < n; from += per_tx)
    must(store.batch([&]() -> status {
      for (int i = from; i < std::min(n, from + per_tx); ++i)
        if (auto s = one(i); !s) return s;
      return ok();
    }),
         what);
  std::printf("loaded %7d %-15s in %6.1f s\n", n, what, std::chrono::duration<double>(Clock_::now() - start).count());
  std::fflush(stdout);
}

/// A cursor of the reverse order turned into one of the forward order (the cursor's "k" names the sort).
std::optional<std::string> flipped(const std::optional<std::string>& cursor, const std::string& forward) {
  std::string raw;
  if (!cursor || !crypto::base64url_decode(*cursor, raw)) return std::nullopt;
  boost::system::error_code ec;
  auto v = json::parse(raw, ec);
  if (ec || !v.is_object() || !v.as_object().contains("k")) return std::nullopt;
  v.as_object()["k"] = forward;
  return crypto::base64url_encode(json::serialize(v));
}

std::optional<std::string> next_of(const std::string& page_json) {
  auto v = json::parse(page_json);
  if (auto p = v.as_object().if_contains("next"); p && p->is_string()) return std::string(p->as_string());
  return std::nullopt;
}

struct Row {
  std::string list, page;
  double p50 = 0, p99 = 0, cpu_p50 = 0;
};

Row time_it(const std::string& list, const std::string& page, int reps, const std::function<std::size_t()>& call) {
  call();
  std::vector<double> ms, cpu;
  for (int i = 0; i < reps; ++i) {
    auto start = Clock_::now();
    double cpu_start = thread_cpu_ms();
    auto bytes = call();
    cpu.push_back(thread_cpu_ms() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - start).count());
    if (bytes < 100) std::fprintf(stderr, "actions_50k: %s %s: an empty page\n", list.c_str(), page.c_str());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  auto at = [](const std::vector<double>& v, double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]; };
  return {list, page, at(ms, 0.5), at(ms, 0.99), at(cpu, 0.5)};
}

}  // namespace

int main() {
  crypto::init();
  const int n = env_int("AIMS_BENCH_ACTIONS", 50000);
  const int reps = env_int("AIMS_BENCH_REPS", 20);
  const int per_tx = 5000;
  auto dir = std::filesystem::temp_directory_path() / ("aims-bench-actions-" + crypto::random_base32(8));
  std::filesystem::create_directories(dir);
  const auto db = dir / "aims.db";
  SystemClock clock;
  RandomIds ids;
  auto real = must(store::open_store(db.string()), "open the store");
  must(records::backfill_facets(*real, kinds::all_kinds()), "backfill");
  BatchStore st(*real);
  accounts::AdminService admin(st, clock, ids);
  must(admin.init("Bench Org", "bench@aims.test", "bench-password-123"), "init");
  auto token = admin.create_token("bench@aims.test", "bench");
  accounts::AuthService auth(st, clock, ids);
  auto actor = must(accounts::AuthService::act_as(must(auth.from_api_token(must(std::move(token), "token")), "auth"), std::nullopt), "act");
  auto cat = catalog::Catalog::load_embedded();
  inventory::SystemService systems(st, clock, ids);
  risk::RiskService risks(st, cat, clock);
  actions::ActionService tracker(st, clock);

  std::printf("== %d actions (risk treatments) and %d AI systems in one organization (SQLite, %d per transaction)\n", n, n, per_tx);
  const char* stages[] = {"inception", "design_and_development", "verification_and_validation", "deployment",
                          "operation_and_monitoring", "re_evaluation", "retirement"};
  load(st, "systems", n, per_tx, [&](int i) -> status {
    auto v = systems.create(actor, json::object{{"name", "Benchmark system " + std::to_string(i)},
                                                {"purpose", "Scores things for benchmark case " + std::to_string(i)},
                                                {"owner", "Owner " + std::to_string(i % 17)},
                                                {"lifecycle_stage", stages[i % 7]},
                                                {"status", "active"}});
    return v ? ok() : status(v.error());
  });
  // Due dates spread over three years around today; one action in ten is the bench user's (half of
  // them in treatment, so "mine and overdue" has matches).
  const char* risk_status[] = {"open", "treating", "monitoring", "closed"};
  load(st, "actions", n, per_tx, [&](int i) -> status {
    int year = 2025 + i % 3, month = 1 + (i / 3) % 12, day = 1 + (i / 36) % 28;
    char due[11];
    std::snprintf(due, sizeof due, "%04d-%02d-%02d", year, month, day);
    json::object body{{"title", "Benchmark risk " + std::to_string(i)},
                      {"inherent_likelihood", 1 + i % 5},
                      {"inherent_impact", 1 + (i / 5) % 5},
                      {"treatment", "modify"},
                      {"treatment_plan", "Reduce it"},
                      {"owner", i % 10 == 1 ? actor.user_id : "Owner " + std::to_string(i % 10)},  // mine: treating or closed
                      {"due_date", due},
                      {"status", risk_status[i % 4]}};
    auto v = risks.create(actor, body);
    return v ? ok() : status(v.error());
  });

  std::vector<Row> rows;
  {
    auto list = [&](inventory::ListParams p) {
      inventory::SystemService fresh(st, clock, ids);
      return must(fresh.list(actor, p), "systems list");
    };
    inventory::ListParams rev;
    rev.sort = "-name";
    auto deep = flipped(list(rev).next, "name");
    rows.push_back(time_it("systems", "first", reps, [&] { return list({}).items_json.size(); }));
    inventory::ListParams f;
    f.lifecycle_stage = "deployment";
    rows.push_back(time_it("systems", "filtered", reps, [&] { return list(f).items_json.size(); }));
    inventory::ListParams d;
    d.cursor = deep;
    rows.push_back(time_it("systems", "deep cursor", reps, [&] { return list(d).items_json.size(); }));
  }
  {
    auto list = [&](const records::Params& p) { return must(tracker.list(actor, p), "actions list"); };
    auto deep = flipped(next_of(list({{"sort", "-due"}})), "due");
    rows.push_back(time_it("actions", "first", reps, [&] { return list({}).size(); }));
    rows.push_back(time_it("actions", "filtered", reps, [&] { return list({{"mine", "true"}, {"overdue", "true"}}).size(); }));
    rows.push_back(time_it("actions", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).size(); }));
  }
  auto sys = [&](const Row& r) -> const Row& {
    for (std::size_t i = 0; i < 3; ++i)
      if (rows[i].page == r.page) return rows[i];
    return rows.front();
  };
  std::printf("\n%-10s %-12s %10s %10s %10s %11s %11s\n", "list", "page", "p50 ms", "p99 ms", "cpu p50 ms", "p99 vs sys", "cpu vs sys");
  for (const auto& r : rows)
    std::printf("%-10s %-12s %10.2f %10.2f %10.2f %10.1fx %10.1fx\n", r.list.c_str(), r.page.c_str(), r.p50, r.p99, r.cpu_p50,
                r.p99 / sys(r).p99, r.cpu_p50 / sys(r).cpu_p50);
  // The start-up backfill of the whole index (what a server does once for records stored before it).
  must(real->write([&](store::WriteTx& tx) -> status {
    auto* idx = store::action_index(tx);
    return idx ? idx->set_actions_backfilled(actor.org_id, "risk", 0) : ok();
  }),
       "forget the backfill");
  auto start = Clock_::now();
  auto indexed = must(actions::backfill_actions(*real), "backfill actions");
  std::printf("\nstart-up backfill of the action index: %lld records in %.1f s\n", static_cast<long long>(indexed),
              std::chrono::duration<double>(Clock_::now() - start).count());
  std::printf("(%d calls each after one warm-up; p50 and p99 elapsed, cpu the calling thread's CPU time; 'vs sys' is the\n"
              " ratio to the systems' page of the same name in this run; database %.0f MiB)\n",
              reps, static_cast<double>(std::filesystem::file_size(db)) / (1 << 20));
  real.reset();
  std::filesystem::remove_all(dir);
  return 0;
}
