// The action index's SQL at scale (docs/actions.md, docs/storage.md "The action index"): one
// organization with N (default 50,000) indexed actions and as many AI systems on SQLite, the store
// alone (no services, so it links only the store): the tracker's first page, a filtered page ("mine"
// and overdue), a deep cursor page (the last 50 in due-date order) with their counts, and the same
// pages of the systems list in the same run for the ratio. Elapsed p50/p99 of AIMS_BENCH_REPS calls
// (default 50). Figures only, never asserted. bench/actions_50k.cpp measures the same pages through
// the service the HTTP handler calls. A single-threaded program.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "store/actions.hpp"
#include "store/store.hpp"

namespace {

using namespace aims;
using Clock_ = std::chrono::steady_clock;

void must(status s, const char* what) {
  if (!s) {
    std::fprintf(stderr, "actions_store_50k: %s: %s\n", what, s.error().detail.c_str());
    std::exit(1);
  }
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

struct Row {
  std::string list, page;
  double p50 = 0, p99 = 0;
};

Row time_it(const std::string& list, const std::string& page, int reps, const std::function<std::size_t()>& call) {
  call();
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    auto start = Clock_::now();
    if (call() == 0) std::fprintf(stderr, "actions_store_50k: %s %s: an empty page\n", list.c_str(), page.c_str());
    ms.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  return {list, page, at(0.5), at(0.99)};
}

}  // namespace

int main() {
  crypto::init();
  const int n = env_int("AIMS_BENCH_ACTIONS", 50000);
  const int reps = env_int("AIMS_BENCH_REPS", 50);
  auto dir = std::filesystem::temp_directory_path() / ("aims-bench-actions-store-" + crypto::random_base32(8));
  std::filesystem::create_directories(dir);
  auto opened = store::open_store((dir / "aims.db").string());
  if (!opened) {
    std::fprintf(stderr, "actions_store_50k: open: %s\n", opened.error().detail.c_str());
    return 1;
  }
  auto& st = **opened;
  const std::string org = "org_bench", me = "usr_me";
  must(st.write([&](store::WriteTx& tx) { return tx.insert_org(store::Organization{org, "Bench", "2026-01-01T00:00:00.000Z"}); }),
       "org");
  const char* statuses[] = {"open", "in_progress", "done", "cancelled"};
  auto start = Clock_::now();
  for (int from = 0; from < n; from += 5000)
    must(st.write([&](store::WriteTx& tx) -> status {
      auto* idx = store::action_index(tx);
      if (!idx) return make_error(errc::internal, "no action index");
      for (int i = from; i < std::min(n, from + 5000); ++i) {
        store::ActionRow a;
        a.org_id = org;
        a.kind = i % 3 == 0 ? "risk" : i % 3 == 1 ? "corrective_action" : "roadmap_action";
        a.parent_id = a.kind == "roadmap_action" ? "asm_1" : "";
        a.record_id = "X-" + std::to_string(i);
        a.sub_id = a.kind == "risk" ? "treatment" : "";
        a.title = "Benchmark action " + std::to_string(i);
        a.owner = i % 10 == 1 ? me : "usr_" + std::to_string(i % 10);  // mine: in progress or cancelled
        if (i % 20 != 0) {
          char due[11];
          std::snprintf(due, sizeof due, "%04d-%02d-%02d", 2025 + i % 3, 1 + (i / 3) % 12, 1 + (i / 36) % 28);
          a.due = due;
        }
        a.status = statuses[i % 4];
        a.search = "benchmark action " + std::to_string(i) + " " + a.record_id;
        a.source_version = 1;
        a.updated_at = "2026-05-01T08:00:00.000Z";
        a.doc = "{\"link\":\"/x/" + a.record_id + "\",\"api\":\"/api/v1/x/" + a.record_id + "\"}";
        a.rev = 1;
        if (auto s = idx->replace_actions(org, a.kind, a.parent_id, a.record_id, {a}); !s) return s;
        store::SystemRow s;
        s.id = "sys_" + std::to_string(i);
        s.org_id = org;
        s.version = 1;
        s.name_key = "benchmark system " + std::to_string(i);
        s.owner_key = "owner";
        s.status = "active";
        s.lifecycle_stage = i % 7 == 3 ? "deployment" : "design";
        s.stage_rank = "2";
        s.eu_ai_act_class = "minimal";
        s.class_rank = "1";
        s.organization_role = "deployer";
        s.search_text = s.name_key;
        s.created_at = s.updated_at = "2026-01-01T00:00:00.000Z";
        s.doc = "{\"id\":\"" + s.id + "\",\"name\":\"" + s.name_key + "\",\"purpose\":\"Scores things for a benchmark\"}";
        if (auto r = tx.insert_system(s); !r) return r;
      }
      return ok();
    }),
         "load");
  std::printf("loaded %d actions and %d AI systems in %.1f s (SQLite)\n", n, n,
              std::chrono::duration<double>(Clock_::now() - start).count());

  auto actions = [&](store::ActionQuery q) {
    q.org_id = org;
    store::ActionPage p;
    must(st.read([&](store::ReadTx& tx) {
      p = store::query_actions(tx, q);
      return ok();
    }),
         "query actions");
    return p;
  };
  auto systems = [&](store::SystemQuery q) {
    q.org_id = org;
    store::SystemPage p;
    must(st.read([&](store::ReadTx& tx) {
      p = tx.list_systems(q);
      return ok();
    }),
         "list systems");
    return p;
  };
  std::vector<Row> rows;
  {
    store::SystemQuery rev;
    rev.descending = true;
    auto last = systems(rev).items.back();
    rows.push_back(time_it("systems", "first", reps, [&] { return systems({}).items.size(); }));
    store::SystemQuery f;
    f.lifecycle_stage = "deployment";
    rows.push_back(time_it("systems", "filtered", reps, [&] { return systems(f).items.size(); }));
    store::SystemQuery d;
    d.after = store::SystemCursor{last.name_key, last.id};
    rows.push_back(time_it("systems", "deep cursor", reps, [&] { return systems(d).items.size() + 1; }));
  }
  {
    store::ActionQuery rev;
    rev.descending = true;
    auto last = actions(rev).items.back();
    rows.push_back(time_it("actions", "first", reps, [&] { return actions({}).items.size(); }));
    store::ActionQuery f;
    f.owners = {me, "me@bench.test"};
    f.overdue_on = "2026-06-01";
    rows.push_back(time_it("actions", "filtered", reps, [&] { return actions(f).items.size(); }));
    store::ActionQuery d;
    d.after = store::ActionPosition{store::action_sort_value(last, store::ActionSort::due), store::action_key(last)};
    rows.push_back(time_it("actions", "deep cursor", reps, [&] { return actions(d).items.size() + 1; }));
    std::printf("(filtered: mine and overdue, %lld of %d match)\n", static_cast<long long>(actions(f).total), n);
  }
  std::printf("\n%-10s %-12s %10s %10s %11s\n", "list", "page", "p50 ms", "p99 ms", "p99 vs sys");
  for (std::size_t i = 0; i < rows.size(); ++i)
    std::printf("%-10s %-12s %10.2f %10.2f %10.1fx\n", rows[i].list.c_str(), rows[i].page.c_str(), rows[i].p50, rows[i].p99,
                rows[i].p99 / rows[i % 3].p99);
  std::printf("(%d calls each after one warm-up; every page counts its total; 'vs sys' is the ratio to the systems' page\n"
              " of the same name in this run)\n", reps);
  opened->reset();
  if (env_int("AIMS_BENCH_KEEP", 0)) std::printf("database kept: %s\n", (dir / "aims.db").c_str());
  else std::filesystem::remove_all(dir);
  return 0;
}
