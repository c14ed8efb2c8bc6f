// History rows and their audit entries (docs/formats/audit-log.md §3.4): no two history rows share
// an entry, a history row that finds its record's entry taken gets an entry of its own that hashes
// it, and a history row names the actor its entry names — checked for a bulk write and for every
// history row of the demo organization. On a real SQLite store.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "demo_fixture.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audited_store.hpp"

using namespace aims;
using namespace aims::ledger;

namespace {

class HistoryLinks : public aims::testing::DemoOrg {
 protected:
  HistoryLinks() : DemoOrg(true) {}

  std::vector<Entry> entries() {
    std::vector<Entry> out;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      for (const auto& r : tx.list_audit_entries(org_.id, 0, 1'000'000)) out.push_back(parse_entry(r.entry).value());
      return ok();
    }));
    return out;
  }

  /// Every history row of every record the log names (a history row always names its entry's record).
  std::vector<store::HistoryRow> all_history(const std::vector<Entry>& log) {
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& e : log) {
      keys.insert({e.record_type, e.record_id});
      if (auto slash = e.record_id.rfind('/'); slash != std::string::npos)
        keys.insert({e.record_type, e.record_id.substr(slash + 1)});
    }
    std::vector<store::HistoryRow> out;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      for (const auto& [type, id] : keys)
        for (auto& h : tx.list_history(org_.id, type, id, 1'000'000, std::nullopt)) out.push_back(std::move(h));
      return ok();
    }));
    return out;
  }

};

}  // namespace

TEST_F(HistoryLinks, SeveralRowsOfOneRecordInOneWriteEachGetAnEntryThatHashesThem) {
  ActorScope scope("dana@acme.test");
  auto before = static_cast<std::int64_t>(entries().size());
  store::RecordRow r{"risk", org_.id, "", "risk_9", 1, 0, "", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "{}"};
  std::vector<store::HistoryRow> rows;
  for (int v = 1; v <= 3; ++v)
    rows.push_back({org_.id, "risk", "risk_9", v, r.created_at, "someone-else@acme.test", v == 1 ? "create" : "note",
                    R"([{"field":"n","from":null,"to":)" + std::to_string(v) + "}]"});
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.put_record(r, 0); !s) return s;
    for (const auto& h : rows)
      if (auto s = tx.insert_history(h); !s) return s;
    return ok();
  }));
  auto log = entries();
  ASSERT_EQ(static_cast<std::int64_t>(log.size()), before + 3);  // the change, then one entry per further row
  std::vector<store::HistoryRow> stored;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    stored = tx.list_history(org_.id, "risk", "risk_9", 10, std::nullopt);
    return ok();
  }));
  ASSERT_EQ(stored.size(), 3u);
  std::set<std::int64_t> seqs;
  for (const auto& h : stored) {
    ASSERT_TRUE(h.audit_seq);
    seqs.insert(*h.audit_seq);
    const auto& e = log.at(static_cast<std::size_t>(*h.audit_seq));
    EXPECT_EQ(h.actor, "dana@acme.test") << "the history names the transaction's actor";
    EXPECT_EQ(e.actor, h.actor);
    EXPECT_EQ(e.record_type, "risk");
    EXPECT_EQ(e.record_id, "risk_9");
    if (h.version == 1) {
      EXPECT_EQ(e.op, "create");
      EXPECT_EQ(e.content_sha256, content_hash(record_content(r)).value());
    } else {
      EXPECT_EQ(e.op, "note");
      EXPECT_EQ(e.content_sha256, content_hash(history_content(h)).value()) << "entry " << e.seq;
    }
  }
  EXPECT_EQ(seqs.size(), 3u) << "no two history rows share an entry";
}

TEST_F(HistoryLinks, EveryDemoHistoryRowHasAnEntryOfItsOwnNamingTheSameActor) {
  auto log = entries();
  auto rows = all_history(log);
  ASSERT_GT(rows.size(), 200u);
  std::map<std::int64_t, std::string> seen;
  std::map<std::string, int> own;
  for (const auto& h : rows) {
    auto what = h.record_type + " " + h.record_id + " v" + std::to_string(h.version);
    ASSERT_TRUE(h.audit_seq) << what;
    auto [it, fresh] = seen.emplace(*h.audit_seq, what);
    EXPECT_TRUE(fresh) << what << " shares entry " << *h.audit_seq << " with " << it->second;
    const auto& e = log.at(static_cast<std::size_t>(*h.audit_seq));
    EXPECT_EQ(h.actor, "system") << what;
    EXPECT_EQ(e.actor, h.actor) << what;
    EXPECT_EQ(e.record_type, h.record_type) << what;
    EXPECT_TRUE(e.record_id == h.record_id || e.record_id.ends_with("/" + h.record_id)) << what << " -> " << e.record_id;
    if (e.content_sha256 == content_hash(history_content(h)).value()) ++own[h.record_type];
  }
  EXPECT_GT(own["objective_reading"], 50) << "each demo reading is an entry of its own";
}
