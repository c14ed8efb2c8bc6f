// Organizations, users, memberships, sessions and API tokens.
#include <atomic>
#include <thread>
#include <vector>

#include "fixture.hpp"
#include "store/account_details.hpp"

namespace aims::store::conformance {
namespace {

class Accounts : public StoreTest {
 protected:
  /// Users u1 and u2, organizations org-a and org-b.
  void seed() {
    seed_orgs();
    AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
      if (auto s = tx.insert_user(user("u1", "ada@example.org", "2026-01-01T00:00:00.000Z")); !s) return s;
      return tx.insert_user(user("u2", "bob@example.org", "2026-01-01T00:00:00.000Z"));
    }));
  }
};

TEST_F(Accounts, OrgIsFoundByIdAndByName) {
  seed_orgs();
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto a = tx.find_org("org-a");
    EXPECT_TRUE(a);
    if (a) {
      EXPECT_EQ(a->name, "Org A");
      EXPECT_EQ(a->created_at, "2026-01-01T00:00:00.000Z");
    }
    auto b = tx.find_org_by_name("Org B");
    EXPECT_TRUE(b);
    if (b) { EXPECT_EQ(b->id, "org-b"); }
    EXPECT_FALSE(tx.find_org("org-z"));
    EXPECT_FALSE(tx.find_org_by_name("org a"));  // names match exactly
    return ok();
  }));
}

TEST_F(Accounts, OrgNameAndIdAreUnique) {
  seed_orgs();
  status same_name = store().write([](WriteTx& tx) { return tx.insert_org(org("org-c", "Org A", "2026-02-01T00:00:00.000Z")); });
  EXPECT_EQ(code_of(same_name), errc::conflict);
  status same_id = store().write([](WriteTx& tx) { return tx.insert_org(org("org-a", "Org C", "2026-02-01T00:00:00.000Z")); });
  EXPECT_EQ(code_of(same_id), errc::conflict);
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_EQ(tx.list_orgs().size(), 2u);
    return ok();
  }));
}

TEST_F(Accounts, OrgsAreListedByCreatedAtThenId) {
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    for (auto o : {org("o3", "Three", "2026-01-02T00:00:00.000Z"), org("o2", "Two", "2026-01-01T00:00:00.000Z"),
                   org("o1", "One", "2026-01-02T00:00:00.000Z"), org("o0", "Zero", "2026-01-03T00:00:00.000Z")})
      if (auto s = tx.insert_org(o); !s) return s;
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    std::vector<std::string> ids;
    for (const auto& o : tx.list_orgs()) ids.push_back(o.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"o2", "o1", "o3", "o0"}));
    return ok();
  }));
}

TEST_F(Accounts, UserIsFoundByIdAndByEmail) {
  seed();
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto u = tx.find_user_by_email("ada@example.org");
    EXPECT_TRUE(u);
    if (u) {
      EXPECT_EQ(u->id, "u1");
      EXPECT_EQ(u->name, "Name of u1");
      EXPECT_EQ(u->password_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
      EXPECT_EQ(u->created_at, "2026-01-01T00:00:00.000Z");
    }
    auto by_id = tx.find_user("u2");
    EXPECT_TRUE(by_id);
    if (by_id) { EXPECT_EQ(by_id->email, "bob@example.org"); }
    EXPECT_FALSE(tx.find_user("u9"));
    EXPECT_FALSE(tx.find_user_by_email("nobody@example.org"));
    return ok();
  }));
}

TEST_F(Accounts, UserEmailIsUnique) {
  seed();
  status dup = store().write([](WriteTx& tx) { return tx.insert_user(user("u3", "ada@example.org", "2026-03-01T00:00:00.000Z")); });
  EXPECT_EQ(code_of(dup), errc::conflict);
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_user("u3"));
    return ok();
  }));
}

TEST_F(Accounts, MembershipsAreListedOldestFirstWithOrgName) {
  seed();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.insert_org(org("org-c", "Org C", "2026-01-01T00:00:02.000Z")); !s) return s;
    if (auto s = tx.insert_membership({"org-b", "ignored", "u1", "viewer", "2026-01-03T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_membership({"org-c", "", "u1", "auditor", "2026-01-02T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_membership({"org-a", "", "u1", "admin", "2026-01-04T00:00:00.000Z"}); !s) return s;
    return tx.insert_membership({"org-a", "", "u2", "manager", "2026-01-01T00:00:00.000Z"});
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto ms = tx.list_memberships("u1");
    EXPECT_EQ(ms.size(), 3u);
    if (ms.size() == 3) {
      EXPECT_EQ(ms[0].org_id, "org-c");
      EXPECT_EQ(ms[0].org_name, "Org C");
      EXPECT_EQ(ms[0].role, "auditor");
      EXPECT_EQ(ms[0].user_id, "u1");
      EXPECT_EQ(ms[1].org_id, "org-b");
      EXPECT_EQ(ms[1].org_name, "Org B");  // from the join, not from the insert
      EXPECT_EQ(ms[2].org_id, "org-a");
      EXPECT_EQ(ms[2].created_at, "2026-01-04T00:00:00.000Z");
    }
    auto m = tx.find_membership("u2", "org-a");
    EXPECT_TRUE(m);
    if (m) {
      EXPECT_EQ(m->role, "manager");
      EXPECT_EQ(m->org_name, "Org A");
    }
    EXPECT_FALSE(tx.find_membership("u2", "org-b"));
    EXPECT_TRUE(tx.list_memberships("u9").empty());
    return ok();
  }));
}

TEST_F(Accounts, MembershipIsUnique) {
  seed();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) { return tx.insert_membership({"org-a", "", "u1", "admin", "2026-01-01T00:00:00.000Z"}); }));
  status dup = store().write([](WriteTx& tx) { return tx.insert_membership({"org-a", "", "u1", "viewer", "2026-01-02T00:00:00.000Z"}); });
  EXPECT_EQ(code_of(dup), errc::conflict);
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto m = tx.find_membership("u1", "org-a");
    EXPECT_TRUE(m);
    if (m) { EXPECT_EQ(m->role, "admin"); }
    return ok();
  }));
}

TEST_F(Accounts, MembershipOfUnknownOrgFailsTheWrite) {
  seed();
  status s = store().write([](WriteTx& tx) -> status {
    if (auto r = tx.insert_org(org("org-c", "Org C", "2026-01-01T00:00:00.000Z")); !r) return r;
    return tx.insert_membership({"org-missing", "", "u1", "admin", "2026-01-01T00:00:00.000Z"});
  });
  EXPECT_EQ(code_of(s), errc::not_found);
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_org("org-c"));  // the whole write was rolled back
    return ok();
  }));
}

TEST_F(Accounts, SessionsAreFoundByHashAndDeleted) {
  seed();
  Session s{std::string(64, 'a'), "u1", "csrf-1", "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"};
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.insert_session(s); }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto got = tx.find_session(s.token_hash);
    EXPECT_TRUE(got);
    if (got) {
      EXPECT_EQ(got->user_id, "u1");
      EXPECT_EQ(got->csrf_token, "csrf-1");
      EXPECT_EQ(got->created_at, s.created_at);
      EXPECT_EQ(got->expires_at, s.expires_at);
    }
    EXPECT_FALSE(tx.find_session(std::string(64, 'b')));
    return ok();
  }));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) {
    tx.delete_session(s.token_hash);
    tx.delete_session("no-such-hash");  // deleting nothing is fine
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    EXPECT_FALSE(tx.find_session(s.token_hash));
    return ok();
  }));
}

TEST_F(Accounts, ExpiredSessionsAreDeletedUpToAndIncludingNow) {
  seed();
  const std::string now = "2026-05-01T12:00:00.000Z";
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (auto [hash, expires] : {std::pair{"past", "2026-05-01T11:59:59.999Z"}, std::pair{"now", now.c_str()},
                                 std::pair{"future", "2026-05-01T12:00:00.001Z"}})
      if (auto s = tx.insert_session({hash, "u1", "c", "2026-05-01T00:00:00.000Z", expires}); !s) return s;
    return ok();
  }));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) {
    tx.delete_expired_sessions(now);
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_session("past"));
    EXPECT_FALSE(tx.find_session("now"));
    EXPECT_TRUE(tx.find_session("future"));
    return ok();
  }));
}

TEST_F(Accounts, ApiTokensAreFoundByHashAndTheHashIsUnique) {
  seed();
  ApiToken t{"t1", "u1", "ci", std::string(64, 'c'), "2026-01-01T00:00:00.000Z"};
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.insert_api_token(t); }));
  status dup = store().write([&](WriteTx& tx) {
    return tx.insert_api_token({"t2", "u2", "other", t.token_hash, "2026-01-02T00:00:00.000Z"});
  });
  EXPECT_EQ(code_of(dup), errc::conflict);
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto got = tx.find_api_token(t.token_hash);
    EXPECT_TRUE(got);
    if (got) {
      EXPECT_EQ(got->id, "t1");
      EXPECT_EQ(got->user_id, "u1");
      EXPECT_EQ(got->name, "ci");
      EXPECT_EQ(got->created_at, t.created_at);
    }
    EXPECT_FALSE(tx.find_api_token(std::string(64, 'd')));
    return ok();
  }));
}

TEST_F(Accounts, AConflictLeavesTheTransactionUsable) {
  seed_orgs();
  // The callback sees the conflict as a status and may go on; what it does next is committed.
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    status dup = tx.insert_org(org("org-x", "Org A", "2026-03-01T00:00:00.000Z"));
    EXPECT_FALSE(dup.has_value());
    if (!dup) { EXPECT_EQ(dup.error().code, errc::conflict); }
    EXPECT_TRUE(tx.find_org("org-a"));
    return tx.insert_org(org("org-y", "Org Y", "2026-03-01T00:00:00.000Z"));
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_TRUE(tx.find_org("org-y"));
    EXPECT_FALSE(tx.find_org("org-x"));
    return ok();
  }));
}

TEST_F(Accounts, ApiTokensKeepExpiryScopeAndLastUseAndAreListedPerUserAndOrganization) {
  seed();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.insert_membership({"org-a", "", "u1", "admin", "2026-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_membership({"org-b", "", "u2", "viewer", "2026-01-01T00:00:00.000Z"}); !s) return s;
    ApiToken a{"t2", "u1", "ci", std::string(64, 'a'), "2026-01-02T00:00:00.000Z", "2026-04-02T00:00:00.000Z", "", "read"};
    ApiToken b{"t1", "u1", "never", std::string(64, 'b'), "2026-01-02T00:00:00.000Z", "", "", "write"};
    ApiToken c{"t3", "u2", "other", std::string(64, 'c'), "2026-01-01T00:00:00.000Z", "", "", "write"};
    for (const auto& t : {a, b, c})
      if (auto s = tx.insert_api_token(t); !s) return s;
    tx.touch_api_token("t2", "2026-01-03T00:00:00.000Z");
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto t = tx.find_api_token_by_id("t2");
    EXPECT_TRUE(t);
    if (t) {
      EXPECT_EQ(t->expires_at, "2026-04-02T00:00:00.000Z");
      EXPECT_EQ(t->scope, "read");
      EXPECT_EQ(t->last_used_at, "2026-01-03T00:00:00.000Z");
      EXPECT_EQ(t->user_email, "ada@example.org");
    }
    EXPECT_FALSE(tx.find_api_token_by_id("t9"));
    std::vector<std::string> ids;
    for (const auto& x : tx.list_api_tokens("u1")) ids.push_back(x.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"t1", "t2"}));  // created_at, then id
    ids.clear();
    for (const auto& x : tx.list_org_api_tokens("org-a")) ids.push_back(x.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"t1", "t2"}));  // members' tokens only
    ids.clear();
    for (const auto& x : tx.list_org_api_tokens("org-b")) ids.push_back(x.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"t3"}));
    return ok();
  }));
  EXPECT_EQ(code_of(store().write([](WriteTx& tx) { return tx.delete_api_token("t9"); })), errc::not_found);
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) { return tx.delete_api_token("t2"); }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_api_token(std::string(64, 'a')));
    EXPECT_TRUE(tx.find_api_token(std::string(64, 'b')));
    return ok();
  }));
}

TEST_F(Accounts, RemovingAMembershipAndEndingAUsersCredentials) {
  seed();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.insert_membership({"org-a", "", "u1", "admin", "2026-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_membership({"org-a", "", "u2", "viewer", "2026-01-02T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_session({std::string(64, 's'), "u2", "csrf", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_session({std::string(64, 'k'), "u1", "csrf", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_api_token({"t1", "u2", "ci", std::string(64, 'a'), "2026-01-02T00:00:00.000Z"}); !s) return s;
    return tx.insert_api_token({"t2", "u1", "ci", std::string(64, 'b'), "2026-01-02T00:00:00.000Z"});
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto ms = tx.list_org_members("org-a");
    EXPECT_EQ(ms.size(), 2u);
    if (ms.size() == 2) {
      EXPECT_EQ(ms[0].user_id, "u1");
      EXPECT_EQ(ms[1].role, "viewer");
      EXPECT_EQ(ms[1].org_name, "Org A");
    }
    return ok();
  }));
  EXPECT_EQ(code_of(store().write([](WriteTx& tx) { return tx.delete_membership("org-b", "u2"); })), errc::not_found);
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.delete_membership("org-a", "u2"); !s) return s;
    tx.delete_user_credentials("u2");
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_EQ(tx.list_org_members("org-a").size(), 1u);
    EXPECT_FALSE(tx.find_membership("u2", "org-a"));
    EXPECT_FALSE(tx.find_session(std::string(64, 's')));
    EXPECT_FALSE(tx.find_api_token(std::string(64, 'a')));
    EXPECT_TRUE(tx.find_session(std::string(64, 'k')));  // other users keep theirs
    EXPECT_TRUE(tx.find_api_token(std::string(64, 'b')));
    EXPECT_TRUE(tx.find_user("u2"));                      // the user stays
    return ok();
  }));
}

TEST_F(Accounts, PasswordsChangeAndUsersAreDisabledAndEnabled) {
  seed();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.insert_session({std::string(64, 'x'), "u1", "csrf", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_session({std::string(64, 'y'), "u1", "csrf", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"}); !s) return s;
    if (auto s = tx.insert_session({std::string(64, 'z'), "u2", "csrf", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"}); !s) return s;
    return tx.insert_api_token({"t1", "u1", "ci", std::string(64, 'a'), "2026-01-02T00:00:00.000Z"});
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto u = tx.find_user("u1");
    EXPECT_TRUE(u && u->disabled_at.empty());  // new users are active
    return ok();
  }));
  EXPECT_EQ(code_of(store().write([](WriteTx& tx) { return tx.update_user_password("u9", "h"); })), errc::not_found);
  EXPECT_EQ(code_of(store().write([](WriteTx& tx) { return tx.set_user_disabled("u9", "2026-02-01T00:00:00.000Z"); })), errc::not_found);
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    if (auto s = tx.update_user_password("u1", "$argon2id$new"); !s) return s;
    tx.delete_other_sessions("u1", std::string(64, 'x'));
    return tx.set_user_disabled("u2", "2026-02-01T00:00:00.000Z");
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto u1 = tx.find_user("u1");
    EXPECT_TRUE(u1 && u1->password_hash == "$argon2id$new");
    auto u2 = tx.find_user_by_email("bob@example.org");
    EXPECT_TRUE(u2 && u2->disabled_at == "2026-02-01T00:00:00.000Z");
    EXPECT_TRUE(u2 && u2->password_hash != "$argon2id$new");  // only u1's changed
    EXPECT_TRUE(tx.find_session(std::string(64, 'x')));       // the kept one
    EXPECT_FALSE(tx.find_session(std::string(64, 'y')));      // u1's other one
    EXPECT_TRUE(tx.find_session(std::string(64, 'z')));       // another user's
    EXPECT_TRUE(tx.find_api_token(std::string(64, 'a')));     // tokens are not sessions
    return ok();
  }));
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    tx.delete_other_sessions("u1", "");
    return tx.set_user_disabled("u2", "");
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_session(std::string(64, 'x')));
    auto u2 = tx.find_user("u2");
    EXPECT_TRUE(u2 && u2->disabled_at.empty());
    return ok();
  }));
}

TEST_F(Accounts, LoginThrottleRowsAreUpsertedFoundAndForgotten) {
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    tx.put_login_throttle({"client:10.0.0.1", 1, "", "2026-01-01T00:00:00.000Z"});
    tx.put_login_throttle({"client:10.0.0.1", 5, "2026-01-01T00:01:00.000Z", "2026-01-01T00:00:10.000Z"});
    tx.put_login_throttle({"account:ada@example.org|10.0.0.1", 2, "", "2025-12-01T00:00:00.000Z"});
    tx.put_login_throttle({"client:10.0.0.2", 9, "2026-02-01T00:00:00.000Z", "2025-12-01T00:00:00.000Z"});
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto r = tx.find_login_throttle("client:10.0.0.1");
    EXPECT_TRUE(r);
    if (r) {
      EXPECT_EQ(r->failures, 5);
      EXPECT_EQ(r->blocked_until, "2026-01-01T00:01:00.000Z");
      EXPECT_EQ(r->updated_at, "2026-01-01T00:00:10.000Z");
    }
    EXPECT_FALSE(tx.find_login_throttle("client:10.0.0.9"));
    return ok();
  }));
  // Stale rows go, unless still blocked; recent ones stay.
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    tx.delete_stale_login_throttles("2026-01-01T00:00:00.000Z");
    tx.delete_login_throttle("client:10.0.0.1");
    return ok();
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    EXPECT_FALSE(tx.find_login_throttle("account:ada@example.org|10.0.0.1"));
    EXPECT_TRUE(tx.find_login_throttle("client:10.0.0.2"));
    EXPECT_FALSE(tx.find_login_throttle("client:10.0.0.1"));
    return ok();
  }));
}

TEST_F(Accounts, ConcurrentCheckAndCountInOneWriteNeverPassesTheLimit) {
  // 8 threads each read a counter and add one only while under 5, in one write transaction:
  // never more than 5 pass, on both backends (SQLite serializes writers, PostgreSQL retries on
  // 40001); exactly 5 when every write committed.
  std::atomic<int> admitted{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      bool in = false;
      auto st = store().write([&](WriteTx& tx) -> status {
        in = false;
        auto r = tx.find_login_throttle("client:burst");
        std::int64_t n = r ? r->failures : 0;
        if (n >= 5) return ok();
        tx.put_login_throttle({"client:burst", n + 1, "", "2026-01-01T00:00:00.000Z"});
        in = true;
        return ok();
      });
      if (!st) ++failed;
      else if (in) ++admitted;
    });
  for (auto& t : threads) t.join();
  EXPECT_LE(admitted.load(), 5);
  if (failed.load() == 0) { EXPECT_EQ(admitted.load(), 5); }
  AIMS_ASSERT_OK(store().read([&](ReadTx& tx) {
    auto r = tx.find_login_throttle("client:burst");
    EXPECT_TRUE(r);
    if (r) { EXPECT_EQ(r->failures, admitted.load()); }
    return ok();
  }));
}

TEST_F(Accounts, LastLoginsAreSetAndFoundForManyUsersAtOnce) {
  seed();
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) -> status {
    auto d = account_details(tx);
    if (!d) return d.error();
    EXPECT_TRUE((*d)->find_last_logins({"u1", "u2"}).empty());  // nobody has logged in yet
    EXPECT_TRUE((*d)->find_last_logins({}).empty());
    return ok();
  }));
  EXPECT_EQ(code_of(store().write([](WriteTx& tx) -> status {
              auto d = account_details(tx);
              if (!d) return d.error();
              return (*d)->set_user_last_login("u9", "2026-02-01T00:00:00.000Z");
            })),
            errc::not_found);
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    auto d = account_details(tx);
    if (!d) return d.error();
    if (auto s = (*d)->set_user_last_login("u1", "2026-02-01T00:00:00.000Z"); !s) return s;
    return (*d)->set_user_last_login("u1", "2026-02-02T00:00:00.000Z");  // the newest counts
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) -> status {
    auto d = account_details(tx);
    if (!d) return d.error();
    auto all = (*d)->find_last_logins({"u1", "u2", "u9"});
    EXPECT_EQ(all.size(), 1u);
    EXPECT_EQ(all["u1"], "2026-02-02T00:00:00.000Z");
    auto u1 = tx.find_user("u1");
    EXPECT_TRUE(u1 && u1->email == "ada@example.org" && u1->disabled_at.empty());  // nothing else changed
    return ok();
  }));
}

TEST_F(Accounts, UserNamesChangeAndOrganizationsAreRenamedToAFreeNameOnly) {
  seed();
  auto with = [&](auto f) {
    return store().write([&](WriteTx& tx) -> status {
      auto d = account_details(tx);
      if (!d) return d.error();
      return f(**d);
    });
  };
  EXPECT_EQ(code_of(with([](AccountDetails& d) { return d.set_user_name("u9", "Nobody"); })), errc::not_found);
  EXPECT_EQ(code_of(with([](AccountDetails& d) { return d.rename_org("org-z", "Org Z"); })), errc::not_found);
  EXPECT_EQ(code_of(with([](AccountDetails& d) { return d.rename_org("org-a", "Org B"); })), errc::conflict);
  AIMS_ASSERT_OK(with([](AccountDetails& d) -> status {
    if (auto s = d.set_user_name("u1", "Ada Lovelace"); !s) return s;
    if (auto s = d.rename_org("org-a", "Org A"); !s) return s;  // its own name again: no clash
    return d.rename_org("org-b", "Org Beta");
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) {
    auto u1 = tx.find_user("u1");
    EXPECT_TRUE(u1 && u1->name == "Ada Lovelace");
    auto u2 = tx.find_user("u2");
    EXPECT_TRUE(u2 && u2->name != "Ada Lovelace");
    auto b = tx.find_org_by_name("Org Beta");
    EXPECT_TRUE(b && b->id == "org-b" && b->created_at == "2026-01-01T00:00:01.000Z");
    EXPECT_FALSE(tx.find_org_by_name("Org B"));
    EXPECT_TRUE(tx.find_org_by_name("Org A"));
    return ok();
  }));
}

TEST_F(Accounts, TheDirectoryPagesActiveMembersByNameAndSearchesLiterally) {
  seed_orgs();
  AIMS_ASSERT_OK(store().write([](WriteTx& tx) -> status {
    auto person = [&](const std::string& id, const std::string& name, const std::string& disabled,
                      const std::string& org, const std::string& role) -> status {
      if (auto s = tx.insert_user(User{id, id + "@example.org", name, "x", "2026-01-01T00:00:00.000Z", disabled}); !s) return s;
      return tx.insert_membership({org, "", id, role, "2026-01-01T00:00:00.000Z"});
    };
    if (auto s = person("u1", "Ada", "", "org-a", "admin"); !s) return s;
    if (auto s = person("u2", "Bob 100%", "", "org-a", "viewer"); !s) return s;
    if (auto s = person("u3", "Cleo", "2026-02-01T00:00:00.000Z", "org-a", "manager"); !s) return s;  // deactivated
    if (auto s = person("u4", "ada", "", "org-a", "manager"); !s) return s;  // the same key as u1: by id
    return person("u5", "Abe", "", "org-b", "admin");                       // another organization
  }));
  AIMS_ASSERT_OK(store().read([](ReadTx& tx) -> status {
    auto d = account_details(tx);
    if (!d) return d.error();
    auto ids = [](const std::vector<DirectoryEntry>& rows) {
      std::vector<std::string> out;
      for (const auto& r : rows) out.push_back(r.user_id);
      return out;
    };
    DirectoryQuery q;
    q.org_id = "org-a";
    q.limit = 10;
    auto all = (*d)->page_directory(q);
    EXPECT_EQ(ids(all), (std::vector<std::string>{"u1", "u4", "u2"}));
    EXPECT_EQ((*d)->count_directory(q), 3);
    if (all.size() == 3) {
      EXPECT_EQ(all[0].key, "ada");
      EXPECT_EQ(all[2].name, "Bob 100%");
      EXPECT_EQ(all[2].role, "viewer");
    }
    q.limit = 1;
    q.after_key = "ada";
    q.after_id = "u1";
    EXPECT_EQ(ids((*d)->page_directory(q)), (std::vector<std::string>{"u4"}));
    q.after_id = "u4";
    EXPECT_EQ(ids((*d)->page_directory(q)), (std::vector<std::string>{"u2"}));
    q = DirectoryQuery{"org-a", "b", "", "", 10};
    EXPECT_EQ(ids((*d)->page_directory(q)), (std::vector<std::string>{"u2"}));
    EXPECT_EQ((*d)->count_directory(q), 1);
    q.text = "0%";
    EXPECT_EQ(ids((*d)->page_directory(q)), (std::vector<std::string>{"u2"}));  // % is a literal
    q.text = "a%";
    EXPECT_TRUE((*d)->page_directory(q).empty());
    EXPECT_EQ((*d)->count_directory(q), 0);
    q = DirectoryQuery{"org-z", "", "", "", 10};
    EXPECT_TRUE((*d)->page_directory(q).empty());
    return ok();
  }));
}

}  // namespace
}  // namespace aims::store::conformance
