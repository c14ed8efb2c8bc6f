// The stored counts behind query_records' totals (migration v11, docs/storage.md "Stored
// counts"): right after create, after an update that changes a facet, after archive and restore
// (a facet value that a default filter excludes), after set_record_facets and delete, under a
// parent, by ref, with two filters (one met by all but a few records), and unchanged by a rolled-back
// transaction. Each total is checked against a literal and against the rows the query returns.
#include "fixture.hpp"
#include "record_rows.hpp"

namespace aims::store::conformance {
namespace {

RecordRow counted(const std::string& org_id, const std::string& id, const std::string& owner, const std::string& parent_id = "") {
  RecordRow r = rec(org_id, "counted", parent_id, id);
  r.doc = "{}";
  r.facets.text[0] = "title " + id;  // unique per record
  r.facets.text[1] = owner;
  r.facets.text[3] = "";  // "" live, "true" archived
  r.facets.rev = 1;
  return r;
}

/// Each test starts with organizations "org-a" and "org-b" and no records.
class RecordCounts : public SeededStoreTest {
 protected:
  /// The total of a query with these filters (and a parent), checked against its rows.
  std::int64_t total(std::vector<FacetIn> filters, std::optional<std::string> parent = std::nullopt,
                     const std::string& org_id = "org-a", std::optional<std::string> ref = std::nullopt) {
    RecordQuery q;
    q.org_id = org_id;
    q.kind = "counted";
    q.parent_id = std::move(parent);
    q.ref = std::move(ref);
    q.filters = std::move(filters);
    q.limit = 0;
    RecordPage page;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      page = tx.query_records(q);
      return ok();
    }));
    EXPECT_EQ(page.total, static_cast<std::int64_t>(page.items.size()));
    return page.total;
  }
  static FacetIn owner(std::vector<std::string> v) { return {FacetSlot::text1, std::move(v)}; }
  static FacetIn live() { return {FacetSlot::text3, {""}}; }
};

TEST_F(RecordCounts, RightAfterCreate) {
  EXPECT_EQ(total({}), 0);
  put(counted("org-a", "R-1", "ann"));
  put(counted("org-a", "R-2", "bob"));
  put(counted("org-a", "R-3", "ann"));
  put(counted("org-b", "R-1", "ann"));
  EXPECT_EQ(total({}), 3);
  EXPECT_EQ(total({owner({"ann"})}), 2);
  EXPECT_EQ(total({owner({"ann", "bob", "ann"})}), 3);
  EXPECT_EQ(total({owner({"cyd"})}), 0);
  EXPECT_EQ(total({owner({})}), 0);
  EXPECT_EQ(total({}, std::nullopt, "org-b"), 1);
  // A second insert of the same key is a conflict and counts nothing.
  AIMS_EXPECT_OK(store().write([&](WriteTx& tx) -> status {
    EXPECT_EQ(code_of(tx.put_record(counted("org-a", "R-1", "ann"), 0)), errc::conflict);
    return ok();
  }));
  EXPECT_EQ(total({owner({"ann"})}), 2);
}

TEST_F(RecordCounts, UpdateThatChangesAFacetMovesItsCount) {
  put(counted("org-a", "R-1", "ann"));
  put(counted("org-a", "R-2", "ann"));
  auto r = counted("org-a", "R-1", "bob");
  r.version = 2;
  put(r, 1);
  EXPECT_EQ(total({}), 2);
  EXPECT_EQ(total({owner({"ann"})}), 1);
  EXPECT_EQ(total({owner({"bob"})}), 1);
  // A stale update changes nothing.
  AIMS_EXPECT_OK(store().write([&](WriteTx& tx) -> status {
    auto stale = counted("org-a", "R-2", "cyd");
    stale.version = 2;
    EXPECT_EQ(code_of(tx.put_record(stale, 7)), errc::precondition_failed);
    return ok();
  }));
  EXPECT_EQ(total({owner({"ann"})}), 1);
  EXPECT_EQ(total({owner({"cyd"})}), 0);
}

TEST_F(RecordCounts, ArchiveAndRestoreUnderADefaultFilter) {
  for (int i = 1; i <= 6; ++i) put(counted("org-a", "R-" + std::to_string(i), i % 2 ? "ann" : "bob"));
  auto archived = counted("org-a", "R-1", "ann");
  archived.version = 2;
  archived.facets.text[3] = "true";
  put(archived, 1);
  EXPECT_EQ(total({live()}), 5);
  EXPECT_EQ(total({owner({"ann"}), live()}), 2);
  EXPECT_EQ(total({live(), owner({"ann"})}), 2);
  EXPECT_EQ(total({owner({"bob"}), live()}), 3);
  EXPECT_EQ(total({owner({"ann"}), {FacetSlot::text3, {"true"}}}), 1);
  EXPECT_EQ(total({owner({"bob"}), {FacetSlot::text3, {"true"}}}), 0);
  auto restored = archived;
  restored.version = 3;
  restored.facets.text[3] = "";
  put(restored, 2);
  EXPECT_EQ(total({live()}), 6);
  EXPECT_EQ(total({owner({"ann"}), live()}), 3);
  EXPECT_EQ(total({owner({"ann"}), {FacetSlot::text3, {"true"}}}), 0);
}

TEST_F(RecordCounts, SetFacetsAndDeleteKeepThemRight) {
  put(counted("org-a", "R-1", "ann"));
  put(counted("org-a", "R-2", "ann"));
  auto f = counted("org-a", "R-2", "bob").facets;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.set_record_facets("org-a", "counted", "", "R-2", f); }));
  EXPECT_EQ(total({owner({"ann"})}), 1);
  EXPECT_EQ(total({owner({"bob"})}), 1);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.delete_record("org-a", "counted", "", "R-2", 1); }));
  EXPECT_EQ(total({}), 1);
  EXPECT_EQ(total({owner({"bob"})}), 0);
  put(counted("org-a", "R-2", "bob"));  // the same key again
  EXPECT_EQ(total({owner({"bob"})}), 1);
}

TEST_F(RecordCounts, UnderAParent) {
  put(counted("org-a", "R-1", "ann", "P-1"));
  put(counted("org-a", "R-2", "bob", "P-1"));
  put(counted("org-a", "R-1", "ann", "P-2"));
  put(counted("org-a", "R-3", "ann"));
  EXPECT_EQ(total({}), 4);
  EXPECT_EQ(total({}, "P-1"), 2);
  EXPECT_EQ(total({}, ""), 1);
  EXPECT_EQ(total({owner({"ann"})}, "P-1"), 1);
  EXPECT_EQ(total({owner({"ann"})}, ""), 1);
  EXPECT_EQ(total({owner({"bob"})}, "P-2"), 0);
  EXPECT_EQ(total({}, "P-9"), 0);
}

TEST_F(RecordCounts, ByRefAndAnUpdateThatChangesIt) {
  put(counted("org-a", "R-1", "ann"));
  put(counted("org-a", "R-2", "bob"));
  put(counted("org-a", "R-3", "ann"));
  auto archived = counted("org-a", "R-1", "ann");
  archived.version = 2;
  archived.ref = "archived";
  put(archived, 1);
  EXPECT_EQ(total({}, "", "org-a", ""), 2);
  EXPECT_EQ(total({}, "", "org-a", "archived"), 1);
  EXPECT_EQ(total({owner({"ann"})}, "", "org-a", ""), 1);
  EXPECT_EQ(total({owner({"ann"})}, std::nullopt, "org-a", "archived"), 1);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.delete_record("org-a", "counted", "", "R-1", 2); }));
  EXPECT_EQ(total({}, std::nullopt, "org-a", "archived"), 0);
  EXPECT_EQ(total({}), 2);
}

TEST_F(RecordCounts, ARolledBackTransactionLeavesThemAsTheyWere) {
  put(counted("org-a", "R-1", "ann"));
  auto refused = store().write([&](WriteTx& tx) -> status {
    if (auto s = tx.put_record(counted("org-a", "R-2", "ann"), 0); !s) return s;
    auto moved = counted("org-a", "R-1", "bob");
    moved.version = 2;
    if (auto s = tx.put_record(moved, 1); !s) return s;
    if (auto s = tx.delete_record("org-a", "counted", "", "R-2", 1); !s) return s;
    return make_error(errc::validation, "refused after the writes");
  });
  EXPECT_EQ(code_of(refused), errc::validation);
  EXPECT_EQ(total({}), 1);
  EXPECT_EQ(total({owner({"ann"})}), 1);
  EXPECT_EQ(total({owner({"bob"})}), 0);
}

TEST_F(RecordCounts, TwoFiltersWithManyOnEitherSideAreStillRight) {
  // More than 1,000 records outside each filter: the total is counted from the rows.
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 2400; ++i) {
      auto r = counted("org-a", "R-" + std::to_string(i), i % 2 ? "ann" : "bob");
      r.facets.text[3] = i % 3 ? "" : "true";
      if (auto s = tx.put_record(r, 0); !s) return s;
    }
    return ok();
  }));
  EXPECT_EQ(total({owner({"ann"}), live()}), 800);
  EXPECT_EQ(total({owner({"bob"}), {FacetSlot::text3, {"true"}}}), 400);
  EXPECT_EQ(total({owner({"ann"}), live(), {FacetSlot::text0, {"title R-1", "title R-3"}}}), 1);
}

}  // namespace
}  // namespace aims::store::conformance
