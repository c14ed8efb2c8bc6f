// Controlled documents and the competence matrix at scale, on SQLite as the server runs it: one
// organization with 1,000 AI systems, 10,000 documents (AIMS_BENCH_DOCUMENTS), each with a
// published version, half asking the admin's acknowledgement (every 100th its 2,000 contributors'),
// a tenth overdue for review, and the competence matrix's 2,000 people × 50 competences
// (competence_matrix.hpp). Times, through the domain services the HTTP handlers call, the
// documents list (first page, a filtered page, a deep cursor after 9,500), the caller's
// acknowledgements, the dashboard's overdue reviews and missing acknowledgements, and the matrix
// (first page, one role's holders, a deep page after 1,900 people, the dashboard's summary); each
// as elapsed p50/p99 and CPU p50 of AIMS_BENCH_REPS calls (default 20) after a warm-up, and as a
// ratio to the list of 50 of the 1,000 AI systems measured in the same run. Prints the resident
// memory before the timed calls and its peak during them. Figures only, never asserted.
// A single-threaded program.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <functional>

#include "competence_matrix.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/people/competence_service.hpp"
#include "domain/records/record_service.hpp"

namespace {

using namespace aims;
namespace json = boost::json;
using Steady = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what, const std::string& why) {
  std::fprintf(stderr, "documents_10k: %s: %s\n", what.c_str(), why.c_str());
  std::exit(1);
}
void must(const status& s, const std::string& what) {
  if (!s) fail(what, s.error().detail);
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
/// Starts the peak over from the resident memory of now (Linux: clear_refs 5).
void reset_peak_rss() { std::ofstream("/proc/self/clear_refs") << "5"; }

struct Timing {
  std::string what;
  double p50 = 0, p99 = 0, cpu50 = 0;
};

/// Times `call` (which answers its result's size in bytes or its count) `reps` times after one warm-up.
Timing time_it(const std::string& what, int reps, const std::function<std::size_t()>& call) {
  call();
  std::vector<double> ms, cpu;
  for (int i = 0; i < reps; ++i) {
    auto start = Steady::now();
    double c0 = cpu_ms();
    call();
    cpu.push_back(cpu_ms() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  auto at = [](const std::vector<double>& v, double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]; };
  return {what, at(ms, 0.5), at(ms, 0.99), at(cpu, 0.5)};
}

template <class T>
T value_of(result<T> r, const std::string& what) {
  if (!r) fail(what, r.error().detail);
  return std::move(*r);
}

/// 10,000 documents with their published 1.0 and the admin's acknowledgement of every fourth.
void load_documents(store::Store& store, const Clock& clock, const accounts::Actor& actor, int n) {
  const auto now = clock.now_text();
  const auto today = date_of(clock.now());
  const char* types[] = {"policy", "procedure", "standard", "plan", "record", "statement"};
  const std::string content(1500, 'x');
  const auto hash = crypto::sha256_hex(content);
  for (int from = 1; from <= n; from += 2000)
    must(store.write([&](store::WriteTx& tx) -> status {
      for (int i = from; i < std::min(n + 1, from + 2000); ++i) {
        const std::string id = "DOC-" + std::to_string(i);
        auto review = format_date(today + std::chrono::days{i % 10 == 0 ? -(i % 300) - 1 : 30 + i % 300});
        json::object doc{{"title", "Document " + std::to_string(i)}, {"type", types[i % 6]}, {"classification", "internal"},
                         {"owner", actor.user_id}, {"approvers", json::array{}}, {"review_interval_months", 12},
                         {"next_review_date", review}, {"ack_required", i % 2 == 0}, {"audience", json::array{}},
                         {"audience_roles", i % 100 == 0 ? "contributor" : "admin"}};
        if (auto s = bench::put_record(tx, documents::document_kind(), actor, i, doc, now); !s) return s;
        json::object v{{"document_id", id}, {"label", "1.0"}, {"major", 1}, {"minor", 0}, {"status", "published"},
                       {"content", content}, {"content_hash", hash}, {"change_note", ""}, {"author", actor.user_id},
                       {"author_email", actor.email}, {"created_at", now}, {"published_at", now}, {"approval", nullptr}};
        store::RecordRow vrow{documents::version_kind().kind, actor.org_id, id, documents::detail::version_id(id, {1, 0}), 1, 100000,
                              "", now, now, json::serialize(v)};
        if (auto s = records::save(tx, documents::version_kind(), actor, vrow, 0, "create", json::array{}); !s) return s;
        if (i % 4 != 0) continue;
        json::object ack{{"document_id", id}, {"label", "1.0"}, {"major", 1}, {"user_id", actor.user_id},
                         {"email", actor.email}, {"acknowledged_at", now}, {"content_hash", hash}};
        store::RecordRow arow{documents::ack_kind().kind, actor.org_id, id, documents::detail::ack_id(id, 1, actor.user_id), 1, 1,
                              actor.user_id, now, now, json::serialize(ack)};
        if (auto s = records::save(tx, documents::ack_kind(), actor, arow, 0, "acknowledge", json::array{}); !s) return s;
      }
      return ok();
    }),
         "load documents");
}

}  // namespace

int main() {
  crypto::init();
  const int n = env_int("AIMS_BENCH_DOCUMENTS", 10000);
  const int reps = env_int("AIMS_BENCH_REPS", 20);
  auto dir = std::filesystem::temp_directory_path() / ("aims-bench-documents-" + crypto::random_base32(8));
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
    for (int i = 1; i <= 1000; ++i) csv += "Benchmark system " + std::to_string(i) + ",Scores case " + std::to_string(i) + "\n";
    inventory::SystemService systems(store, clock, ids);
    value_of(systems.import_csv(actor, csv, false), "import systems");
    std::vector<std::string> people;
    must(bench::load_matrix(store, clock, actor, people), "load the matrix");
    load_documents(store, clock, actor, n);
    std::printf("loaded 1,000 AI systems, %d people x %d competences, %d documents in %.1f s; peak RSS %ld kB\n",
                bench::kPeople, bench::kCompetences, n, std::chrono::duration<double>(Steady::now() - start).count(),
                peak_rss_kb());

    records::RecordService records(store, clock);
    documents::DocumentService docs(store, clock);
    people::CompetenceService competence(store, clock);
    const auto& kind = documents::document_kind();
    // The cursor after 9,500 documents (pages of 500 from the start).
    std::string deep;
    {
      std::optional<std::string> cursor;
      for (int seen = 0; seen < n - 500;) {
        records::Params p{{"limit", "500"}};
        if (cursor) p.emplace_back("cursor", *cursor);
        auto page = value_of(records.list(actor, kind, p), "page through documents");
        seen += 500;
        if (!page.next) break;
        cursor = page.next;
      }
      if (cursor) deep = *cursor;
    }
    auto list = [&](records::Params p) {
      return [&, p] { return value_of(records.list(actor, kind, p), "list documents").items_json.size(); };
    };
    auto matrix = [&](records::Params p) {
      return [&, p] { return value_of(competence.matrix(actor, p), "matrix").size(); };
    };
    const auto matrix_deep = records::encode_cursor("person", store::RecordPosition{"", 0, people[1899], ""});

    reset_peak_rss();
    std::printf("resident before the timed calls: %ld kB\n", peak_rss_kb());
    std::vector<Timing> rows;
    rows.push_back(time_it("systems list, 50 of 1,000 (baseline)", reps, [&] {
      inventory::SystemService fresh(store, clock, ids);  // a fresh, empty page cache
      return value_of(fresh.list(actor, inventory::ListParams{}), "systems").items_json.size();
    }));
    rows.push_back(time_it("documents: first page (50)", reps, list({})));
    rows.push_back(time_it("documents: type=procedure", reps, list({{"type", "procedure"}})));
    rows.push_back(time_it("documents: deep cursor (9,500)", reps, list({{"cursor", deep}})));
    rows.push_back(time_it("documents: my acknowledgements (page)", reps,
                           [&] { return value_of(docs.my_acknowledgements(actor, {}), "mine").size(); }));
    rows.push_back(time_it("documents: overdue reviews", reps,
                           [&] { return static_cast<std::size_t>(value_of(docs.overdue_reviews(actor), "overdue")); }));
    rows.push_back(time_it("documents: missing acknowledgements", reps,
                           [&] { return static_cast<std::size_t>(value_of(docs.missing_acknowledgements(actor), "missing")); }));
    rows.push_back(time_it("matrix: first page (50 people)", reps, matrix({})));
    rows.push_back(time_it("matrix: role ROLE-3", reps, matrix({{"role", "ROLE-3"}})));
    rows.push_back(time_it("matrix: deep page (after 1,900)", reps, matrix({{"cursor", matrix_deep}})));
    rows.push_back(time_it("matrix: dashboard summary (2,000)", reps,
                           [&] { return value_of(competence.summary(actor), "summary").size(); }));

    std::printf("overdue reviews %lld, missing acknowledgements %lld, my acknowledgements (first page of 50) %zu bytes\n",
                static_cast<long long>(value_of(docs.overdue_reviews(actor), "overdue")),
                static_cast<long long>(value_of(docs.missing_acknowledgements(actor), "missing")),
                value_of(docs.my_acknowledgements(actor, {}), "mine").size());
    std::printf("\n%-38s %9s %9s %11s %12s %11s\n", "call", "p50 ms", "p99 ms", "cpu p50 ms", "cpu vs sys", "p99 vs sys");
    const auto& base = rows.front();
    for (const auto& r : rows)
      std::printf("%-38s %9.2f %9.2f %11.2f %11.1fx %10.1fx\n", r.what.c_str(), r.p50, r.p99, r.cpu50, r.cpu50 / base.cpu50,
                  r.p99 / base.p99);
    std::printf("(%d calls each after one warm-up; 'vs sys' divides by the systems list of the same run)\n", reps);
    std::printf("peak resident during the timed calls: %ld kB\n", peak_rss_kb());
  }
  std::filesystem::remove_all(dir);
  return 0;
}
