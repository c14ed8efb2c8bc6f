// backfill_facets on a real SQLite store: rows stored without facets (or by an older revision of
// a kind's rules) get the facets their kind derives, an unreadable document gets its row's facets,
// rows already derived by the current revision are left alone, and raising the revision
// re-derives them.
#include <gtest/gtest.h>

#include "domain/common/test_store.hpp"
#include "domain/records/kind_spec.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

class BackfillFacets : public aims::testing::TempStore {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(open_temp_store());
    ASSERT_NO_FATAL_FAILURE(add_orgs({"org_a", "org_b"}));
    spec_.kind = "thing";
    spec_.facets = [](const store::RecordRow& row, const json::object* doc) {
      store::RecordFacets f;
      f.number = row.position;
      if (doc)
        if (auto* c = doc->if_contains("colour"); c && c->is_string()) f.text[0] = std::string(c->as_string());
      f.text[1] = doc ? "read" : "unreadable";
      return f;
    };
  }
  static store::RecordRow row(const std::string& org, const std::string& id, std::int64_t position, const std::string& doc) {
    store::RecordRow r;
    r.kind = "thing";
    r.org_id = org;
    r.id = id;
    r.position = position;
    r.created_at = r.updated_at = "2026-05-01T08:00:00.000Z";
    r.doc = doc;
    return r;
  }
  void put(const std::string& org, const std::string& id, std::int64_t position, const std::string& doc) {
    ASSERT_TRUE(store_->write([&](store::WriteTx& tx) { return tx.put_record(row(org, id, position, doc), 0); }));
  }
  store::RecordRow get(const std::string& org, const std::string& id) {
    std::optional<store::RecordRow> row;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) {
      row = tx.find_record(org, "thing", "", id);
      return ok();
    }));
    return row.value_or(store::RecordRow{});
  }
  records::KindSpec spec_;
};

TEST_F(BackfillFacets, DerivesStaleRowsInEveryOrganizationAndLeavesCurrentOnesAlone) {
  put("org_a", "T-1", 1, R"({"colour":"red"})");
  put("org_a", "T-2", 2, "not json");
  put("org_b", "T-1", 7, R"({"colour":"blue"})");
  ASSERT_EQ(get("org_a", "T-1").facets.rev, 0);

  ASSERT_TRUE(records::backfill_facets(*store_, {&spec_}));
  auto a1 = get("org_a", "T-1"), a2 = get("org_a", "T-2"), b1 = get("org_b", "T-1");
  EXPECT_EQ(a1.facets.rev, 1);
  EXPECT_EQ(a1.facets.text[0], "red");
  EXPECT_EQ(a1.facets.number, 1);
  EXPECT_EQ(a2.facets.rev, 1);
  EXPECT_EQ(a2.facets.text[1], "unreadable");
  EXPECT_EQ(a2.facets.number, 2);
  EXPECT_EQ(b1.facets.text[0], "blue");
  EXPECT_EQ(b1.facets.number, 7);
  EXPECT_EQ(a1.version, 1) << "facets are not a new version";

  // Facets of the current revision are not derived again: a marker written under rev 1 stays.
  store::RecordFacets marker = a1.facets;
  marker.text[0] = "marker";
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) { return tx.set_record_facets("org_a", "thing", "", "T-1", marker); }));
  ASSERT_TRUE(records::backfill_facets(*store_, {&spec_}));
  EXPECT_EQ(get("org_a", "T-1").facets.text[0], "marker");

  // A new revision of the rules re-derives every row.
  spec_.facets_rev = 2;
  ASSERT_TRUE(records::backfill_facets(*store_, {&spec_}));
  auto again = get("org_a", "T-1");
  EXPECT_EQ(again.facets.rev, 2);
  EXPECT_EQ(again.facets.text[0], "red");
}

TEST_F(BackfillFacets, ManyRowsAcrossBatches) {
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) -> status {
    for (int i = 1; i <= 450; ++i)
      if (auto s = tx.put_record(row("org_a", "T-" + std::to_string(i), i, R"({"colour":"green"})"), 0); !s) return s;
    return ok();
  }));
  ASSERT_TRUE(records::backfill_facets(*store_, {&spec_}));
  store::RecordFilter stale;
  stale.org_id = "org_a";
  stale.kind = "thing";
  stale.facets_rev_not = 1;
  std::vector<store::RecordRow> left;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) {
    left = tx.list_records(stale);
    return ok();
  }));
  EXPECT_TRUE(left.empty());
  EXPECT_EQ(get("org_a", "T-450").facets.text[0], "green");
}

}  // namespace
