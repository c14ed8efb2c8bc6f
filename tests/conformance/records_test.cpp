// Records kept as JSON documents: gap assessments, their answers and roadmap actions, and the
// Statement of Applicability (entries and approved versions). Orders, keyset paging, optimistic
// concurrency, organization isolation and rollback.
#include <set>

#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

RecordRow record(const std::string& org_id, const std::string& parent_id, const std::string& id,
                 const std::string& created_at = "2026-01-01T00:00:00.000Z") {
  RecordRow r;
  r.org_id = org_id;
  r.parent_id = parent_id;
  r.id = id;
  r.version = 1;
  r.created_at = created_at;
  r.updated_at = created_at;
  r.doc = "{\"id\":\"" + id + "\"}";
  return r;
}

RecordRow assessment(const std::string& org_id, const std::string& id,
                     const std::string& created_at = "2026-01-01T00:00:00.000Z") {
  return record(org_id, "", id, created_at);
}

RecordRow action(const std::string& org_id, const std::string& assessment_id, const std::string& id,
                 std::int64_t position) {
  RecordRow r = record(org_id, assessment_id, id);
  r.position = position;
  return r;
}

RecordRow soa_version(const std::string& org_id, std::int64_t number) {
  RecordRow r = record(org_id, "", std::to_string(number));
  r.version = number;
  return r;
}

void expect_same_row(const RecordRow& got, const RecordRow& want) {
  EXPECT_EQ(got.org_id, want.org_id);
  EXPECT_EQ(got.parent_id, want.parent_id);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.version, want.version);
  EXPECT_EQ(got.position, want.position);
  EXPECT_EQ(got.created_at, want.created_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(got.doc, want.doc);
}

std::vector<std::string> ids_of(const std::vector<RecordRow>& rows) {
  std::vector<std::string> out;
  for (const RecordRow& r : rows) out.push_back(r.id);
  return out;
}

using Ids = std::vector<std::string>;

const std::string kOddDoc =
    "{ \"title\" :\"Lücke — 差距 😀\",\n\t\"a\":[1,2.50,null],\"q\":\"it's \\\"quoted\\\" \\\\ ?\"}";

class Records : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }
  status w(const std::function<status(WriteTx&)>& fn) { return store().write(fn); }
  void must(const std::function<status(WriteTx&)>& fn) { AIMS_ASSERT_OK(store().write(fn)); }
  template <class F>
  void r(F fn) {
    AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
      fn(tx);
      return ok();
    }));
  }
  void add_assessment(const RecordRow& a) { must([&](WriteTx& tx) { return tx.insert_assessment(a); }); }
};

// ---- Assessments -----------------------------------------------------------------------------

TEST_F(Records, AssessmentRoundTripsWithExactDocAndIdIsUniquePerOrganization) {
  RecordRow a = assessment("org-a", "as-1", "2026-03-01T10:00:00.123Z");
  a.version = 4;
  a.updated_at = "2026-03-02T11:00:00.456Z";
  a.doc = kOddDoc;
  add_assessment(a);
  r([&](ReadTx& tx) {
    auto got = tx.find_assessment("org-a", "as-1");
    ASSERT_TRUE(got);
    expect_same_row(*got, a);
    EXPECT_FALSE(tx.find_assessment("org-a", "as-2"));
  });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.insert_assessment(assessment("org-a", "as-1")); })), errc::conflict);
  // The same id in another organization is another record.
  add_assessment(assessment("org-b", "as-1"));
  r([&](ReadTx& tx) { EXPECT_EQ(tx.find_assessment("org-a", "as-1")->doc, kOddDoc); });
}

TEST_F(Records, AConflictingInsertLeavesTheTransactionUsable) {
  add_assessment(assessment("org-a", "as-1"));
  must([&](WriteTx& tx) -> status {
    if (auto s = tx.insert_soa_version(soa_version("org-a", 1)); !s) return s;
    if (auto s = tx.put_soa_entry(record("org-a", "", "A.2.2"), 0); !s) return s;
    return tx.put_answer(record("org-a", "as-1", "A.1"), 0);
  });
  must([&](WriteTx& tx) -> status {
    EXPECT_EQ(code_of(tx.insert_assessment(assessment("org-a", "as-1"))), errc::conflict);
    EXPECT_EQ(code_of(tx.insert_soa_version(soa_version("org-a", 1))), errc::conflict);
    EXPECT_EQ(code_of(tx.put_soa_entry(record("org-a", "", "A.2.2"), 0)), errc::conflict);
    EXPECT_EQ(code_of(tx.put_answer(record("org-a", "as-1", "A.1"), 0)), errc::conflict);
    return tx.insert_assessment(assessment("org-a", "as-2"));
  });
  r([&](ReadTx& tx) { EXPECT_TRUE(tx.find_assessment("org-a", "as-2")); });
}

TEST_F(Records, AnAssessmentOfAnUnknownOrganizationFailsTheWrite) {
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.insert_assessment(assessment("org-x", "as-1")); })),
            errc::not_found);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_soa_entry(record("org-x", "", "A.2.2"), 0); })),
            errc::not_found);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.insert_soa_version(soa_version("org-x", 1)); })),
            errc::not_found);
}

TEST_F(Records, UpdateAssessmentComparesVersions) {
  add_assessment(assessment("org-a", "as-1"));
  RecordRow next = assessment("org-a", "as-1");
  next.version = 2;
  next.updated_at = "2026-01-02T00:00:00.000Z";
  next.doc = "{\"v\":2}";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_assessment(next, 2); })), errc::precondition_failed);
  must([&](WriteTx& tx) { return tx.update_assessment(next, 1); });
  r([&](ReadTx& tx) { expect_same_row(*tx.find_assessment("org-a", "as-1"), next); });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_assessment(next, 1); })), errc::precondition_failed);
  RecordRow missing = assessment("org-a", "as-9");
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_assessment(missing, 1); })), errc::not_found);
}

TEST_F(Records, AssessmentsListNewestFirstWithIdBreakingTies) {
  add_assessment(assessment("org-a", "b", "2026-01-02T00:00:00.000Z"));
  add_assessment(assessment("org-a", "a", "2026-01-02T00:00:00.000Z"));
  add_assessment(assessment("org-a", "z", "2026-01-01T00:00:00.000Z"));
  add_assessment(assessment("org-a", "c", "2026-01-03T00:00:00.000Z"));
  add_assessment(assessment("org-b", "other", "2026-01-04T00:00:00.000Z"));
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_assessments("org-a", 10, std::nullopt)), (Ids{"c", "b", "a", "z"}));
    EXPECT_EQ(ids_of(tx.list_assessments("org-a", 2, std::nullopt)), (Ids{"c", "b"}));
    EXPECT_EQ(ids_of(tx.list_assessments("org-a", 10, std::pair<std::string, std::string>{"2026-01-02T00:00:00.000Z",
                                                                                       "b"})),
              (Ids{"a", "z"}));
    EXPECT_TRUE(tx.list_assessments("org-a", 0, std::nullopt).empty());
    EXPECT_TRUE(tx.list_assessments("org-a", -1, std::nullopt).empty());
    EXPECT_EQ(ids_of(tx.list_assessments("org-b", 10, std::nullopt)), (Ids{"other"}));
    EXPECT_TRUE(tx.list_assessments("org-c", 10, std::nullopt).empty());
    auto rows = tx.list_assessments("org-a", 1, std::nullopt);
    ASSERT_EQ(rows.size(), 1u);
    expect_same_row(rows[0], assessment("org-a", "c", "2026-01-03T00:00:00.000Z"));
  });
}

TEST_F(Records, AssessmentKeysetPagingVisitsEveryRowOnce) {
  must([&](WriteTx& tx) -> status {
    for (int i = 0; i < 23; ++i) {
      // Many equal times so that ties are broken by id across page boundaries.
      std::string at = "2026-01-0" + std::to_string(1 + i % 4) + "T00:00:00.000Z";
      char id[16];
      std::snprintf(id, sizeof id, "as-%02d", (i * 7) % 23);
      if (auto s = tx.insert_assessment(assessment("org-a", id, at)); !s) return s;
    }
    return tx.insert_assessment(assessment("org-b", "as-b", "2026-01-02T00:00:00.000Z"));
  });
  std::vector<RecordRow> all;
  std::optional<std::pair<std::string, std::string>> before;
  for (int pages = 0; pages < 20; ++pages) {
    std::vector<RecordRow> page;
    r([&](ReadTx& tx) { page = tx.list_assessments("org-a", 5, before); });
    if (page.empty()) break;
    EXPECT_LE(page.size(), 5u);
    all.insert(all.end(), page.begin(), page.end());
    before = std::pair{page.back().created_at, page.back().id};
  }
  ASSERT_EQ(all.size(), 23u);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(seen.insert(all[i].id).second) << "repeated " << all[i].id;
    EXPECT_EQ(all[i].org_id, "org-a");
    if (i > 0) {
      EXPECT_GT(std::pair(all[i - 1].created_at, all[i - 1].id), std::pair(all[i].created_at, all[i].id));
    }
  }
}

// ---- Answers ---------------------------------------------------------------------------------

TEST_F(Records, AnswersArePutByVersionAndListedByItemId) {
  add_assessment(assessment("org-a", "as-1"));
  add_assessment(assessment("org-a", "as-2"));
  RecordRow a1 = record("org-a", "as-1", "A.6.2");
  a1.doc = kOddDoc;
  must([&](WriteTx& tx) -> status {
    for (const char* item : {"B.1", "A.6.2", "A.10", "4.1"})
      if (auto s = tx.put_answer(item == std::string("A.6.2") ? a1 : record("org-a", "as-1", item), 0); !s) return s;
    return tx.put_answer(record("org-a", "as-2", "A.6.2"), 0);
  });
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_answers("org-a", "as-1")), (Ids{"4.1", "A.10", "A.6.2", "B.1"}));  // bytewise
    EXPECT_EQ(ids_of(tx.list_answers("org-a", "as-2")), (Ids{"A.6.2"}));
    EXPECT_TRUE(tx.list_answers("org-a", "as-3").empty());
    auto got = tx.find_answer("org-a", "as-1", "A.6.2");
    ASSERT_TRUE(got);
    expect_same_row(*got, a1);
    EXPECT_FALSE(tx.find_answer("org-a", "as-1", "A.9"));
  });
  // Insert again: conflict. Replace: compare-and-swap on the version.
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_answer(record("org-a", "as-1", "B.1"), 0); })), errc::conflict);
  RecordRow next = record("org-a", "as-1", "B.1");
  next.version = 2;
  next.doc = "{\"answer\":\"yes\"}";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_answer(next, 5); })), errc::precondition_failed);
  must([&](WriteTx& tx) { return tx.put_answer(next, 1); });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_answer(next, 1); })), errc::precondition_failed);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_answer(record("org-a", "as-1", "C.1"), 1); })),
            errc::not_found);
  r([&](ReadTx& tx) { expect_same_row(*tx.find_answer("org-a", "as-1", "B.1"), next); });
}

TEST_F(Records, AnAnswerNeedsAnAssessmentOfItsOwnOrganization) {
  add_assessment(assessment("org-b", "as-b"));
  must([&](WriteTx& tx) -> status {
    // An answer is an answer, not a failed statement: the transaction goes on.
    EXPECT_EQ(code_of(tx.put_answer(record("org-a", "as-b", "A.1"), 0)), errc::not_found);
    EXPECT_EQ(code_of(tx.put_answer(record("org-a", "as-none", "A.1"), 0)), errc::not_found);
    return tx.insert_assessment(assessment("org-a", "as-a"));
  });
  r([&](ReadTx& tx) {
    EXPECT_TRUE(tx.list_answers("org-a", "as-b").empty());
    EXPECT_TRUE(tx.list_answers("org-b", "as-b").empty());
    EXPECT_TRUE(tx.find_assessment("org-a", "as-a"));
  });
}

// ---- Roadmap actions -------------------------------------------------------------------------

TEST_F(Records, RoadmapActionsAreReplacedWholeAndListedByPositionThenId) {
  add_assessment(assessment("org-a", "as-1"));
  add_assessment(assessment("org-a", "as-2"));
  RecordRow odd = action("org-a", "as-1", "act-b", 1);
  odd.doc = kOddDoc;
  must([&](WriteTx& tx) -> status {
    if (auto s = tx.replace_roadmap_actions("org-a", "as-2", {action("org-a", "as-2", "keep", 1)}); !s) return s;
    return tx.replace_roadmap_actions("org-a", "as-1",
                                      {action("org-a", "as-1", "act-c", 2), odd, action("org-a", "as-1", "act-a", 1),
                                       action("org-a", "as-1", "act-0", 3)});
  });
  r([&](ReadTx& tx) {
    auto rows = tx.list_roadmap_actions("org-a", "as-1");
    EXPECT_EQ(ids_of(rows), (Ids{"act-a", "act-b", "act-c", "act-0"}));
    ASSERT_EQ(rows.size(), 4u);
    expect_same_row(rows[1], odd);
  });
  // Replacing removes the actions not given again; the other assessment keeps its own.
  must([&](WriteTx& tx) {
    return tx.replace_roadmap_actions("org-a", "as-1", {action("org-a", "as-1", "act-new", 1)});
  });
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-1")), (Ids{"act-new"}));
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-2")), (Ids{"keep"}));
  });
  must([&](WriteTx& tx) { return tx.replace_roadmap_actions("org-a", "as-1", {}); });
  r([&](ReadTx& tx) { EXPECT_TRUE(tx.list_roadmap_actions("org-a", "as-1").empty()); });
}

TEST_F(Records, AReplaceThatIsRefusedChangesNothing) {
  add_assessment(assessment("org-a", "as-1"));
  add_assessment(assessment("org-b", "as-b"));
  must([&](WriteTx& tx) { return tx.replace_roadmap_actions("org-a", "as-1", {action("org-a", "as-1", "old", 1)}); });
  must([&](WriteTx& tx) -> status {
    EXPECT_EQ(code_of(tx.replace_roadmap_actions(
                  "org-a", "as-1", {action("org-a", "as-1", "dup", 1), action("org-a", "as-1", "dup", 2)})),
              errc::conflict);
    // An action that names another assessment or organization is refused.
    EXPECT_FALSE(tx.replace_roadmap_actions("org-a", "as-1", {action("org-b", "as-1", "x", 1)}));
    EXPECT_FALSE(tx.replace_roadmap_actions("org-a", "as-1", {action("org-a", "as-2", "x", 1)}));
    // Under an assessment of another organization, or none: not_found.
    EXPECT_EQ(code_of(tx.replace_roadmap_actions("org-a", "as-b", {action("org-a", "as-b", "x", 1)})),
              errc::not_found);
    EXPECT_EQ(code_of(tx.replace_roadmap_actions("org-a", "as-9", {})), errc::not_found);
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-1")), (Ids{"old"}));
    return ok();
  });
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-1")), (Ids{"old"}));
    EXPECT_TRUE(tx.list_roadmap_actions("org-a", "as-b").empty());
    EXPECT_TRUE(tx.list_roadmap_actions("org-b", "as-b").empty());
  });
}

TEST_F(Records, UpdateRoadmapActionComparesVersionsAndMayMoveIt) {
  add_assessment(assessment("org-a", "as-1"));
  must([&](WriteTx& tx) {
    return tx.replace_roadmap_actions("org-a", "as-1",
                                      {action("org-a", "as-1", "a1", 1), action("org-a", "as-1", "a2", 2)});
  });
  RecordRow next = action("org-a", "as-1", "a1", 3);
  next.version = 2;
  next.doc = "{\"done\":true}";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_roadmap_action(next, 2); })), errc::precondition_failed);
  must([&](WriteTx& tx) { return tx.update_roadmap_action(next, 1); });
  r([&](ReadTx& tx) {
    auto rows = tx.list_roadmap_actions("org-a", "as-1");
    EXPECT_EQ(ids_of(rows), (Ids{"a2", "a1"}));
    ASSERT_EQ(rows.size(), 2u);
    expect_same_row(rows[1], next);
  });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_roadmap_action(action("org-a", "as-1", "a9", 1), 1); })),
            errc::not_found);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.update_roadmap_action(action("org-a", "as-2", "a2", 1), 1); })),
            errc::not_found);
}

// ---- Statement of Applicability --------------------------------------------------------------

TEST_F(Records, SoaEntriesArePutByVersionAndListedByControlId) {
  RecordRow e = record("org-a", "", "A.2.2");
  e.doc = kOddDoc;
  must([&](WriteTx& tx) -> status {
    for (const char* c : {"A.10.2", "A.3.2", "A.2.3"})
      if (auto s = tx.put_soa_entry(record("org-a", "", c), 0); !s) return s;
    if (auto s = tx.put_soa_entry(record("org-b", "", "A.9.9"), 0); !s) return s;
    return tx.put_soa_entry(e, 0);
  });
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_soa_entries("org-a")), (Ids{"A.10.2", "A.2.2", "A.2.3", "A.3.2"}));
    EXPECT_EQ(ids_of(tx.list_soa_entries("org-b")), (Ids{"A.9.9"}));
    expect_same_row(*tx.find_soa_entry("org-a", "A.2.2"), e);
    EXPECT_FALSE(tx.find_soa_entry("org-a", "A.9.9"));
  });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_soa_entry(record("org-a", "", "A.2.2"), 0); })),
            errc::conflict);
  RecordRow next = record("org-a", "", "A.2.2");
  next.version = 2;
  next.doc = "{\"applicable\":false}";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_soa_entry(next, 2); })), errc::precondition_failed);
  must([&](WriteTx& tx) { return tx.put_soa_entry(next, 1); });
  r([&](ReadTx& tx) { expect_same_row(*tx.find_soa_entry("org-a", "A.2.2"), next); });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_soa_entry(record("org-a", "", "A.7.7"), 1); })),
            errc::not_found);
}

TEST_F(Records, SoaVersionsAreInsertOnlyAndListedNewestFirst) {
  RecordRow v2 = soa_version("org-a", 2);
  v2.doc = kOddDoc;
  must([&](WriteTx& tx) -> status {
    for (std::int64_t n : {1, 10, 3})
      if (auto s = tx.insert_soa_version(soa_version("org-a", n)); !s) return s;
    if (auto s = tx.insert_soa_version(soa_version("org-b", 2)); !s) return s;
    return tx.insert_soa_version(v2);
  });
  r([&](ReadTx& tx) {
    auto rows = tx.list_soa_versions("org-a");
    EXPECT_EQ(ids_of(rows), (Ids{"10", "3", "2", "1"}));  // numerically, not as text
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].version, 10);
    expect_same_row(rows[2], v2);
    auto got = tx.find_soa_version("org-a", 2);
    ASSERT_TRUE(got);
    expect_same_row(*got, v2);
    EXPECT_FALSE(tx.find_soa_version("org-a", 4));
    EXPECT_EQ(ids_of(tx.list_soa_versions("org-b")), (Ids{"2"}));
  });
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.insert_soa_version(soa_version("org-a", 3)); })), errc::conflict);
  r([&](ReadTx& tx) { EXPECT_EQ(tx.find_soa_version("org-a", 3)->doc, soa_version("org-a", 3).doc); });
}

// ---- Isolation and rollback ------------------------------------------------------------------

TEST_F(Records, RecordsOfOneOrganizationAreInvisibleThroughAnother) {
  add_assessment(assessment("org-a", "as-1"));
  must([&](WriteTx& tx) -> status {
    if (auto s = tx.put_answer(record("org-a", "as-1", "A.1"), 0); !s) return s;
    if (auto s = tx.replace_roadmap_actions("org-a", "as-1", {action("org-a", "as-1", "act-1", 1)}); !s) return s;
    if (auto s = tx.put_soa_entry(record("org-a", "", "A.2.2"), 0); !s) return s;
    return tx.insert_soa_version(soa_version("org-a", 1));
  });
  r([&](ReadTx& tx) {
    EXPECT_FALSE(tx.find_assessment("org-b", "as-1"));
    EXPECT_TRUE(tx.list_assessments("org-b", 10, std::nullopt).empty());
    EXPECT_TRUE(tx.list_answers("org-b", "as-1").empty());
    EXPECT_FALSE(tx.find_answer("org-b", "as-1", "A.1"));
    EXPECT_TRUE(tx.list_roadmap_actions("org-b", "as-1").empty());
    EXPECT_TRUE(tx.list_soa_entries("org-b").empty());
    EXPECT_FALSE(tx.find_soa_entry("org-b", "A.2.2"));
    EXPECT_TRUE(tx.list_soa_versions("org-b").empty());
    EXPECT_FALSE(tx.find_soa_version("org-b", 1));
  });
  must([&](WriteTx& tx) -> status {
    EXPECT_EQ(code_of(tx.update_assessment(assessment("org-b", "as-1"), 1)), errc::not_found);
    EXPECT_EQ(code_of(tx.put_answer(record("org-b", "as-1", "A.1"), 1)), errc::not_found);
    EXPECT_EQ(code_of(tx.put_answer(record("org-b", "as-1", "A.1"), 0)), errc::not_found);
    EXPECT_EQ(code_of(tx.replace_roadmap_actions("org-b", "as-1", {})), errc::not_found);
    EXPECT_EQ(code_of(tx.update_roadmap_action(action("org-b", "as-1", "act-1", 1), 1)), errc::not_found);
    EXPECT_EQ(code_of(tx.put_soa_entry(record("org-b", "", "A.2.2"), 1)), errc::not_found);
    return ok();
  });
  // The same keys in org B are B's own records and leave A's untouched.
  add_assessment(assessment("org-b", "as-1"));
  must([&](WriteTx& tx) -> status {
    if (auto s = tx.put_answer(record("org-b", "as-1", "A.1"), 0); !s) return s;
    if (auto s = tx.replace_roadmap_actions("org-b", "as-1", {}); !s) return s;
    if (auto s = tx.put_soa_entry(record("org-b", "", "A.2.2"), 0); !s) return s;
    return tx.insert_soa_version(soa_version("org-b", 1));
  });
  r([&](ReadTx& tx) {
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-1")), (Ids{"act-1"}));
    EXPECT_EQ(tx.list_answers("org-a", "as-1").size(), 1u);
    EXPECT_EQ(tx.list_soa_entries("org-a").size(), 1u);
    EXPECT_EQ(tx.list_soa_versions("org-a").size(), 1u);
  });
}

TEST_F(Records, AFailedWriteLeavesNothing) {
  add_assessment(assessment("org-a", "as-0"));
  must([&](WriteTx& tx) { return tx.replace_roadmap_actions("org-a", "as-0", {action("org-a", "as-0", "old", 1)}); });
  status s = w([&](WriteTx& tx) -> status {
    if (auto x = tx.insert_assessment(assessment("org-a", "as-1")); !x) return x;
    if (auto x = tx.put_answer(record("org-a", "as-1", "A.1"), 0); !x) return x;
    if (auto x = tx.replace_roadmap_actions("org-a", "as-0", {action("org-a", "as-0", "new", 1)}); !x) return x;
    if (auto x = tx.put_soa_entry(record("org-a", "", "A.2.2"), 0); !x) return x;
    if (auto x = tx.insert_soa_version(soa_version("org-a", 1)); !x) return x;
    EXPECT_TRUE(tx.find_answer("org-a", "as-1", "A.1"));  // visible inside the transaction
    return make_error(errc::validation, "changed my mind");
  });
  EXPECT_EQ(code_of(s), errc::validation);
  r([&](ReadTx& tx) {
    EXPECT_FALSE(tx.find_assessment("org-a", "as-1"));
    EXPECT_EQ(ids_of(tx.list_assessments("org-a", 10, std::nullopt)), (Ids{"as-0"}));
    EXPECT_TRUE(tx.list_answers("org-a", "as-1").empty());
    EXPECT_EQ(ids_of(tx.list_roadmap_actions("org-a", "as-0")), (Ids{"old"}));
    EXPECT_TRUE(tx.list_soa_entries("org-a").empty());
    EXPECT_TRUE(tx.list_soa_versions("org-a").empty());
  });
}

TEST_F(Records, RecordsSurviveReopening) {
  add_assessment(assessment("org-a", "as-1"));
  must([&](WriteTx& tx) { return tx.insert_soa_version(soa_version("org-a", 1)); });
  close();
  auto again = open_again();
  ASSERT_TRUE(again);
  AIMS_ASSERT_OK(again->read([](ReadTx& tx) {
    EXPECT_TRUE(tx.find_assessment("org-a", "as-1"));
    EXPECT_TRUE(tx.find_soa_version("org-a", 1));
    return ok();
  }));
}

}  // namespace
}  // namespace aims::store::conformance
