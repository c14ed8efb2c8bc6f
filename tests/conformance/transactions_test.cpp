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
