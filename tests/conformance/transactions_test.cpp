// Transactions: rollback, retries, concurrent writers and readers, reopening, concurrent opens.
#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

using namespace std::chrono_literals;

class Transactions : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }
  std::int64_t count(Store& s, const std::string& org_id = "org-a") {
    std::int64_t n = -1;
    EXPECT_TRUE(s.read([&](ReadTx& tx) {
      n = tx.count_systems(org_id);
      return ok();
    }));
    return n;
  }
};

TEST_F(Transactions, WriteRollsBackEverythingWhenTheCallbackFails) {
  status s = store().write([&](WriteTx& tx) -> status {
    if (auto r = tx.insert_system(system("org-a", "sys-1", "one")); !r) return r;
    if (auto r = tx.insert_history(history("org-a", "sys-1", 1)); !r) return r;
    if (auto r = tx.insert_org(org("org-c", "Org C", "2026-01-01T00:00:00.000Z")); !r) return r;
    EXPECT_TRUE(tx.find_system("org-a", "sys-1"));  // visible inside the transaction
    return make_error(errc::validation, "changed my mind", {{"name", 0, "too short"}});
  });
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, errc::validation);  // the callback's error, as is
  EXPECT_EQ(s.error().detail, "changed my mind");
  ASSERT_EQ(s.error().errors.size(), 1u);
  EXPECT_EQ(s.error().errors[0].field, "name");
  EXPECT_FALSE(get("org-a", "sys-1"));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_org("org-c"));
    EXPECT_TRUE(tx.list_history("org-a", "system", "sys-1", 10, std::nullopt).empty());
    return ok();
  }));
}

TEST_F(Transactions, AnExceptionFromTheCallbackRollsBackAndPropagates) {
  EXPECT_THROW(store().write([&](WriteTx& tx) -> status {
    (void)tx.insert_system(system("org-a", "sys-1", "one"));
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_FALSE(get("org-a", "sys-1"));
  put(system("org-a", "sys-2", "two"));  // the store is still usable
  EXPECT_TRUE(get("org-a", "sys-2"));
}

TEST_F(Transactions, ReadReturnsTheCallbacksErrorAsIs) {
  status s = store().read([](ReadTx&) { return status(make_error(errc::forbidden, "not yours")); });
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, errc::forbidden);
  EXPECT_EQ(s.error().detail, "not yours");
}

TEST_F(Transactions, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 4, kEach = 50;
  auto id_of = [](int t, int i) { return "sys-" + std::to_string(t) + "-" + std::to_string(i); };
  int failures = run_writers(kThreads, kEach, id_of, [&](int t, int i) {
    return [id = id_of(t, i)](WriteTx& tx) -> status {
      if (auto r = tx.insert_system(system("org-a", id, "name " + id)); !r) return r;
      return tx.insert_history(history("org-a", id, 1));
    };
  });
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(count(store()), kThreads * kEach);
}

// Writes that arrive together share a commit on SQLite (group commit); on every backend each
// write ends as if it ran alone: a callback that fails, throws or breaks a unique key leaves
// nothing and takes none of the others down. The first write holds the writer until the others
// have called write, so that they queue behind it and run as one group.
TEST_F(Transactions, WritesThatArriveTogetherEndAsIfAlone) {
  put(system("org-a", "taken", "already there"));
  constexpr int kOthers = 9;
  auto before = tx_figures();
  std::atomic<int> calling{0};
  std::atomic<bool> started{false};
  std::vector<status> results(kOthers);
  std::vector<bool> threw(kOthers, false);
  std::thread first([&] {
    AIMS_EXPECT_OK(store().write([&](WriteTx& tx) -> status {
      started = true;
      while (calling.load() < kOthers) std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(300ms);  // the others are in write() by now
      return tx.insert_system(system("org-a", "first", "first"));
    }));
  });
  std::vector<std::thread> others;
  for (int t = 0; t < kOthers; ++t) {
    others.emplace_back([&, t] {
      // One after another, once the first write runs: they queue behind it.
      while (!started.load() || calling.load() < t) std::this_thread::sleep_for(1ms);
      std::string id = "w" + std::to_string(t);
      auto fn = [&, t, id](WriteTx& tx) -> status {
        if (auto r = tx.insert_system(system("org-a", id, id)); !r) return r;
        if (auto r = tx.insert_history(history("org-a", id, 1)); !r) return r;
        if (t == 2) return make_error(errc::validation, "refused", {{"name", 0, "bad"}});
        if (t == 4) throw std::runtime_error("bug in writer 4");
        if (t == 6) return tx.insert_system(system("org-a", "taken", "again"));  // unique key broken
        return ok();
      };
      ++calling;
      try {
        results[t] = store().write(fn);
      } catch (const std::runtime_error&) {
        threw[t] = true;
      }
    });
  }
  first.join();
  for (auto& th : others) th.join();
  EXPECT_TRUE(get("org-a", "first"));
  for (int t = 0; t < kOthers; ++t) {
    std::string id = "w" + std::to_string(t);
    bool fails = t == 2 || t == 4 || t == 6;
    EXPECT_EQ(static_cast<bool>(get("org-a", id)), !fails) << id;
    EXPECT_EQ(threw[t], t == 4) << id;
    if (t == 4) continue;
    EXPECT_EQ(results[t].has_value(), !fails) << id << (results[t] ? "" : ": " + results[t].error().detail);
  }
  ASSERT_FALSE(results[2]);
  EXPECT_EQ(results[2].error().code, errc::validation);
  EXPECT_EQ(results[2].error().detail, "refused");
  ASSERT_FALSE(results[6]);
  EXPECT_EQ(results[6].error().code, errc::conflict);
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_TRUE(tx.list_history("org-a", "system", "w2", 10, std::nullopt).empty());
    EXPECT_EQ(tx.list_history("org-a", "system", "w3", 10, std::nullopt).size(), 1u);
    EXPECT_EQ(tx.find_system("org-a", "taken")->name_key, "already there");
    return ok();
  }));
  auto after = tx_figures();
  if (store().backend() == "sqlite") {
    // 1 + 9 writes; the 9 queued behind the first share fewer commits than there are writes.
    EXPECT_EQ(after.writes - before.writes, 1u + kOthers);
    EXPECT_LT(after.group_commits - before.group_commits, static_cast<std::uint64_t>(kOthers));
    EXPECT_GE(after.group_commits - before.group_commits, 1u);
  }
  put(system("org-a", "later", "later"));  // the store is still usable
  EXPECT_TRUE(get("org-a", "later"));
}

TEST_F(Transactions, ConcurrentReadModifyWritesAreRetriedNotLost) {
  put(system("org-a", "sys-1", "counter"));
  constexpr int kThreads = 4, kEach = 10;
  std::atomic<int> runs{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        status s = store().write([&](WriteTx& tx) -> status {
          ++runs;
          auto cur = tx.find_system("org-a", "sys-1");
          if (!cur) return make_error(errc::not_found, "gone");
          SystemRow next = *cur;
          next.version = cur->version + 1;
          return tx.update_system(next, cur->version);
        });
        if (!s) ADD_FAILURE() << s.error().detail;
      }
    });
  }
  for (auto& th : threads) th.join();
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 1 + kThreads * kEach);
  EXPECT_GE(runs.load(), kThreads * kEach);
  std::cout << "[ retries  ] " << runs.load() - kThreads * kEach << " callback re-runs on " << store().backend() << "\n";
}

TEST_F(Transactions, AReadSeesOneSnapshotWhileOthersCommit) {
  put(system("org-a", "sys-1", "one"));
  std::promise<void> first_read, committed;
  std::thread writer([&] {
    first_read.get_future().wait();
    put(system("org-a", "sys-2", "two"));
    committed.set_value();
  });
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    EXPECT_EQ(tx.count_systems("org-a"), 1);
    first_read.set_value();
    EXPECT_EQ(committed.get_future().wait_for(10s), std::future_status::ready);
    EXPECT_EQ(tx.count_systems("org-a"), 1);  // still the snapshot of the first read
    EXPECT_FALSE(tx.find_system("org-a", "sys-2"));
    return ok();
  }));
  writer.join();
  EXPECT_EQ(count(store()), 2);  // a new read sees the commit
}

TEST_F(Transactions, AWriterInAnotherStoreWaitsInsteadOfFailing) {
  auto other = open_again();
  ASSERT_TRUE(other);
  std::promise<void> holding;
  std::thread slow([&] {
    AIMS_EXPECT_OK(store().write([&](WriteTx& tx) -> status {
      if (auto r = tx.insert_system(system("org-a", "sys-1", "one")); !r) return r;
      holding.set_value();
      std::this_thread::sleep_for(300ms);  // keep the transaction open
      return ok();
    }));
  });
  holding.get_future().wait();
  AIMS_EXPECT_OK(other->write([&](WriteTx& tx) { return tx.insert_system(system("org-a", "sys-2", "two")); }));
  slow.join();
  EXPECT_EQ(count(store()), 2);
  EXPECT_EQ(count(*other), 2);
}

TEST_F(Transactions, CommittedDataSurvivesReopening) {
  put(system("org-a", "sys-1", "one"));
  close();
  auto reopened = open_again();  // migrations already applied: a no-op
  ASSERT_TRUE(reopened);
  EXPECT_EQ(count(*reopened), 1);
  AIMS_EXPECT_OK(reopened->read([](ReadTx& tx) {
    EXPECT_TRUE(tx.find_org("org-b"));
    return ok();
  }));
}

TEST_F(Transactions, StoresOpenedAtOnceShareOneSchema) {
  close();
  constexpr int kOpeners = 4;
  std::vector<std::unique_ptr<Store>> stores(kOpeners);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpeners; ++i) threads.emplace_back([&, i] { stores[i] = open_again(); });
  for (auto& th : threads) th.join();
  for (int i = 0; i < kOpeners; ++i) {
    ASSERT_TRUE(stores[i]) << "opener " << i;
    std::string id = "sys-" + std::to_string(i);
    AIMS_EXPECT_OK(stores[i]->write([&](WriteTx& tx) { return tx.insert_system(system("org-a", id, id)); }));
  }
  for (auto& s : stores) EXPECT_EQ(count(*s), kOpeners);
}

TEST_F(Transactions, HealthyAndNamesItsBackend) {
  EXPECT_TRUE(store().healthy());
  EXPECT_EQ(store().backend(), test_backend());
}

TEST_F(Transactions, ReadsInsideAWriteSeeItsOwnChanges) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    if (auto r = tx.insert_system(system("org-a", "sys-1", "one")); !r) return r;
    EXPECT_EQ(tx.count_systems("org-a"), 1);
    SystemQuery q;
    q.org_id = "org-a";
    EXPECT_EQ(tx.list_systems(q).total, 1);
    SystemRow next = system("org-a", "sys-1", "uno");
    next.version = 2;
    if (auto r = tx.update_system(next, 1); !r) return r;
    auto got = tx.find_system_by_name_key("org-a", "uno");
    EXPECT_TRUE(got);
    if (got) { EXPECT_EQ(got->version, 2); }
    return ok();
  }));
}

}  // namespace
}  // namespace aims::store::conformance
