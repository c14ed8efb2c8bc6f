// query_records: generic records filtered on their facets (IN, below, text, ref, parent), sorted
// on a text slot (bytewise), the numeric slot (numerically) or a column, in both directions with
// ties by id, keyset pages that cover every row exactly once, totals, facets written by put_record
// and set_record_facets, isolation by organization and kind, and the same rows in the same order
// whether a filter matches few rows (found by its index and sorted) or many (the order's index
// walked; more than 1,000 matches).
#include <cstdio>
#include <set>

#include "fixture.hpp"
#include "record_rows.hpp"

namespace aims::store::conformance {
namespace {

using Ids = std::vector<std::string>;

RecordRow fac(const std::string& org_id, const std::string& id, const std::string& t0, std::int64_t number,
              const std::string& search = "", const std::string& parent_id = "") {
  RecordRow r = rec(org_id, "thing", parent_id, id);
  r.doc = "{}";
  r.facets.text[0] = t0;
  r.facets.text[3] = "s-" + id;
  r.facets.number = number;
  r.facets.search = search;
  r.facets.rev = 2;
  return r;
}

class RecordQueries : public SeededStoreTest {
 protected:
  RecordPage query(const RecordQuery& q) {
    RecordPage out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = tx.query_records(q);
      return ok();
    }));
    return out;
  }
  static RecordQuery base(FacetSlot sort = FacetSlot::text0, bool descending = false, int limit = 0) {
    RecordQuery q;
    q.org_id = "org-a";
    q.kind = "thing";
    q.sort = sort;
    q.descending = descending;
    q.limit = limit;
    return q;
  }
  Ids ids(const RecordQuery& q) {
    Ids out;
    for (const auto& r : query(q).items) out.push_back(r.id);
    return out;
  }
  /// Every id of the query's order, page by page of `limit`, following the keyset cursor.
  Ids paged(RecordQuery q, int limit) {
    Ids out;
    q.limit = limit;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = query(q);
      for (const auto& r : page.items) out.push_back(r.id);
      if (!page.more) break;
      const auto& last = page.items.back();
      RecordPosition p{last.facets.text[0], last.facets.number, last.id, last.parent_id};
      if (q.sort == FacetSlot::text3) p.text = last.facets.text[3];
      if (q.sort == FacetSlot::updated_at) p.text = last.updated_at;
      if (q.sort == FacetSlot::position) p.number = last.position;
      q.after = p;
    }
    return out;
  }
};

TEST_F(RecordQueries, PutRecordWritesTheFacetsAndReadsReturnThem) {
  auto r = fac("org-a", "T-1", "Ä title", -5, "bias — 偏差");
  r.facets.text[7] = "last";
  put(r);
  auto got = query(base()).items;
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].facets.text, r.facets.text);
  EXPECT_EQ(got[0].facets.number, -5);
  EXPECT_EQ(got[0].facets.search, "bias — 偏差");
  EXPECT_EQ(got[0].facets.rev, 2);
  // Replacing the record replaces its facets.
  auto next = r;
  next.version = 2;
  next.facets = {};
  next.facets.text[0] = "changed";
  put(next, 1);
  std::optional<RecordRow> found;
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    found = tx.find_record("org-a", "thing", "", "T-1");
    return ok();
  }));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->facets.text[0], "changed");
  EXPECT_EQ(found->facets.text[7], "");
  EXPECT_EQ(found->facets.rev, 0);
}

TEST_F(RecordQueries, SetRecordFacetsChangesOnlyTheFacets) {
  put(fac("org-a", "T-1", "a", 1));
  RecordFacets f;
  f.text[0] = "z";
  f.rev = 9;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.set_record_facets("org-a", "thing", "", "T-1", f); }));
  auto got = query(base()).items;
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].facets.text[0], "z");
  EXPECT_EQ(got[0].facets.rev, 9);
  EXPECT_EQ(got[0].version, 1);
  EXPECT_EQ(got[0].doc, "{}");
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.set_record_facets("org-b", "thing", "", "T-1", f); })),
            errc::not_found);
  // Backfills find the rows whose facets another revision derived.
  put(fac("org-a", "T-2", "b", 2));
  RecordFilter stale;
  stale.org_id = "org-a";
  stale.kind = "thing";
  stale.facets_rev_not = 9;
  std::vector<RecordRow> rows;
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    rows = tx.list_records(stale);
    return ok();
  }));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, "T-2");
}

TEST_F(RecordQueries, FiltersOnFacetsTextRefAndParent) {
  auto a = fac("org-a", "T-1", "open", 1, "model drift in production");
  a.ref = "sys-1";
  put(a);
  put(fac("org-a", "T-2", "closed", 2, "bias 100% sure_thing"));
  put(fac("org-a", "T-3", "open", 3, "data quality"));
  put(fac("org-a", "C-1", "open", 4, "", "T-1"));
  put(fac("org-b", "T-9", "open", 1, "model drift"));
  auto other = fac("org-a", "T-8", "open", 1, "model drift");
  other.kind = "other";
  put(other);

  auto q = base(FacetSlot::number);
  q.filters.push_back({FacetSlot::text0, {"open"}});
  EXPECT_EQ(ids(q), (Ids{"T-1", "T-3", "C-1"}));
  EXPECT_EQ(query(q).total, 3);
  q.parent_id = "";
  EXPECT_EQ(ids(q), (Ids{"T-1", "T-3"}));
  q.filters[0].any_of = {"open", "closed"};
  EXPECT_EQ(ids(q), (Ids{"T-1", "T-2", "T-3"}));
  q.filters[0].any_of = {};
  EXPECT_EQ(ids(q), Ids{});
  q.filters.clear();
  q.ref = "sys-1";
  EXPECT_EQ(ids(q), Ids{"T-1"});
  q.ref.reset();
  // Text: a literal, lower-cased substring; LIKE's wildcards are plain characters.
  q.text = "drift";
  EXPECT_EQ(ids(q), Ids{"T-1"});
  q.text = "100%";
  EXPECT_EQ(ids(q), Ids{"T-2"});
  q.text = "e_t";
  EXPECT_EQ(ids(q), Ids{"T-2"});
  q.text = "%";
  EXPECT_EQ(ids(q), Ids{"T-2"});
  q.text = "_";
  EXPECT_EQ(ids(q), Ids{"T-2"});
  q.text = "quality";
  q.or_ref_in = {"sys-1"};
  EXPECT_EQ(ids(q), (Ids{"T-1", "T-3"}));
  EXPECT_EQ(query(q).total, 2);
  q.text = "nothing like it";
  q.or_ref_in = {};
  EXPECT_EQ(ids(q), Ids{});
  EXPECT_EQ(query(q).total, 0);
}

TEST_F(RecordQueries, BelowMatchesNonEmptyValuesBeforeTheBound) {
  auto r1 = fac("org-a", "T-1", "", 1);
  r1.facets.text[5] = "2026-01-01";
  auto r2 = fac("org-a", "T-2", "", 2);
  r2.facets.text[5] = "2026-06-01";
  auto r3 = fac("org-a", "T-3", "", 3);  // no date: never below
  put(r1);
  put(r2);
  put(r3);
  auto q = base(FacetSlot::number);
  q.below = std::make_pair(FacetSlot::text5, std::string("2026-06-01"));
  EXPECT_EQ(ids(q), Ids{"T-1"});
  q.below->second = "2027-01-01";
  EXPECT_EQ(ids(q), (Ids{"T-1", "T-2"}));
  EXPECT_EQ(query(q).total, 2);
}

TEST_F(RecordQueries, TextSortsBytewiseAndNumbersNumericallyInBothDirectionsWithTiesById) {
  put(fac("org-a", "T-1", "b", 10));
  put(fac("org-a", "T-2", "B", 9));
  put(fac("org-a", "T-3", "é", -1));
  put(fac("org-a", "T-4", "b", 100));
  put(fac("org-a", "T-5", "", 2));
  put(fac("org-a", "T-6", "😀", 10));
  // Bytewise: "" < "B" < "b" < "é" (C3 A9) < "😀" (F0 …); ties (b) by id.
  EXPECT_EQ(ids(base(FacetSlot::text0)), (Ids{"T-5", "T-2", "T-1", "T-4", "T-3", "T-6"}));
  EXPECT_EQ(ids(base(FacetSlot::text0, true)), (Ids{"T-6", "T-3", "T-4", "T-1", "T-2", "T-5"}));
  // Numerically: -1 < 2 < 9 < 10 = 10 < 100 (as text, "100" would sort before "2").
  EXPECT_EQ(ids(base(FacetSlot::number)), (Ids{"T-3", "T-5", "T-2", "T-1", "T-6", "T-4"}));
  EXPECT_EQ(ids(base(FacetSlot::number, true)), (Ids{"T-4", "T-6", "T-1", "T-2", "T-5", "T-3"}));
}

TEST_F(RecordQueries, KeysetPagesCoverEveryRowExactlyOnceInEveryOrder) {
  std::set<std::string> all;
  for (int i = 0; i < 23; ++i) {
    auto r = fac("org-a", "T-" + std::to_string(i), std::string(1, static_cast<char>('a' + i % 4)), i % 5);
    r.position = i % 3;
    r.updated_at = "2026-05-01T08:00:0" + std::to_string(i % 7) + ".000Z";
    put(r);
    all.insert(r.id);
  }
  for (auto sort : {FacetSlot::text0, FacetSlot::text3, FacetSlot::number, FacetSlot::position, FacetSlot::updated_at})
    for (bool desc : {false, true}) {
      auto whole = ids(base(sort, desc));
      ASSERT_EQ(whole.size(), 23u);
      for (int limit : {1, 4, 23, 50}) {
        auto got = paged(base(sort, desc), limit);
        EXPECT_EQ(got, whole) << "sort " << static_cast<int>(sort) << (desc ? " desc" : " asc") << " limit " << limit;
      }
      EXPECT_EQ(std::set<std::string>(whole.begin(), whole.end()), all);
    }
  auto q = base(FacetSlot::number, false, 5);
  auto first = query(q);
  EXPECT_EQ(first.total, 23);
  EXPECT_TRUE(first.more);
  EXPECT_EQ(first.items.size(), 5u);
  q.limit = 23;
  EXPECT_FALSE(query(q).more);
}

TEST_F(RecordQueries, AFilterMatchingManyRowsAndOneMatchingFewPageAlikeInEveryOrder) {
  // 2,400 rows: "many" on every second row (1,200 matches: the walk of the order's index), "rare"
  // on five (found by the filter's index and sorted), ties in text0 broken by id, under a parent
  // and not, with a second filter that no index answers.
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 2400; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "T-%04d", (i * 7919) % 2400);
      auto r = fac("org-a", id, std::string(1, static_cast<char>('a' + i % 7)), i % 11);
      r.position = i;
      r.facets.text[1] = i % 2 ? "x" : "many";
      r.facets.text[2] = i % 480 == 3 ? "rare" : (i % 3 ? "y" : "z");
      r.updated_at = "2026-05-01T08:" + std::to_string(10 + i % 50) + ":00.000Z";
      if (auto st = tx.put_record(r, 0); !st) return st;
    }
    return ok();
  }));
  auto filtered = [&](FacetSlot sort, bool desc, std::vector<FacetIn> filters) {
    auto q = base(sort, desc);
    q.filters = std::move(filters);
    q.parent_id = "";
    return q;
  };
  const std::vector<std::vector<FacetIn>> cases = {
      {{FacetSlot::text1, {"many"}}},
      {{FacetSlot::text2, {"rare"}}},
      {{FacetSlot::text1, {"many"}}, {FacetSlot::text2, {"z", "rare"}}},
      {{FacetSlot::text2, {"y"}}, {FacetSlot::text1, {"many"}}},
      {{FacetSlot::text1, {"many"}}, {FacetSlot::text2, {"y", "z"}}},
  };
  const std::size_t sizes[] = {1200, 5, 400, 800, 1200};
  for (auto sort : {FacetSlot::text0, FacetSlot::number, FacetSlot::position, FacetSlot::updated_at})
    for (bool desc : {false, true}) {
      const Ids unfiltered = ids(base(sort, desc));
      for (std::size_t c = 0; c < cases.size(); ++c) {
        auto whole = ids(filtered(sort, desc, cases[c]));  // all rows, no limit
        ASSERT_EQ(whole.size(), sizes[c]) << "case " << c;
        // The rows a filter matches, in the order the unfiltered list gives them.
        std::set<std::string> match(whole.begin(), whole.end());
        Ids expected;
        for (const auto& id : unfiltered)
          if (match.count(id)) expected.push_back(id);
        EXPECT_EQ(whole, expected) << "case " << c << " sort " << static_cast<int>(sort) << (desc ? " desc" : "");
        auto first = query([&] {
          auto q = filtered(sort, desc, cases[c]);
          q.limit = 50;
          return q;
        }());
        EXPECT_EQ(first.total, static_cast<std::int64_t>(sizes[c]));
        EXPECT_EQ(first.more, sizes[c] > 50);
        EXPECT_EQ(paged(filtered(sort, desc, cases[c]), 97), whole) << "case " << c << " sort " << static_cast<int>(sort);
      }
    }
}

TEST_F(RecordQueries, EmptyAndIsolated) {
  put(fac("org-b", "T-1", "a", 1));
  auto page = query(base(FacetSlot::text0, false, 10));
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(page.total, 0);
  EXPECT_FALSE(page.more);
}

}  // namespace
}  // namespace aims::store::conformance
