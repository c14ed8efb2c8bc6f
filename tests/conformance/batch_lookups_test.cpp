// The one-query lookups of list pages (batch_lookups.hpp): systems and records by id and the
// records under many parents with one ref, each the same rows as the one-at-a-time reads, unknown
// ids left out, other organizations and kinds never seen, long id lists split into runs; and a page
// filtered on one value of a slot paired with its sort slot (migration v12's index) in the same
// order, page after page, as the unfiltered list gives its matches.
#include <algorithm>
#include <cstdio>
#include <set>

#include "fixture.hpp"
#include "record_rows.hpp"
#include "store/batch_lookups.hpp"

namespace aims::store::conformance {
namespace {

using Ids = std::vector<std::string>;

template <class Row>
Ids sorted_ids(const std::vector<Row>& rows) {
  Ids out;
  for (const auto& r : rows) out.push_back(r.id);
  std::sort(out.begin(), out.end());
  return out;
}

class BatchLookupsTest : public SeededStoreTest {
 protected:
  template <class Fn>
  auto in_read(Fn fn) {
    decltype(fn(std::declval<ReadTx&>())) out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = fn(tx);
      return ok();
    }));
    return out;
  }
};

TEST_F(BatchLookupsTest, SystemsByIdAreThoseOfTheOrganizationThatExist) {
  put(system("org-a", "sys-1", "one"));
  put(system("org-a", "sys-2", "two"));
  put(system("org-b", "sys-3", "three"));
  auto rows = in_read([](ReadTx& tx) { return systems_by_id(tx, "org-a", {"sys-2", "sys-1", "sys-3", "nope", "sys-1"}); });
  EXPECT_EQ(sorted_ids(rows), (Ids{"sys-1", "sys-2"}));
  for (const auto& s : rows) EXPECT_EQ(s.doc, get("org-a", s.id)->doc);
  EXPECT_TRUE(in_read([](ReadTx& tx) { return systems_by_id(tx, "org-a", {}); }).empty());
}

TEST_F(BatchLookupsTest, RecordsByIdKeepToTheirKindParentAndOrganization) {
  put(rec("org-a", "thing", "", "r1"));
  put(rec("org-a", "thing", "", "r2"));
  put(rec("org-a", "thing", "p", "r3"));
  put(rec("org-a", "other", "", "r4"));
  put(rec("org-b", "thing", "", "r5"));
  auto rows = in_read([](ReadTx& tx) { return records_by_id(tx, "org-a", "thing", "", {"r1", "r2", "r3", "r4", "r5", "r9"}); });
  EXPECT_EQ(sorted_ids(rows), (Ids{"r1", "r2"}));
  for (const auto& r : rows) EXPECT_EQ(r.doc, "{\"id\":\"" + r.id + "\"}");
}

TEST_F(BatchLookupsTest, ChildrenByParentAreTheRowsWithTheRefUnderEachParent) {
  put(rec("org-a", "reading", "o1", "1", 0, "latest"));
  put(rec("org-a", "reading", "o1", "0", 0, ""));
  put(rec("org-a", "reading", "o2", "7", 0, "latest"));
  put(rec("org-a", "reading", "o3", "8", 0, "latest"));
  put(rec("org-b", "reading", "o1", "9", 0, "latest"));
  auto rows = in_read([](ReadTx& tx) { return children_by_parent(tx, "org-a", "reading", {"o1", "o2", "o4"}, "latest"); });
  EXPECT_EQ(sorted_ids(rows), (Ids{"1", "7"}));
}

TEST_F(BatchLookupsTest, ManyIdsAreSplitIntoRunsAndAllFound) {
  Ids ids;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 1234; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "r%04d", i);
      ids.push_back(id);
      if (auto s = tx.put_record(rec("org-a", "thing", "", id), 0); !s) return s;
    }
    return ok();
  }));
  auto rows = in_read([&](ReadTx& tx) { return records_by_id(tx, "org-a", "thing", "", ids); });
  EXPECT_EQ(sorted_ids(rows), ids);
}

TEST_F(BatchLookupsTest, AFilterWithAPairIndexPagesInTheOrderOfItsSortSlot) {
  // 3,000 rows, 1,200 of them with text3 "many" and text2 "" (more than 1,000 matches: the page
  // walks the pair index of text3 and text5), text5 with ties broken by id.
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 3000; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "T-%04d", (i * 7919) % 3000);
      auto r = rec("org-a", "thing", "", id);
      r.facets.text[2] = i % 5 ? "" : "retired";
      r.facets.text[3] = i % 2 ? "x" : "many";
      r.facets.text[5] = "2026-0" + std::to_string(1 + i % 9) + "-01";
      r.facets.rev = 2;
      if (auto s = tx.put_record(r, 0); !s) return s;
    }
    return ok();
  }));
  for (bool desc : {false, true}) {
    RecordQuery all;
    all.org_id = "org-a";
    all.kind = "thing";
    all.sort = FacetSlot::text5;
    all.descending = desc;
    all.count = false;
    all.limit = 0;
    Ids expected;
    std::set<std::string> match;
    auto q = all;
    q.filters = {{FacetSlot::text2, {""}}, {FacetSlot::text3, {"many"}}};
    q.count = true;
    q.limit = 0;
    for (const auto& r : in_read([&](ReadTx& tx) { return tx.query_records(q).items; })) match.insert(r.id);
    ASSERT_EQ(match.size(), 1200u);
    for (const auto& r : in_read([&](ReadTx& tx) { return tx.query_records(all).items; }))
      if (match.count(r.id)) expected.push_back(r.id);
    Ids paged;
    q.limit = 97;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = in_read([&](ReadTx& tx) { return tx.query_records(q); });
      EXPECT_EQ(page.total, 1200);
      for (const auto& r : page.items) paged.push_back(r.id);
      if (!page.more) break;
      const auto& last = page.items.back();
      q.after = RecordPosition{last.facets.text[5], 0, last.id, last.parent_id};
    }
    EXPECT_EQ(paged, expected) << (desc ? "descending" : "ascending");
  }
}

}  // namespace
}  // namespace aims::store::conformance
