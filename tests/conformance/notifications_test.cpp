// Notifications in the store (store/notifications.hpp, migration v17), the same on SQLite and
// PostgreSQL: webhooks by organization; the delivery queue claimed as a lease — never the same row
// to two claimers, also from two Stores on one database claiming at the same time (FOR UPDATE SKIP
// LOCKED on PostgreSQL) —; an attempt logged only by the claim that holds the row; the log paged
// newest first with every row once; requeue; the scan's sent marks; user choices.
#include <atomic>
#include <set>
#include <thread>

#include "fixture.hpp"
#include "store/notifications.hpp"

namespace aims::store::conformance {
namespace {

NotificationStore& ns(ReadTx& tx) {
  auto* n = notification_store(tx);
  if (!n) throw std::logic_error("no notification store");
  return *n;
}

DeliveryRow delivery(const std::string& org, const std::string& id, const std::string& created, const std::string& due) {
  DeliveryRow d;
  d.id = id;
  d.org_id = org;
  d.channel = "webhook";
  d.target_id = "whk-1";
  d.address = "http://127.0.0.1:9/x";
  d.event_id = "evt-" + id;
  d.event_type = "webhook.test";
  d.body = "{}";
  d.status = "pending";
  d.attempts_left = 3;
  d.next_attempt_at = due;
  d.created_at = created;
  d.updated_at = created;
  return d;
}

class NotificationStoreTest : public SeededStoreTest {
 protected:
  void insert(const DeliveryRow& d) {
    AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return ns(tx).insert_delivery(d); }));
  }
  std::vector<DeliveryRow> claim(Store& s, const std::string& now, const std::string& until, int limit) {
    std::vector<DeliveryRow> out;
    AIMS_EXPECT_OK(s.write([&](WriteTx& tx) -> status {
      out = ns(tx).claim_deliveries(now, until, limit);
      return ok();
    }));
    return out;
  }
};

TEST_F(NotificationStoreTest, WebhooksBelongToTheirOrganization) {
  WebhookRow w{"whk-1", "org-a", "http://h/x", "[\"action.overdue\"]", "d", "whsec_x", "2026-05-01T08:00:00.000Z", "a@x"};
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return ns(tx).insert_webhook(w); }));
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return ns(tx).insert_webhook(w); })), errc::conflict);
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) -> status {
    EXPECT_EQ(ns(tx).list_webhooks("org-a").size(), 1u);
    EXPECT_TRUE(ns(tx).list_webhooks("org-b").empty());
    EXPECT_FALSE(ns(tx).find_webhook("org-b", "whk-1"));
    EXPECT_EQ(ns(tx).find_webhook("org-a", "whk-1")->secret, "whsec_x");
    return ok();
  }));
  insert(delivery("org-a", "d1", "2026-05-01T08:00:00.000Z", "2026-05-01T08:00:00.000Z"));
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return ns(tx).delete_webhook("org-b", "whk-1", "t"); })), errc::not_found);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return ns(tx).delete_webhook("org-a", "whk-1", "2026-05-02T00:00:00.000Z"); }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) -> status {
    auto d = ns(tx).find_delivery("org-a", "d1");
    EXPECT_EQ(d->status, "failed");
    EXPECT_EQ(d->last_error, "endpoint removed");
    EXPECT_FALSE(ns(tx).find_delivery("org-b", "d1"));
    return ok();
  }));
}

TEST_F(NotificationStoreTest, AClaimIsALeaseAndOnlyItsHolderLogsTheAttempt) {
  insert(delivery("org-a", "d1", "2026-05-01T08:00:00.000Z", "2026-05-01T08:00:00.000Z"));
  insert(delivery("org-b", "d2", "2026-05-01T08:00:01.000Z", "2026-05-01T09:00:00.000Z"));  // not due yet
  auto got = claim(store(), "2026-05-01T08:30:00.000Z", "2026-05-01T08:31:00.000Z", 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].id, "d1");
  EXPECT_EQ(got[0].next_attempt_at, "2026-05-01T08:31:00.000Z");
  // Leased: not due again before the lease ends.
  EXPECT_TRUE(claim(store(), "2026-05-01T08:30:30.000Z", "2026-05-01T08:32:00.000Z", 10).empty());
  // The lease ran out (its holder stopped): another claim takes it; the first holder's log is refused.
  auto again = claim(store(), "2026-05-01T08:31:00.000Z", "2026-05-01T08:33:00.000Z", 10);
  ASSERT_EQ(again.size(), 1u);
  AttemptRow a{"d1", 1, "2026-05-01T08:31:10.000Z", 500, "down", "the endpoint answered 500", 12};
  DeliveryRow o = got[0];
  o.attempts = 1;
  o.attempts_left = 2;
  o.next_attempt_at = "2026-05-01T08:40:00.000Z";
  o.last_status = 500;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    EXPECT_FALSE(ns(tx).finish_attempt(got[0], a, o));
    EXPECT_TRUE(ns(tx).finish_attempt(again[0], a, o));
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) -> status {
    auto d = ns(tx).find_delivery("org-a", "d1");
    EXPECT_EQ(d->attempts, 1);
    EXPECT_EQ(d->attempts_left, 2);
    EXPECT_EQ(d->last_status, 500);
    auto log = ns(tx).list_attempts("d1");
    EXPECT_EQ(log.size(), 1u);
    EXPECT_EQ(log.at(0).response_excerpt, "down");
    EXPECT_EQ(log.at(0).duration_ms, 12);
    return ok();
  }));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return ns(tx).requeue_delivery("org-a", "d1", 3, "2026-05-01T08:35:00.000Z"); }));
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return ns(tx).requeue_delivery("org-b", "d1", 3, "t"); })), errc::not_found);
  EXPECT_EQ(claim(store(), "2026-05-01T08:35:00.000Z", "2026-05-01T08:36:00.000Z", 10).size(), 1u);
}

TEST_F(NotificationStoreTest, TwoStoresClaimingAtOnceNeverTakeOneDeliveryTwice) {
  const int kRows = 60;
  for (int i = 0; i < kRows; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "d%03d", i);
    insert(delivery(i % 2 ? "org-a" : "org-b", id, "2026-05-01T08:00:00.000Z", "2026-05-01T08:00:00.000Z"));
  }
  auto second = open_again();
  std::mutex mu;
  std::multiset<std::string> taken;
  std::atomic<bool> failed{false};
  auto worker = [&](Store& s) {
    for (int round = 0; round < 40; ++round) {
      std::vector<DeliveryRow> got;
      auto st = s.write([&](WriteTx& tx) -> status {
        got = ns(tx).claim_deliveries("2026-05-01T08:00:00.000Z", "2026-05-01T09:00:00.000Z", 3);
        return ok();
      });
      if (!st) failed = true;
      std::lock_guard<std::mutex> lock(mu);
      for (const auto& d : got) taken.insert(d.id);
    }
  };
  std::thread t1(worker, std::ref(store())), t2(worker, std::ref(*second)), t3(worker, std::ref(store()));
  t1.join();
  t2.join();
  t3.join();
  EXPECT_FALSE(failed);
  EXPECT_EQ(taken.size(), static_cast<std::size_t>(kRows));
  for (const auto& id : taken) EXPECT_EQ(taken.count(id), 1u) << id << " was claimed twice";
}

TEST_F(NotificationStoreTest, TheLogPagesNewestFirstWithEveryRowOnce) {
  for (int i = 0; i < 7; ++i) {
    auto t = "2026-05-01T08:00:0" + std::to_string(i % 3) + ".000Z";  // ties on created_at
    insert(delivery("org-a", "d" + std::to_string(i), t, t));
  }
  insert(delivery("org-b", "other", "2026-05-01T08:00:09.000Z", "2026-05-01T08:00:09.000Z"));
  std::vector<std::string> seen;
  std::optional<std::pair<std::string, std::string>> before;
  for (int guard = 0; guard < 10; ++guard) {
    DeliveryPage page;
    AIMS_ASSERT_OK(store().read([&](ReadTx& tx) -> status {
      DeliveryQuery q;
      q.org_id = "org-a";
      q.limit = 3;
      q.before = before;
      page = ns(tx).list_deliveries(q);
      return ok();
    }));
    for (const auto& d : page.items) {
      if (!seen.empty()) EXPECT_GE(std::make_pair(before->first, before->second), std::make_pair(d.created_at, d.id));
      seen.push_back(d.id);
      before = std::make_pair(d.created_at, d.id);
    }
    if (!page.more) break;
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 7u);
}

TEST_F(NotificationStoreTest, AnOccurrenceIsMarkedOnceAndChoicesAreKeptPerUser) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    EXPECT_TRUE(ns(tx).mark_sent("org-a", "action.overdue:x:2026-05-01", "webhooks", "t"));
    EXPECT_FALSE(ns(tx).mark_sent("org-a", "action.overdue:x:2026-05-01", "webhooks", "t"));
    EXPECT_TRUE(ns(tx).mark_sent("org-b", "action.overdue:x:2026-05-01", "webhooks", "t"));
    EXPECT_TRUE(ns(tx).mark_sent("org-a", "action.overdue:x:2026-05-01", "user-1", "t"));
    return ok();
  }));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    if (auto s = tx.insert_user(user("user-1", "u@x.test", "2026-05-01T08:00:00.000Z")); !s) return s;
    ns(tx).set_notification_preference("user-1", "action.overdue", false);
    ns(tx).set_notification_preference("user-1", "action.overdue", true);
    ns(tx).set_notification_preference("user-1", "review.due", false);
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) -> status {
    auto p = ns(tx).notification_preferences("user-1");
    EXPECT_EQ(p, (std::vector<std::pair<std::string, bool>>{{"action.overdue", true}, {"review.due", false}}));
    EXPECT_TRUE(ns(tx).notification_preferences("user-2").empty());
    return ok();
  }));
}

}  // namespace
}  // namespace aims::store::conformance
