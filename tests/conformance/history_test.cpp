// Record history: newest first, paging by version, isolation.
#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

class History : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
      for (std::int64_t v : {3, 1, 5, 2, 4})  // insertion order must not matter
        if (auto s = tx.insert_history(history("org-a", "sys-1", v)); !s) return s;
      if (auto s = tx.insert_history(history("org-a", "sys-2", 1)); !s) return s;
      HistoryRow other_type = history("org-a", "sys-1", 9);
      other_type.record_type = "risk";
      return tx.insert_history(other_type);
    }));
  }

  std::vector<std::int64_t> versions(int limit, std::optional<std::int64_t> before) {
    std::vector<std::int64_t> out;
    EXPECT_TRUE(store().read([&](ReadTx& tx) {
      for (const auto& h : tx.list_history("org-a", "system", "sys-1", limit, before)) out.push_back(h.version);
      return ok();
    }));
    return out;
  }
};

TEST_F(History, IsNewestFirstAndCarriesEveryField) {
  EXPECT_EQ(versions(10, std::nullopt), (std::vector<std::int64_t>{5, 4, 3, 2, 1}));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto rows = tx.list_history("org-a", "system", "sys-1", 1, std::nullopt);
    EXPECT_EQ(rows.size(), 1u);
    if (!rows.empty()) {
      HistoryRow want = history("org-a", "sys-1", 5);
      EXPECT_EQ(rows[0].org_id, want.org_id);
      EXPECT_EQ(rows[0].record_type, want.record_type);
      EXPECT_EQ(rows[0].record_id, want.record_id);
      EXPECT_EQ(rows[0].at, want.at);
      EXPECT_EQ(rows[0].actor, want.actor);
      EXPECT_EQ(rows[0].operation, want.operation);
      EXPECT_EQ(rows[0].changes, want.changes);
    }
    return ok();
  }));
}

TEST_F(History, PagesWithBeforeVersion) {
  EXPECT_EQ(versions(2, std::nullopt), (std::vector<std::int64_t>{5, 4}));
  EXPECT_EQ(versions(2, 4), (std::vector<std::int64_t>{3, 2}));
  EXPECT_EQ(versions(2, 2), (std::vector<std::int64_t>{1}));
  EXPECT_TRUE(versions(2, 1).empty());
  EXPECT_EQ(versions(10, 100), (std::vector<std::int64_t>{5, 4, 3, 2, 1}));
}

TEST_F(History, IsKeptPerOrganizationRecordTypeAndRecord) {
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_EQ(tx.list_history("org-a", "system", "sys-2", 10, std::nullopt).size(), 1u);
    auto risk = tx.list_history("org-a", "risk", "sys-1", 10, std::nullopt);
    EXPECT_EQ(risk.size(), 1u);
    if (!risk.empty()) { EXPECT_EQ(risk[0].version, 9); }
    EXPECT_TRUE(tx.list_history("org-b", "system", "sys-1", 10, std::nullopt).empty());
    EXPECT_TRUE(tx.list_history("org-a", "system", "sys-9", 10, std::nullopt).empty());
    return ok();
  }));
}

TEST_F(History, OneEntryPerRecordVersion) {
  status dup = store().write([](WriteTx& tx) { return tx.insert_history(history("org-a", "sys-1", 3)); });
  EXPECT_EQ(code_of(dup), errc::conflict);
  EXPECT_EQ(versions(10, std::nullopt).size(), 5u);
}

}  // namespace
}  // namespace aims::store::conformance
