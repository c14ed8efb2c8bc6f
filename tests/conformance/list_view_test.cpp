// Stored list views (migration v13, docs/storage.md "Stored list views"): set_list_view stores a
// record's view byte for byte and query_viewed gives it back with each row of the page, in the
// page's order and under its filters; the record's version, doc and facets stay; an unknown record
// is not_found; a write that changes the record's doc, version, position or times without a new
// view empties it (as a hand-made edit does), so a stale view is never read back; set_record_facets
// leaves it; and a rolled-back transaction leaves it as it was.
#include "fixture.hpp"
#include "record_rows.hpp"
#include "store/list_views.hpp"

namespace aims::store::conformance {
namespace {

// Control characters, a newline and non-ASCII text, as the domain's views hold them.
const std::string kView = "{\"a\":1}\n{\"id\":\"r1\",\x1etitle\x1f,\"n\":\"\xc3\xa9\"}";

class ListViewsTest : public SeededStoreTest {
 protected:
  static RecordRow row(const std::string& id, std::int64_t position, const std::string& owner = "t") {
    RecordRow r = rec("org-a", "viewed", "", id, position);
    r.facets.text[0] = owner;
    r.facets.rev = 1;
    return r;
  }
  status set(const std::string& id, const std::string& view) {
    return store().write([&](WriteTx& tx) { return set_list_view(tx, row(id, 0), view); });
  }
  /// The page of `q` (kind "viewed" of org-a, by position) and its views.
  ViewedPage page(std::vector<FacetIn> filters = {}) {
    RecordQuery q;
    q.org_id = "org-a";
    q.kind = "viewed";
    q.filters = std::move(filters);
    ViewedPage out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = query_viewed(tx, q);
      return ok();
    }));
    EXPECT_EQ(out.views.size(), out.page.items.size());
    return out;
  }
  std::string view_of(const std::string& id) {
    for (std::size_t i = 0; i < page().page.items.size(); ++i)
      if (page().page.items[i].id == id) return page().views[i];
    ADD_FAILURE() << "no record " << id;
    return {};
  }
};

TEST_F(ListViewsTest, StoredViewsComeBackWithTheirRowsInThePagesOrder) {
  put(row("r1", 2, "amy"));
  put(row("r2", 1, "bob"));
  put(row("r3", 3, "amy"));
  AIMS_ASSERT_OK(set("r1", kView));
  AIMS_ASSERT_OK(set("r3", "\n{\"id\":\"r3\"}"));
  auto all = page();
  ASSERT_EQ(all.page.items.size(), 3u);
  EXPECT_EQ(all.page.total, 3);
  EXPECT_EQ(all.page.items[0].id, "r2");
  EXPECT_EQ(all.views, (std::vector<std::string>{"", kView, "\n{\"id\":\"r3\"}"}));
  auto amy = page({{FacetSlot::text0, {"amy"}}});
  ASSERT_EQ(amy.page.items.size(), 2u);
  EXPECT_EQ(amy.views, (std::vector<std::string>{kView, "\n{\"id\":\"r3\"}"}));
  // The record itself did not change.
  EXPECT_EQ(all.page.items[1].version, 1);
  EXPECT_EQ(all.page.items[1].doc, row("r1", 2).doc);
  EXPECT_EQ(all.page.items[1].facets.text[0], "amy");
}

TEST_F(ListViewsTest, AnUnknownRecordIsNotFound) {
  EXPECT_EQ(code_of(set("nope", kView)), errc::not_found);
  put(row("r1", 1));
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) {
              return set_list_view(tx, rec("org-b", "viewed", "", "r1"), kView);
            })),
            errc::not_found)
      << "another organization's key";
}

TEST_F(ListViewsTest, AChangedRecordLosesItsViewUntilItGetsANewOne) {
  put(row("r1", 1));
  AIMS_ASSERT_OK(set("r1", kView));
  RecordRow next = row("r1", 1);
  next.version = 2;
  next.doc = "{\"id\":\"r1\",\"changed\":true}";
  put(next, 1);
  EXPECT_EQ(view_of("r1"), "") << "a view that did not follow its record is dropped";
  AIMS_ASSERT_OK(set("r1", kView));
  EXPECT_EQ(view_of("r1"), kView);
  // The facets alone (the start-up backfill) leave it.
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.set_record_facets("org-a", "viewed", "", "r1", next.facets); }));
  EXPECT_EQ(view_of("r1"), kView);
  // A new version and its view in one transaction (records::save): the new view stays.
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    RecordRow third = next;
    third.version = 3;
    if (auto s = tx.put_record(third, 2); !s) return s;
    return set_list_view(tx, third, "\n{\"v\":3}");
  }));
  EXPECT_EQ(view_of("r1"), "\n{\"v\":3}");
}

TEST_F(ListViewsTest, ARolledBackWriteLeavesTheViewAsItWas) {
  put(row("r1", 1));
  AIMS_ASSERT_OK(set("r1", kView));
  auto st = store().write([&](WriteTx& tx) -> status {
    if (auto s = set_list_view(tx, row("r1", 1), "\n{}"); !s) return s;
    return make_error(errc::conflict, "roll back");
  });
  EXPECT_FALSE(st.has_value());
  EXPECT_EQ(view_of("r1"), kView);
}

}  // namespace
}  // namespace aims::store::conformance
