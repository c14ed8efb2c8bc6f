// List pages at scale: one organization with N (default 100,000) AI systems, risks, objectives,
// evidence records, impact assessments and EU AI Act obligations on SQLite, as the server runs it; the first page, a
// filtered page and a deep cursor page (after about N - 500 records) of each list, timed through
// the domain services the HTTP handlers call (elapsed p50 and p99, and CPU p50, of AIMS_BENCH_REPS
// calls, default 5), each also as a ratio to the systems' page of the same name measured in the same run. Records are created by the
// services themselves, many per database transaction (BatchStore), so they are exactly what the
// API would store. Figures only, never asserted. A single-threaded program. AIMS_BENCH_KEEP=1 keeps
// the database (its path is printed) for looking at query plans; AIMS_BENCH_DB=<path> opens that
// database instead (migrated on open) and skips the load when its organization holds the records.
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
#include "domain/catalog/catalog.hpp"
#include "domain/euact/classification_service.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/evidence/evidence_upload.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;
namespace json = boost::json;
using Clock_ = std::chrono::steady_clock;

/// Hands the services one open write transaction of the real store while batch() runs, so that
/// thousands of service calls commit together; outside batch() it forwards to the real store.
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

/// Blobs are not what lists read: accepted and dropped.
class NullBlobStore final : public evidence::BlobStore {
  struct Writer final : evidence::BlobWriter {
    status write(std::string_view) override { return ok(); }
    status commit(const std::string&, const std::string&, bool& existed) override {
      existed = false;
      return ok();
    }
  };

 public:
  result<std::unique_ptr<evidence::BlobWriter>> create() override { return std::make_unique<Writer>(); }
  result<std::unique_ptr<evidence::BlobReader>> open(const std::string&, const std::string&) override {
    return make_error(errc::not_found, "no blobs in this benchmark");
  }
  bool exists(const std::string&, const std::string&) override { return false; }
  status remove(const std::string&, const std::string&) override { return ok(); }
};

template <class T>
T must(result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "lists_100k: %s: %s\n", what, r.error().detail.c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void must(status s, const char* what) {
  if (!s) {
    std::fprintf(stderr, "lists_100k: %s: %s\n", what, s.error().detail.c_str());
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

/// Creates `n` records with `one(i)`, `per_tx` per transaction; prints how long it took.
void load(BatchStore& store, const char* what, int n, int per_tx, const std::function<status(int)>& one) {
  auto start = Clock_::now();
  double cpu_start = thread_cpu_ms();
  for (int from = 0; from < n; from += per_tx)
    must(store.batch([&]() -> status {
      for (int i = from; i < std::min(n, from + per_tx); ++i)
        if (auto s = one(i); !s) return s;
      return ok();
    }),
         what);
  double s = std::chrono::duration<double>(Clock_::now() - start).count();
  std::printf("loaded %7d %-15s in %6.1f s (CPU %6.1f s)\n", n, what, s, (thread_cpu_ms() - cpu_start) / 1e3);
  std::fflush(stdout);
}

/// The `next` cursor of a list answer given as {"items":…, "next":…} text.
std::optional<std::string> next_of(const std::string& page_json) {
  auto v = json::parse(page_json);
  if (auto p = v.as_object().if_contains("next"); p && p->is_string()) return std::string(p->as_string());
  return std::nullopt;
}

/// A cursor of the reverse order turned into one of the forward order (the cursor's "k" names
/// the sort): the first page of the reverse order ends about 500 records before the forward end.
std::optional<std::string> flipped(const std::optional<std::string>& cursor, const std::string& forward) {
  std::string raw;
  if (!cursor || !crypto::base64url_decode(*cursor, raw)) return std::nullopt;
  boost::system::error_code ec;
  auto v = json::parse(raw, ec);
  if (ec || !v.is_object() || !v.as_object().contains("k")) return std::nullopt;
  v.as_object()["k"] = forward;
  return crypto::base64url_encode(json::serialize(v));
}

/// The ids of the AI systems that impact assessments name, first the first one's: what the
/// filtered impact page needs of a database loaded before (its systems' creation order is not kept).
void systems_of_impact_assessments(store::Store& st, const accounts::Actor& actor, std::vector<std::string>& system_ids) {
  must(st.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery q;
    q.org_id = actor.org_id;
    q.kind = "impact_assessment";
    q.limit = 10;
    q.count = false;
    for (const auto& r : tx.query_records(q).items) system_ids.push_back(r.ref);
    return ok();
  }),
       "read the systems of impact assessments");
  while (!system_ids.empty() && system_ids.size() < 4) system_ids.push_back(system_ids.front());
  if (system_ids.empty()) {
    std::fprintf(stderr, "lists_100k: the database has no impact assessments\n");
    std::exit(1);
  }
}

struct Row {
  std::string list, page;
  double p50 = 0, p99 = 0, cpu_p50 = 0;  // milliseconds: elapsed, and CPU time of this thread
};

/// Times `call` (which answers the bytes of its page) `reps` times after one warm-up call.
Row time_it(const std::string& list, const std::string& page, int reps, const std::function<std::size_t()>& call) {
  call();  // warms SQLite's page cache and the allocator
  std::vector<double> ms, cpu;
  for (int i = 0; i < reps; ++i) {
    auto start = Clock_::now();
    double cpu_start = thread_cpu_ms();
    auto bytes = call();
    cpu.push_back(thread_cpu_ms() - cpu_start);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - start).count());
    if (bytes < 100) std::fprintf(stderr, "lists_100k: %s %s: an empty page\n", list.c_str(), page.c_str());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  auto at = [](const std::vector<double>& v, double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
  };
  return {list, page, at(ms, 0.5), at(ms, 0.99), at(cpu, 0.5)};
}

}  // namespace

int main() {
  crypto::init();
  const int n = env_int("AIMS_BENCH_RECORDS", 100000);
  const int reps = env_int("AIMS_BENCH_REPS", 5);
  const int per_tx = 5000;
  // AIMS_BENCH_DB: an existing database (a copy: the run writes to it, and its migrations run on
  // open); its organization's records are used as they are when it holds n risks already.
  const char* given_db = std::getenv("AIMS_BENCH_DB");
  const bool reuse = given_db && *given_db;
  auto dir = std::filesystem::temp_directory_path() / ("aims-bench-lists-" + crypto::random_base32(8));
  if (!reuse) std::filesystem::create_directories(dir);
  const std::filesystem::path db = reuse ? std::filesystem::path(given_db) : dir / "aims.db";
  SystemClock clock;
  RandomIds ids;
  auto open_start = Clock_::now();
  auto real = must(store::open_store(db.string()), "open the store");
  std::printf("opened %s in %.1f s (migrations included)\n", db.c_str(),
              std::chrono::duration<double>(Clock_::now() - open_start).count());
  // As the server starts: the facets and stored list views of rows written before (or marked by a
  // migration) are derived again.
  auto backfill_start = Clock_::now();
  must(records::backfill_facets(*real, kinds::all_kinds()), "backfill");
  std::printf("start-up backfill of facets and list views: %.1f s\n",
              std::chrono::duration<double>(Clock_::now() - backfill_start).count());
  BatchStore st(*real);
  accounts::AdminService admin(st, clock, ids);
  auto token = admin.create_token("bench@aims.test", "bench");
  if (!token) {
    must(admin.init("Bench Org", "bench@aims.test", "bench-password-123"), "init");
    token = admin.create_token("bench@aims.test", "bench");
  }
  accounts::AuthService auth(st, clock, ids);
  auto actor = must(accounts::AuthService::act_as(must(auth.from_api_token(must(std::move(token), "token")), "auth"), std::nullopt), "act");

  auto cat = catalog::Catalog::load_embedded();
  auto eu = euact::Data::load_embedded();
  euact::Questionnaire questionnaire(eu);
  NullBlobStore blobs;
  inventory::SystemService systems(st, clock, ids);
  risk::RiskService risks(st, cat, clock);
  objectives::ObjectiveService objectives(st, cat, clock, ids);
  euact::ObligationService obligations(st, questionnaire, clock);
  euact::ClassificationService classifications(st, questionnaire, systems, obligations, clock);
  evidence::EvidenceService evidence(st, cat, blobs, clock, ids);
  impact::ImpactService impacts(st, clock, ids);

  const char* stages[] = {"inception", "design_and_development", "verification_and_validation", "deployment",
                          "operation_and_monitoring", "re_evaluation", "retirement"};
  const char* sys_status[] = {"planned", "active", "suspended", "retired"};
  std::vector<std::string> system_ids;
  std::int64_t risks_stored = 0;
  must(st.read([&](store::ReadTx& tx) -> status {
    risks_stored = tx.count_records({actor.org_id, "risk", std::nullopt, std::nullopt, 0, std::nullopt});
    return ok();
  }),
       "count");
  if (risks_stored >= n) {
    std::printf("== the records of %s are used as they are (%lld risks)\n", db.c_str(), static_cast<long long>(risks_stored));
    systems_of_impact_assessments(st, actor, system_ids);
  } else {
  std::printf("== %d records of each kind in one organization (SQLite, %d per transaction)\n", n, per_tx);
  load(st, "systems", n, per_tx, [&](int i) -> status {
    auto v = systems.create(actor, json::object{{"name", "Benchmark system " + std::to_string(i)},
                                                {"purpose", "Scores and ranks things for benchmark case " + std::to_string(i)},
                                                {"owner", "Owner " + std::to_string(i % 17)},
                                                {"lifecycle_stage", stages[i % 7]},
                                                {"status", sys_status[i % 4]}});
    if (!v) return v.error();
    if (system_ids.size() < 10000) system_ids.push_back(v->id);
    return ok();
  });
  const char* risk_status[] = {"open", "treating", "monitoring", "closed"};
  load(st, "risks", n, per_tx, [&](int i) -> status {
    json::object body{{"title", "Benchmark risk " + std::to_string(i)},
                      {"description", "What could go wrong in benchmark case " + std::to_string(i)},
                      {"risk_sources", json::array{"C.3.1"}},
                      {"inherent_likelihood", 1 + i % 5},
                      {"inherent_impact", 1 + (i / 5) % 5},
                      {"treatment", "modify"},
                      {"treatment_plan", "Reduce it"},
                      {"owner", "Owner " + std::to_string(i % 10)},
                      {"status", risk_status[i % 4]}};
    if (i % 2) body["system_id"] = system_ids[static_cast<std::size_t>(i) % system_ids.size()];
    auto v = risks.create(actor, body);
    return v ? ok() : status(v.error());
  });
  load(st, "objectives", n, per_tx, [&](int i) -> status {
    auto v = objectives.create(actor, json::object{{"title", "Benchmark objective " + std::to_string(i)},
                                                   {"annex_c_objective", "C.2." + std::to_string(1 + i % 11)},
                                                   {"measure", "A share"},
                                                   {"direction", "higher_is_better"},
                                                   {"target_value", 90},
                                                   {"frequency", "monthly"},
                                                   {"owner", "Owner " + std::to_string(i % 10)},
                                                   {"start_date", "2026-01-01"},
                                                   {"due_date", "2027-12-31"}});
    return v ? ok() : status(v.error());
  });
  const char* classes[] = {"public", "internal", "confidential", "restricted"};
  load(st, "evidence", n, per_tx, [&](int i) -> status {
    evidence::UploadParams p;
    p.filename = "evidence-" + std::to_string(i) + ".txt";
    p.title = "Benchmark evidence " + std::to_string(i);
    p.owner = "Owner " + std::to_string(i % 10);
    p.classification = classes[i % 4];
    auto up = evidence.begin_upload(actor, p);
    if (!up) return up.error();
    if (auto s = (*up)->write("Benchmark evidence file " + std::to_string(i) + "\n"); !s) return s;
    auto done = (*up)->finish();
    return done ? ok() : status(done.error());
  });
  load(st, "impact", n, per_tx, [&](int i) -> status {
    auto v = impacts.create(actor, json::object{{"system_id", system_ids[static_cast<std::size_t>(i) % system_ids.size()]},
                                                {"scope", "Benchmark impact assessment " + std::to_string(i)}});
    return v ? ok() : status(v.error());
  });
  // A high-risk provider and deployer: each classification brings its obligations.
  json::object answers{{"roles", json::array{"provider", "deployer"}}, {"annex3-areas", json::array{"5"}},
                       {"annex3-5-b", true}, {"art6-3-profiling", true}};
  for (bool added = true; added;) {
    added = false;
    for (const auto* q : questionnaire.asked(answers))
      if (!answers.contains(q->id)) {
        answers[q->id] = q->type == euact::QuestionType::multi_choice ? json::value(json::array()) : json::value(false);
        added = true;
        break;
      }
  }
  must(classifications.put(actor, system_ids[0], json::object{{"answers", answers}}, std::nullopt), "classify");
  std::int64_t per_system = 0;
  must(st.read([&](store::ReadTx& tx) -> status {
    per_system = tx.count_records({actor.org_id, "obligation", std::nullopt, std::nullopt, 0, std::nullopt});
    return ok();
  }),
       "count");
  int systems_needed = static_cast<int>((n + per_system - 1) / per_system);
  load(st, "classifications", systems_needed - 1, per_tx / static_cast<int>(per_system), [&](int i) -> status {
    auto v = classifications.put(actor, system_ids[static_cast<std::size_t>(i) + 1], json::object{{"answers", answers}}, std::nullopt);
    return v ? ok() : status(v.error());
  });
  std::printf("(%lld obligations per classified system, %d systems classified: %lld obligation records)\n",
              static_cast<long long>(per_system), systems_needed, static_cast<long long>(per_system * systems_needed));
  }

  std::vector<Row> rows;
  // Each kind below: first page (default sort, 50), a filtered page, and a page after a deep cursor.
  {
    auto list = [&](inventory::ListParams p) {
      inventory::SystemService fresh(st, clock, ids);  // a new, empty page cache: the list itself
      return must(fresh.list(actor, p), "systems list");
    };
    inventory::ListParams rev;
    rev.sort = "-name";
    rev.limit = "500";
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
    auto list = [&](const records::Params& p) { return must(risks.list(actor, p), "risks list"); };
    auto deep = flipped(list({{"sort", "-number"}, {"limit", "500"}}).next, "number");
    rows.push_back(time_it("risks", "first", reps, [&] { return list({}).items_json.size(); }));
    rows.push_back(time_it("risks", "filtered", reps, [&] { return list({{"owner", "Owner 3"}}).items_json.size(); }));
    rows.push_back(time_it("risks", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).items_json.size(); }));
  }
  {
    auto list = [&](const records::Params& p) { return must(objectives.list(actor, p), "objectives list"); };
    auto deep = flipped(next_of(list({{"sort", "-key"}, {"limit", "500"}})), "key");
    rows.push_back(time_it("objectives", "first", reps, [&] { return list({}).size(); }));
    rows.push_back(time_it("objectives", "filtered", reps, [&] { return list({{"owner", "Owner 3"}}).size(); }));
    rows.push_back(time_it("objectives", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).size(); }));
  }
  {
    auto list = [&](const records::Params& p) { return must(evidence.list(actor, p), "evidence list"); };
    auto deep = flipped(list({{"sort", "uploaded_at"}, {"limit", "500"}}).next, "-uploaded_at");
    rows.push_back(time_it("evidence", "first", reps, [&] { return list({}).items_json.size(); }));
    rows.push_back(time_it("evidence", "filtered", reps, [&] { return list({{"classification", "restricted"}}).items_json.size(); }));
    rows.push_back(time_it("evidence", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).items_json.size(); }));
  }
  {
    auto list = [&](const records::Params& p) { return must(impacts.list(actor, p), "impact list"); };
    auto deep = flipped(next_of(list({{"sort", "updated_at"}, {"limit", "500"}})), "-updated_at");
    rows.push_back(time_it("impact", "first", reps, [&] { return list({}).size(); }));
    rows.push_back(time_it("impact", "filtered", reps, [&] { return list({{"system_id", system_ids[3]}}).size(); }));
    rows.push_back(time_it("impact", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).size(); }));
  }
  {
    auto list = [&](const records::Params& p) { return must(obligations.list(actor, p), "obligations list"); };
    auto deep = flipped(next_of(list({{"sort", "-applies_from"}, {"limit", "500"}})), "applies_from");
    rows.push_back(time_it("obligations", "first", reps, [&] { return list({}).size(); }));
    rows.push_back(time_it("obligations", "filtered", reps, [&] { return list({{"article", "art26"}}).size(); }));
    rows.push_back(time_it("obligations", "deep cursor", reps, [&] { return list({{"cursor", deep.value_or("")}}).size(); }));
  }

  // The systems' page of the same name (rows 0-2: first, filtered, deep cursor) is each page's measure.
  auto sys = [&](const Row& r) -> const Row& {
    for (std::size_t i = 0; i < 3; ++i)
      if (rows[i].page == r.page) return rows[i];
    return rows.front();
  };
  std::printf("\n%-12s %-12s %10s %10s %10s %11s %11s\n", "list", "page", "p50 ms", "p99 ms", "cpu p50 ms", "p99 vs sys",
              "cpu vs sys");
  for (const auto& r : rows)
    std::printf("%-12s %-12s %10.2f %10.2f %10.2f %10.1fx %10.1fx\n", r.list.c_str(), r.page.c_str(), r.p50, r.p99,
                r.cpu_p50, r.p99 / sys(r).p99, r.cpu_p50 / sys(r).cpu_p50);
  std::printf("(%d calls each after one warm-up; below 100 calls p99 is the slowest. p50 and p99 are elapsed time,\n"
              " cpu the CPU time of the calling thread, which a busy machine disturbs less; 'vs sys' is the ratio\n"
              " to the systems' page of the same name (first, filtered, deep cursor), without its page cache, in\n"
              " this run; database %.0f MiB)\n",
              reps, static_cast<double>(std::filesystem::file_size(db)) / (1 << 20));
  real.reset();
  if (reuse) return 0;
  if (env_int("AIMS_BENCH_KEEP", 0)) std::printf("database kept: %s\n", (dir / "aims.db").c_str());
  else std::filesystem::remove_all(dir);
  return 0;
}
