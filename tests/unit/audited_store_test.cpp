// The audited store names each write's actor as the thread that called write saw it, also when
// the store runs the callback on another thread (SQLite's group commit runs a group of queued
// writes on the thread that leads it).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/common/test_store.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audited_store.hpp"

namespace aims {
namespace {

TEST(AuditedStore, ConcurrentWritersAreEachLoggedUnderTheirOwnActor) {
  testing::TempDir dir;
  auto inner = store::open_store(dir.db());
  ASSERT_TRUE(inner) << inner.error().detail;
  SystemClock clock;
  ledger::AuditedStore store(**inner, clock);
  RandomIds ids;
  accounts::AdminService admin(store, clock, ids);
  auto org = admin.init("Actors", "admin@actors.test", "a long enough password");
  ASSERT_TRUE(org) << org.error().detail;

  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ledger::ActorScope scope("user-" + std::to_string(t));
      for (int i = 0; i < kEach; ++i) {
        std::string id = "rec-" + std::to_string(t) + "-" + std::to_string(i);
        auto s = store.write([&](store::WriteTx& tx) -> status {
          // What the callback's own thread sees is the caller's actor too.
          EXPECT_EQ(ledger::ActorScope::current(), "user-" + std::to_string(t));
          return tx.put_record(store::RecordRow{"actor_probe", org->id, "", id, 1, 0, "", "2026-01-01T00:00:00Z",
                                                "2026-01-01T00:00:00Z", "{\"n\":" + std::to_string(i) + "}"},
                               0);
        });
        EXPECT_TRUE(s) << s.error().detail;
      }
    });
  }
  for (auto& th : threads) th.join();

  int seen = 0;
  ASSERT_TRUE((*inner)->read([&](store::ReadTx& tx) -> status {
    for (const auto& row : tx.list_audit_entries(org->id, 0, 100000)) {
      auto e = boost::json::parse(row.entry).as_object();
      if (e.at("record_type").as_string() != "actor_probe") continue;
      std::string rid(e.at("record_id").as_string());
      std::string t = rid.substr(4, rid.find('-', 4) - 4);
      EXPECT_EQ(std::string(e.at("actor").as_string()), "user-" + t) << rid;
      ++seen;
    }
    return ok();
  }));
  EXPECT_EQ(seen, kThreads * kEach);
}

}  // namespace
}  // namespace aims
