// The management review's input pack at scale (issue 14), on SQLite as the server runs it: one
// organization with 1,000 AI systems, 5,000 risks, 2,000 nonconformities (generic records of kind
// `nonconformity` with the fields the contract names, whether or not that kind is built in), 500
// incidents, 300 context issues and 200 actions of an earlier review. Times, through the review
// service the HTTP handlers call, the compilation of the pack (every section, in one read
// transaction) as elapsed p50/p99 and CPU p50 of AIMS_BENCH_REPS calls (default 10) after a
// warm-up, then one real start (compile, freeze as a child record, save the review with the pack's
// hash), and each section's summary. Prints the resident memory before the timed calls and its
// peak during them. Figures only, never asserted. A single-threaded program.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "competence_matrix.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/context/context_issue_kind.hpp"
#include "domain/incidents/incident_kind.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/records/record_service.hpp"
#include "domain/review/review_kinds.hpp"
#include "domain/review/review_service.hpp"
#include "domain/risk/risk_kind.hpp"

namespace {

using namespace aims;
namespace json = boost::json;
using Steady = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what, const std::string& why) {
  std::fprintf(stderr, "review_pack: %s: %s\n", what.c_str(), why.c_str());
  std::exit(1);
}
void must(const status& s, const std::string& what) {
  if (!s) fail(what, s.error().detail);
}
template <class T>
T value_of(result<T> r, const std::string& what) {
  if (!r) fail(what, r.error().detail);
  return std::move(*r);
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/// The peak resident memory (VmHWM) since the start or the last reset_peak_rss(), in kB.
long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace

int main() {
  crypto::init();
  const int reps = env_int("AIMS_BENCH_REPS", 10);
  const int n_systems = 1000, n_risks = env_int("AIMS_BENCH_RISKS", 5000), n_ncs = env_int("AIMS_BENCH_NCS", 2000),
            n_incidents = env_int("AIMS_BENCH_INCIDENTS", 500);
  auto dir = std::filesystem::temp_directory_path() / ("aims-bench-review-" + crypto::random_base32(8));
  std::filesystem::create_directories(dir);
  SystemClock clock;
  RandomIds ids;
  {
    auto opened = store::open_store((dir / "aims.db").string());
    if (!opened) fail("open", opened.error().detail);
    auto& store = **opened;
    accounts::AdminService admin(store, clock, ids);
    if (auto r = admin.init("Bench Org", "bench@aims.test", "bench-password-123"); !r) fail("init", r.error().detail);
    auto token = value_of(admin.create_token("bench@aims.test", "bench"), "token");
    accounts::AuthService auth(store, clock, ids);
    auto actor = value_of(accounts::AuthService::act_as(value_of(auth.from_api_token(token), "token"), std::nullopt), "act as");

    auto start = Steady::now();
    std::string csv = "name,purpose\n";
    for (int i = 1; i <= n_systems; ++i) csv += "Benchmark system " + std::to_string(i) + ",Scores case " + std::to_string(i) + "\n";
    inventory::SystemService systems(store, clock, ids);
    value_of(systems.import_csv(actor, csv, false), "import systems");
    std::vector<std::string> system_ids;
    must(store.read([&](store::ReadTx& tx) -> status {
           store::SystemQuery q;
           q.org_id = actor.org_id;
           q.limit = n_systems;
           for (const auto& s : tx.list_systems(q).items) system_ids.push_back(s.id);
           return ok();
         }),
         "read systems");
    if (system_ids.empty()) fail("systems", "none imported");
    const auto now = clock.now_text();
    const auto today = date_of(clock.now());
    auto day = [&](int offset) { return format_date(today + std::chrono::days{offset}); };
    auto ago = [&](int hours) { return format_time(clock.now() - std::chrono::hours{hours}); };
    const char* risk_status[] = {"open", "treating", "monitoring", "closed"};
    const char* nc_status[] = {"open", "contained", "analysed", "actions_planned", "verifying", "closed"};
    const char* severities[] = {"low", "medium", "high", "critical"};
    const int batch = 1000;
    for (int from = 1; from <= n_risks; from += batch)
      must(store.write([&](store::WriteTx& tx) -> status {
             for (int i = from; i < std::min(n_risks + 1, from + batch); ++i) {
               const auto& sys = system_ids[static_cast<std::size_t>(i) % system_ids.size()];
               json::object doc{{"title", "Risk " + std::to_string(i)}, {"system_id", sys}, {"status", risk_status[i % 4]},
                                {"owner", "Owner " + std::to_string(i % 17)}, {"inherent_likelihood", 1 + i % 5},
                                {"inherent_impact", 1 + (i / 5) % 5}, {"review_date", day(i % 10 == 0 ? -5 : 90)},
                                {"archived", false}};
               store::RecordRow row{risk::risk_kind().kind, actor.org_id, "", "R-" + std::to_string(i), 1, i, sys, now, now,
                                    json::serialize(doc)};
               if (auto s = records::save(tx, risk::risk_kind(), actor, row, 0, "create", json::array{}); !s) return s;
             }
             return ok();
           }),
           "load risks");
    for (int from = 1; from <= n_ncs; from += batch)
      must(store.write([&](store::WriteTx& tx) -> status {
             for (int i = from; i < std::min(n_ncs + 1, from + batch); ++i) {
               json::object doc{{"title", "Nonconformity " + std::to_string(i)}, {"source", "internal_audit"}, {"source_ref", nullptr},
                                {"requirement", "A.6.2.4"}, {"severity", i % 5 == 0 ? "major" : "minor"},
                                {"owner", actor.user_id}, {"status", nc_status[i % 6]}, {"opened_on", day(-(i % 365))},
                                {"due_date", day(i % 3 == 0 ? -10 : 40)}, {"closed_on", nullptr}, {"archived", false}};
               store::RecordRow row{"nonconformity", actor.org_id, "", "NC-" + std::to_string(i), 1, i, "", now, now, json::serialize(doc)};
               if (auto s = tx.put_record(row, 0); !s) return s;
             }
             return ok();
           }),
           "load nonconformities");
    must(store.write([&](store::WriteTx& tx) -> status {
           for (int i = 1; i <= n_incidents; ++i) {
             json::object doc{{"title", "Incident " + std::to_string(i)}, {"system_id", system_ids[static_cast<std::size_t>(i) % system_ids.size()]},
                              {"occurred_at", ago(50 + i)}, {"became_aware_at", ago(48 + i)}, {"description", "What happened."},
                              {"severity", severities[i % 4]}, {"status", i % 3 == 0 ? "closed" : "open"}};
             if (auto s = bench::put_record(tx, incidents::incident_kind(), actor, i, doc, now); !s) return s;
           }
           for (int i = 1; i <= 300; ++i)
             if (auto s = bench::put_record(tx, context::context_issue_kind(), actor, i,
                                            {{"title", "Issue " + std::to_string(i)}, {"origin", "external"}, {"category", "legal"},
                                             {"effect", "risk"}, {"relevance", "medium"}, {"status", "open"}},
                                            now);
                 !s)
               return s;
           if (auto s = bench::put_record(tx, review::management_review_kind(), actor, 1,
                                          {{"title", "Earlier review"}, {"planned_on", day(-200)}}, now);
               !s)
             return s;
           for (int i = 1; i <= 200; ++i)
             if (auto s = bench::put_record(tx, review::review_action_kind(), actor, i,
                                            {{"review_id", "MR-1"}, {"type", "improvement"}, {"title", "Action " + std::to_string(i)},
                                             {"owner", actor.user_id}, {"due_date", day(i % 2 ? -3 : 30)}, {"status", i % 4 ? "open" : "done"}},
                                            now);
                 !s)
               return s;
           return bench::put_record(tx, review::management_review_kind(), actor, 2,
                                    {{"title", "This review"}, {"planned_on", day(0)}}, now);
         }),
         "load incidents, issues and reviews");
    std::printf("loaded %d AI systems, %d risks, %d nonconformities, %d incidents, 300 context issues, 200 review actions in %.1f s; peak RSS %ld kB\n",
                n_systems, n_risks, n_ncs, n_incidents, std::chrono::duration<double>(Steady::now() - start).count(), peak_rss_kb());

    review::ReviewService service(store, clock);
    reset_peak_rss();
    std::printf("resident before the timed calls: %ld kB\n", peak_rss_kb());
    std::size_t bytes = 0;
    json::object last;
    auto compile = [&] {
      must(store.read([&](store::ReadTx& tx) -> status {
             last = service.compile(tx, actor.org_id, "MR-2", std::nullopt, nullptr);
             bytes = json::serialize(last).size();
             return ok();
           }),
           "compile");
    };
    compile();  // warm-up
    std::vector<double> ms, cpu;
    for (int i = 0; i < reps; ++i) {
      auto t0 = Steady::now();
      double c0 = cpu_ms();
      compile();
      cpu.push_back(cpu_ms() - c0);
      ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    auto at = [](const std::vector<double>& v, double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]; };
    std::printf("input pack compiled: p50 %.1f ms, p99 %.1f ms, CPU p50 %.1f ms over %d runs; pack %zu bytes; peak RSS %ld kB\n",
                at(ms, 0.5), at(ms, 0.99), at(cpu, 0.5), reps, bytes, peak_rss_kb());
    for (const auto& v : last.at("sections").as_array()) {
      const auto& sec = v.as_object();
      std::printf("  %-17s %s\n", std::string(sec.at("key").as_string()).c_str(), std::string(sec.at("summary").as_string()).c_str());
    }
    records::RecordService records(store, clock);
    auto review = value_of(records.get(actor, review::management_review_kind(), "MR-2"), "read MR-2");
    auto t0 = Steady::now();
    auto started = value_of(service.start(actor, "MR-2", records::etag(review.version)), "start MR-2");
    std::printf("start (compile, freeze, save with the hash): %.1f ms; version %lld; peak RSS %ld kB\n",
                std::chrono::duration<double, std::milli>(Steady::now() - t0).count(), static_cast<long long>(started.version),
                peak_rss_kb());
  }
  std::filesystem::remove_all(dir);
  return 0;
}
