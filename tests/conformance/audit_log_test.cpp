// The audit log's storage (migration v6): entries appended in seq order with their exact bytes,
// subtree hashes found by (level, index), the tail that refuses a wrong seq, checkpoints, history
// rows pointing at entries, isolation between organizations, and concurrent appenders that never
// leave a gap or a duplicate.
#include <set>

#include "core/merkle.hpp"
#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

AuditEntryRow entry(const std::string& org_id, std::int64_t seq, const std::string& text) {
  return AuditEntryRow{org_id, seq, text, merkle::to_hex(merkle::leaf_hash(text))};
}

class AuditLog : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }

  /// Appends one entry in its own write, at the current size; returns its seq.
  std::int64_t append(const std::string& org_id, const std::string& text) {
    std::int64_t seq = -1;
    AIMS_EXPECT_OK(store().write([&](WriteTx& tx) -> status {
      seq = tx.audit_size(org_id);
      return tx.append_audit_entry(entry(org_id, seq, text), {});
    }));
    return seq;
  }

  std::int64_t size(const std::string& org_id) {
    std::int64_t n = -1;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      n = tx.audit_size(org_id);
      return ok();
    }));
    return n;
  }

  std::vector<AuditEntryRow> entries(const std::string& org_id, std::int64_t from = 0, int limit = 100000) {
    std::vector<AuditEntryRow> out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = tx.list_audit_entries(org_id, from, limit);
      return ok();
    }));
    return out;
  }
};

TEST_F(AuditLog, AppendsInSeqOrderWithExactBytes) {
  EXPECT_EQ(size("org-a"), 0);
  std::string odd = "{\"actor\":\"r\xc3\xa9mi@example.test\",\"note\":\"tab\\there \xe2\x80\x94 \\u0000\"}";
  EXPECT_EQ(append("org-a", "first"), 0);
  EXPECT_EQ(append("org-a", odd), 1);
  EXPECT_EQ(append("org-a", "third"), 2);
  EXPECT_EQ(size("org-a"), 3);
  auto all = entries("org-a");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].seq, 1);
  EXPECT_EQ(all[1].org_id, "org-a");
  EXPECT_EQ(all[1].entry, odd);
  EXPECT_EQ(all[1].leaf_hash, merkle::to_hex(merkle::leaf_hash(odd)));
  auto page = entries("org-a", 1, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].entry, odd);
  EXPECT_TRUE(entries("org-a", 3).empty());
  EXPECT_TRUE(entries("org-a", 0, 0).empty());
}

TEST_F(AuditLog, StoresTheSubtreeHashesAnAppendCompletes) {
  std::vector<std::string> leaves;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 6; ++i) {
      std::string text = "entry " + std::to_string(i);
      auto seq = tx.audit_size("org-a");
      auto leaf = merkle::leaf_hash(text);
      merkle::NodeSource src = [&](int level, std::uint64_t index) {
        return *merkle::from_hex(*tx.find_audit_node("org-a", level, static_cast<std::int64_t>(index)));
      };
      std::vector<AuditNodeRow> nodes;
      for (const auto& n : merkle::completed_by_append(static_cast<std::uint64_t>(seq), leaf, src))
        nodes.push_back(AuditNodeRow{n.level, static_cast<std::int64_t>(n.index), merkle::to_hex(n.hash)});
      if (auto s = tx.append_audit_entry(AuditEntryRow{"org-a", seq, text, merkle::to_hex(leaf)}, nodes); !s) return s;
      leaves.push_back(text);
    }
    return ok();
  }));
  std::vector<merkle::Hash> hashes;
  for (const auto& t : leaves) hashes.push_back(merkle::leaf_hash(t));
  merkle::MemoryTree mem(hashes);
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    EXPECT_EQ(tx.find_audit_node("org-a", 0, 5), merkle::to_hex(hashes[5]));
    EXPECT_EQ(tx.find_audit_node("org-a", 1, 2), merkle::to_hex(merkle::node_hash(hashes[4], hashes[5])));
    EXPECT_EQ(tx.find_audit_node("org-a", 2, 0), merkle::to_hex(mem.source()(2, 0)));
    EXPECT_FALSE(tx.find_audit_node("org-a", 2, 1));  // leaves 4..7 are not complete
    EXPECT_FALSE(tx.find_audit_node("org-a", 0, 6));
    EXPECT_FALSE(tx.find_audit_node("org-b", 0, 0));
    return ok();
  }));
}

TEST_F(AuditLog, RefusesAnEntryThatDoesNotFollowTheTail) {
  append("org-a", "zero");
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.append_audit_entry(entry("org-a", 0, "again"), {}); })),
            errc::internal);
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.append_audit_entry(entry("org-a", 2, "gap"), {}); })),
            errc::internal);
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.append_audit_entry(entry("org-x", 0, "nobody"), {}); })),
            errc::not_found);
  EXPECT_EQ(size("org-a"), 1);
  EXPECT_EQ(entries("org-a").size(), 1u);
}

TEST_F(AuditLog, AnAppendRollsBackWithItsTransaction) {
  append("org-a", "kept");
  status s = store().write([&](WriteTx& tx) -> status {
    if (auto r = tx.append_audit_entry(entry("org-a", 1, "dropped"), {}); !r) return r;
    EXPECT_EQ(tx.audit_size("org-a"), 2);
    return make_error(errc::validation, "changed my mind");
  });
  EXPECT_EQ(code_of(s), errc::validation);
  EXPECT_EQ(size("org-a"), 1);
  EXPECT_EQ(append("org-a", "next"), 1);
  EXPECT_EQ(entries("org-a")[1].entry, "next");
}

TEST_F(AuditLog, OrganizationsHaveSeparateLogs) {
  append("org-a", "a0");
  append("org-a", "a1");
  append("org-b", "b0");
  EXPECT_EQ(size("org-a"), 2);
  EXPECT_EQ(size("org-b"), 1);
  auto b = entries("org-b");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].entry, "b0");
  EXPECT_EQ(b[0].seq, 0);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) {
    return tx.insert_audit_checkpoint(AuditCheckpointRow{"org-a", 2, std::string(64, 'a'), "note a", "2026-05-01T08:00:00.000Z"});
  }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    EXPECT_FALSE(tx.find_audit_checkpoint("org-b", 2));
    EXPECT_TRUE(tx.list_audit_checkpoints("org-b", 10, std::nullopt).empty());
    EXPECT_FALSE(tx.find_audit_node("org-b", 0, 1));
    EXPECT_EQ(tx.list_audit_entries("org-b", 1, 10).size(), 0u);
    return ok();
  }));
}

TEST_F(AuditLog, CheckpointsAreKeptOncePerSizeAndListedLargestFirst) {
  auto cp = [](std::int64_t size, const std::string& note) {
    return AuditCheckpointRow{"org-a", size, std::string(64, 'c'), note, "2026-05-01T08:00:00.000Z"};
  };
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (std::int64_t n : {1, 5, 3})
      if (auto s = tx.insert_audit_checkpoint(cp(n, "note " + std::to_string(n) + "\n")); !s) return s;
    return ok();
  }));
  AIMS_EXPECT_OK(store().write([&](WriteTx& tx) { return tx.insert_audit_checkpoint(cp(3, "note 3\n")); }));
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.insert_audit_checkpoint(cp(3, "other\n")); })),
            errc::conflict);
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto got = tx.find_audit_checkpoint("org-a", 3);
    EXPECT_TRUE(got);
    if (got) {
      EXPECT_EQ(got->note, "note 3\n");
      EXPECT_EQ(got->root_hash, std::string(64, 'c'));
      EXPECT_EQ(got->created_at, "2026-05-01T08:00:00.000Z");
    }
    auto all = tx.list_audit_checkpoints("org-a", 10, std::nullopt);
    std::vector<std::int64_t> sizes;
    for (const auto& c : all) sizes.push_back(c.size);
    EXPECT_EQ(sizes, (std::vector<std::int64_t>{5, 3, 1}));
    auto below = tx.list_audit_checkpoints("org-a", 1, 5);
    EXPECT_EQ(below.size(), 1u);
    if (!below.empty()) {
      EXPECT_EQ(below[0].size, 3);
    }
    return ok();
  }));
}

TEST_F(AuditLog, HistoryRowsKeepTheirEntry) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    auto with = history("org-a", "sys-1", 1);
    with.audit_seq = 7;
    if (auto s = tx.insert_history(with); !s) return s;
    return tx.insert_history(history("org-a", "sys-1", 2));
  }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto rows = tx.list_history("org-a", "system", "sys-1", 10, std::nullopt);
    EXPECT_EQ(rows.size(), 2u);
    if (rows.size() == 2) {
      EXPECT_FALSE(rows[0].audit_seq);
      EXPECT_EQ(rows[1].audit_seq, 7);
    }
    return ok();
  }));
}

TEST_F(AuditLog, ConcurrentAppendersLeaveNoGapAndNoDuplicate) {
  constexpr int kThreads = 4, kEach = 25;
  auto org_of = [](int i) -> std::string { return i % 5 == 0 ? "org-b" : "org-a"; };
  auto text_of = [](int t, int i) { return "writer " + std::to_string(t) + " entry " + std::to_string(i); };
  int failures = run_writers(kThreads, kEach, text_of, [&](int t, int i) {
    return [org_id = org_of(i), text = text_of(t, i)](WriteTx& tx) -> status {
      auto seq = tx.audit_size(org_id);
      return tx.append_audit_entry(entry(org_id, seq, text), {});
    };
  });
  ASSERT_EQ(failures, 0);
  std::set<std::string> seen;
  for (const std::string org_id : {"org-a", "org-b"}) {
    auto all = entries(org_id);
    EXPECT_EQ(size(org_id), static_cast<std::int64_t>(all.size()));
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i)) << org_id;
      EXPECT_TRUE(seen.insert(all[i].entry).second) << "duplicate " << all[i].entry;
    }
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(entries("org-b").size(), static_cast<std::size_t>(kThreads * kEach / 5));
}

// Writers of one organization who save at the same moment all succeed: none runs out of retries
// (on PostgreSQL they queue on the log instead of failing each other). Each write changes a record
// and appends, as every audited write does; eight writers are twice the cores of a small server.
TEST_F(AuditLog, ManyWritersOfOneOrganizationAllSucceed) {
  constexpr int kThreads = 8, kEach = 40;
  auto id_of = [](int t, int i) { return "rec_" + std::to_string(t) + "_" + std::to_string(i); };
  int failures = run_writers(kThreads, kEach, id_of, [&](int t, int i) {
    return [id = id_of(t, i)](WriteTx& tx) -> status {
      RecordRow r{"bench_record", "org-a", "", id, 1, 0, "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z",
                  "{\"title\":\"" + id + "\"}"};
      if (auto put = tx.put_record(r, 0); !put) return put;
      auto seq = tx.audit_size("org-a");
      return tx.append_audit_entry(entry("org-a", seq, "put " + id), {});
    };
  });
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(size("org-a"), kThreads * kEach);
}

}  // namespace
}  // namespace aims::store::conformance
