// AI systems: insert, find, update with optimistic concurrency, and organization isolation.
#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

class Systems : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }

  status update(const SystemRow& s, std::int64_t expected) {
    return store().write([&](WriteTx& tx) { return tx.update_system(s, expected); });
  }
};

void expect_same_system(const SystemRow& a, const SystemRow& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.org_id, b.org_id);
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.archived, b.archived);
  EXPECT_EQ(a.name_key, b.name_key);
  EXPECT_EQ(a.owner_key, b.owner_key);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.lifecycle_stage, b.lifecycle_stage);
  EXPECT_EQ(a.stage_rank, b.stage_rank);
  EXPECT_EQ(a.eu_ai_act_class, b.eu_ai_act_class);
  EXPECT_EQ(a.class_rank, b.class_rank);
  EXPECT_EQ(a.organization_role, b.organization_role);
  EXPECT_EQ(a.search_text, b.search_text);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
  EXPECT_EQ(a.doc, b.doc);
}

TEST_F(Systems, EveryFieldRoundTripsAndTheDocKeepsItsExactBytes) {
  SystemRow s = system("org-a", "sys-1", "credit scoring");
  s.version = 7;
  s.archived = true;
  s.owner_key = "grace hopper";
  s.status = "in_review";
  s.lifecycle_stage = "deployment";
  s.stage_rank = "5";
  s.eu_ai_act_class = "high";
  s.class_rank = "3";
  s.organization_role = "provider";
  s.search_text = "credit scoring grace hopper ünïcödé";
  s.created_at = "2026-01-01T10:00:00.123Z";
  s.updated_at = "2026-02-03T04:05:06.789Z";
  // Unusual spacing, key order, escapes and non-ASCII must come back byte for byte.
  s.doc = "{ \"name\" :\"Crédit\\u00e9 — 信用 😀\",\n\t\"a\":[1,2.50,null],\"q\":\"it's \\\"quoted\\\" \\\\ ?\"}";
  put(s);
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  expect_same_system(*got, s);
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto by_name = tx.find_system_by_name_key("org-a", "credit scoring");
    EXPECT_TRUE(by_name);
    if (by_name) { expect_same_system(*by_name, s); }
    EXPECT_FALSE(tx.find_system_by_name_key("org-a", "credit"));
    EXPECT_FALSE(tx.find_system("org-a", "sys-2"));
    return ok();
  }));
}

TEST_F(Systems, NameKeyIsUniquePerOrganizationAndIdIsUnique) {
  put(system("org-a", "sys-1", "chatbot"));
  status same_name = store().write([&](WriteTx& tx) { return tx.insert_system(system("org-a", "sys-2", "chatbot")); });
  EXPECT_EQ(code_of(same_name), errc::conflict);
  status same_id = store().write([&](WriteTx& tx) { return tx.insert_system(system("org-a", "sys-1", "other")); });
  EXPECT_EQ(code_of(same_id), errc::conflict);
  // The same name in another organization is fine.
  put(system("org-b", "sys-3", "chatbot"));
  EXPECT_FALSE(get("org-a", "sys-2"));
  EXPECT_TRUE(get("org-b", "sys-3"));
}

TEST_F(Systems, AnArchivedSystemStillHoldsItsName) {
  SystemRow s = system("org-a", "sys-1", "chatbot");
  s.archived = true;
  put(s);
  status clash = store().write([&](WriteTx& tx) { return tx.insert_system(system("org-a", "sys-2", "chatbot")); });
  EXPECT_EQ(code_of(clash), errc::conflict);
}

TEST_F(Systems, UpdateReplacesTheRowWhenTheVersionMatches) {
  put(system("org-a", "sys-1", "chatbot"));
  SystemRow s = system("org-a", "sys-1", "support bot");
  s.version = 2;
  s.status = "approved";
  s.archived = true;
  s.updated_at = "2026-03-01T00:00:00.000Z";
  s.doc = "{\"v\":2}";
  AIMS_ASSERT_OK(update(s, 1));
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  expect_same_system(*got, s);
  // Keeping its own name is not a clash.
  s.version = 3;
  AIMS_ASSERT_OK(update(s, 2));
  got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 3);
}

TEST_F(Systems, UpdateOfAMissingSystemIsNotFound) {
  SystemRow s = system("org-a", "sys-404", "ghost");
  s.version = 2;
  EXPECT_EQ(code_of(update(s, 1)), errc::not_found);
  EXPECT_FALSE(get("org-a", "sys-404"));
}

TEST_F(Systems, UpdateWithAStaleVersionIsPreconditionFailed) {
  put(system("org-a", "sys-1", "chatbot"));
  SystemRow s = system("org-a", "sys-1", "renamed");
  s.version = 3;
  EXPECT_EQ(code_of(update(s, 2)), errc::precondition_failed);
  EXPECT_EQ(code_of(update(s, 0)), errc::precondition_failed);
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->name_key, "chatbot");
}

TEST_F(Systems, UpdateToAnotherSystemsNameIsConflict) {
  put(system("org-a", "sys-1", "chatbot"));
  put(system("org-a", "sys-2", "scorer"));
  SystemRow s = system("org-a", "sys-2", "chatbot");
  s.version = 2;
  EXPECT_EQ(code_of(update(s, 1)), errc::conflict);
  auto got = get("org-a", "sys-2");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name_key, "scorer");
  EXPECT_EQ(got->version, 1);
  // A name used only in another organization is free.
  put(system("org-b", "sys-3", "triage"));
  s.name_key = "triage";
  AIMS_EXPECT_OK(update(s, 1));
}

TEST_F(Systems, AnotherOrganizationNeverSeesOrChangesASystem) {
  put(system("org-a", "sys-1", "chatbot"));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.insert_history(history("org-a", "sys-1", 1)); }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    EXPECT_FALSE(tx.find_system("org-b", "sys-1"));
    EXPECT_FALSE(tx.find_system_by_name_key("org-b", "chatbot"));
    EXPECT_EQ(tx.count_systems("org-b"), 0);
    SystemQuery q;
    q.org_id = "org-b";
    q.archived = ArchivedFilter::all;
    SystemPage page = tx.list_systems(q);
    EXPECT_TRUE(page.items.empty());
    EXPECT_EQ(page.total, 0);
    q.text = "chat";
    EXPECT_TRUE(tx.list_systems(q).items.empty());
    EXPECT_TRUE(tx.list_history("org-b", "system", "sys-1", 10, std::nullopt).empty());
    EXPECT_EQ(tx.list_history("org-a", "system", "sys-1", 10, std::nullopt).size(), 1u);
    return ok();
  }));
  SystemRow hijack = system("org-b", "sys-1", "hijacked");
  hijack.version = 2;
  EXPECT_EQ(code_of(update(hijack, 1)), errc::not_found);
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name_key, "chatbot");
  EXPECT_EQ(got->org_id, "org-a");
}

TEST_F(Systems, CountIncludesArchivedSystems) {
  put(system("org-a", "sys-1", "one"));
  SystemRow archived = system("org-a", "sys-2", "two");
  archived.archived = true;
  put(archived);
  put(system("org-b", "sys-3", "three"));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_EQ(tx.count_systems("org-a"), 2);
    EXPECT_EQ(tx.count_systems("org-b"), 1);
    EXPECT_EQ(tx.count_systems("org-z"), 0);
    return ok();
  }));
}

TEST_F(Systems, SystemOfAnUnknownOrganizationIsRefused) {
  status s = store().write([&](WriteTx& tx) { return tx.insert_system(system("org-missing", "sys-1", "x")); });
  EXPECT_FALSE(s.has_value());
  EXPECT_FALSE(get("org-missing", "sys-1"));
}

}  // namespace
}  // namespace aims::store::conformance
