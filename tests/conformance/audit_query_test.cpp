// The audit entries page query: keyset on seq in both orders, each filter matched exactly against
// the canonical entry bytes (also where a value looks like another member), and the one-query
// lookups of actors' names and records' documents.
#include <functional>

#include "core/merkle.hpp"
#include "fixture.hpp"
#include "store/audit_entry_queries.hpp"

namespace aims::store::conformance {
namespace {

std::string entry_text(const std::string& actor, const std::string& at, const std::string& op,
                       const std::string& record_id, const std::string& type, std::int64_t seq) {
  return "{\"actor\":\"" + actor + "\",\"at\":\"" + at + "\",\"content_sha256\":\"" + std::string(64, 'a') +
         "\",\"op\":\"" + op + "\",\"org\":\"org-a\",\"record_id\":\"" + record_id + "\",\"record_type\":\"" +
         type + "\",\"seq\":" + std::to_string(seq) + "}";
}

class AuditQuery : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_orgs();
    struct E { const char* actor; const char* at; const char* op; const char* id; const char* type; };
    const E log[] = {
        {"system", "2026-01-31T23:59:59.999Z", "create", "org-a", "organization"},
        {"ada@example.org", "2026-02-01T00:00:00.000Z", "create", "R-1", "risk"},
        {"ada@example.org", "2026-02-10T12:00:00.000Z", "update", "sys-1", "system"},
        // a record id that holds the text of other members: escaped in the bytes, never matched
        {"bob@example.org", "2026-03-01T09:00:00.000Z", "update", "x\\\",\\\"op\\\":\\\"create", "risk"},
        {"Ada@example.org", "2026-12-31T10:00:00.000Z", "delete", "R-1", "risk_note"},
    };
    AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
      for (std::int64_t seq = 0; seq < 5; ++seq) {
        const auto& e = log[seq];
        auto text = entry_text(e.actor, e.at, e.op, e.id, e.type, seq);
        if (auto s = tx.append_audit_entry({"org-a", seq, text, merkle::to_hex(merkle::leaf_hash(text))}, {}); !s)
          return s;
      }
      return tx.append_audit_entry({"org-b", 0, entry_text("ada@example.org", "2026-02-01T00:00:00.000Z", "create",
                                                           "R-1", "risk", 0), std::string(64, '0')},
                                   {});
    }));
  }

  std::vector<std::int64_t> seqs(const std::function<void(AuditEntryQuery&)>& set) {
    AuditEntryQuery q;
    q.org_id = "org-a";
    set(q);
    std::vector<std::int64_t> out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      for (const auto& r : audit_entry_queries(tx).value()->query_audit_entries(q)) out.push_back(r.seq);
      return ok();
    }));
    return out;
  }
};

using Seqs = std::vector<std::int64_t>;

TEST_F(AuditQuery, PagesOnSeqInBothOrders) {
  EXPECT_EQ(seqs([](AuditEntryQuery&) {}), (Seqs{0, 1, 2, 3, 4}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.from = 2; q.limit = 2; }), (Seqs{2, 3}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.newest_first = true; }), (Seqs{4, 3, 2, 1, 0}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.newest_first = true; q.from = 2; q.limit = 2; }), (Seqs{2, 1}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.limit = 0; }), Seqs{});
}

TEST_F(AuditQuery, FiltersMatchExactly) {
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.record_type = "risk"; }), (Seqs{1, 3}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.record_type = "risk_note"; }), (Seqs{4}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.record_type = "ris"; }), Seqs{});
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.actor = "ada@example.org"; }), (Seqs{1, 2}));  // case matters: "Ada@…" is another actor
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.actor = "ada@example"; }), Seqs{});
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.op = "create"; }), (Seqs{0, 1}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.op = "update"; }), (Seqs{2, 3}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.from_day = "2026-02-01"; }), (Seqs{1, 2, 3, 4}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.to_day = "2026-02-01"; }), (Seqs{0, 1}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.from_day = "2026-02-02"; q.to_day = "2026-12-30"; }), (Seqs{2, 3}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.from_day = "2026-01-31"; q.to_day = "2026-01-31"; }), (Seqs{0}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.from_day = "2026-12-31"; }), (Seqs{4}));
  EXPECT_EQ(seqs([](AuditEntryQuery& q) { q.newest_first = true; q.from = 3; q.record_type = "risk"; q.actor = "ada@example.org"; q.op = "create"; q.from_day = "2026-01-01"; q.to_day = "2026-02-28"; q.limit = 5; }),
            (Seqs{1}));
}

TEST_F(AuditQuery, FindsNamesAndDocumentsOfThePage) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.insert_user(user("u1", "ada@example.org", "2026-01-01T00:00:00.000Z")); }));
  put(system("org-a", "sys-1", "Chatbot"));
  std::vector<std::pair<std::string, std::string>> names, systems, other_org, risks;
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto* aq = audit_entry_queries(tx).value();
    names = aq->find_audit_actor_names({"ada@example.org", "nobody@example.org"});
    systems = aq->find_audit_record_docs("org-a", "system", {"sys-1", "sys-gone"});
    other_org = aq->find_audit_record_docs("org-b", "system", {"sys-1"});
    risks = aq->find_audit_record_docs("org-a", "risk", {"R-1"});
    return ok();
  }));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0], (std::pair<std::string, std::string>{"ada@example.org", "Name of u1"}));
  ASSERT_EQ(systems.size(), 1u);
  EXPECT_EQ(systems[0].first, "sys-1");
  EXPECT_NE(systems[0].second.find("Chatbot"), std::string::npos);
  EXPECT_TRUE(other_org.empty());
  EXPECT_TRUE(risks.empty());
}

}  // namespace
}  // namespace aims::store::conformance
