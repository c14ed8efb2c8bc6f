// Tests of one backend's promises: SQLite durability settings and open errors, PostgreSQL retry
// of a callback after a serialization failure, and open_store's dispatch by location.
#include <filesystem>
#include <future>
#include <thread>

#include "fixture.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace aims::store::conformance {
namespace {

using namespace std::chrono_literals;

class SqliteOnly : public StoreTest {
 protected:
  void SetUp() override {
    if (!on("sqlite")) GTEST_SKIP() << "SQLite-only test (AIMS_TEST_BACKEND=" << test_backend() << ")";
    StoreTest::SetUp();
  }
};

TEST_F(SqliteOnly, DurabilitySettingsHoldOnWriterAndReaders) {
  auto* s = dynamic_cast<sqlite::SqliteStore*>(&store());
  ASSERT_NE(s, nullptr);
  for (bool reader : {false, true}) {
    SCOPED_TRACE(reader ? "reader" : "writer");
    EXPECT_EQ(s->pragma("journal_mode", reader), "wal");
    EXPECT_EQ(s->pragma("synchronous", reader), "2");  // FULL
    EXPECT_EQ(s->pragma("foreign_keys", reader), "1");
    EXPECT_GE(std::stoi(s->pragma("busy_timeout", reader)), 1000);
  }
  EXPECT_EQ(s->pragma("query_only", true), "1");
  EXPECT_EQ(s->pragma("query_only", false), "0");
}

TEST_F(SqliteOnly, OpenCreatesTheFile) {
  EXPECT_TRUE(std::filesystem::exists(location()));
}

TEST_F(SqliteOnly, OpenInAMissingDirectoryIsUnavailableAndSaysWhy) {
  std::string dir = std::filesystem::path(location()).parent_path().string() + "/no/such/dir";
  auto r = open_store(dir + "/aims.db");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unavailable);
  EXPECT_NE(r.error().detail.find(dir), std::string::npos) << r.error().detail;
  EXPECT_NE(r.error().detail.find("does not exist"), std::string::npos) << r.error().detail;
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST_F(SqliteOnly, OpenOfAFileThatIsNotADatabaseIsUnavailable) {
  std::string path = std::filesystem::path(location()).parent_path().string() + "/garbage.db";
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("this is not an SQLite database, just some text that is long enough to matter....", f);
    std::fclose(f);
  }
  auto r = open_store(path);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unavailable);
}

class PostgresOnly : public StoreTest {
 protected:
  void SetUp() override {
    if (!on("postgres")) GTEST_SKIP() << "PostgreSQL-only test (AIMS_TEST_BACKEND=" << test_backend() << ")";
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }
};

TEST_F(PostgresOnly, ACallbackIsRunAgainAfterASerializationFailure) {
  put(system("org-a", "sys-1", "one"));
  std::promise<void> first_read, other_committed;
  std::thread other([&] {
    first_read.get_future().wait();
    SystemRow s = system("org-a", "sys-1", "one");
    s.version = 2;
    s.status = "approved";
    AIMS_EXPECT_OK(store().write([&](WriteTx& tx) { return tx.update_system(s, 1); }));
    other_committed.set_value();
  });
  int runs = 0;
  status s = store().write([&](WriteTx& tx) -> status {
    ++runs;
    auto cur = tx.find_system("org-a", "sys-1");
    if (!cur) return make_error(errc::not_found, "gone");
    if (runs == 1) {  // let the other writer commit after our snapshot was taken
      first_read.set_value();
      EXPECT_EQ(other_committed.get_future().wait_for(10s), std::future_status::ready);
    }
    SystemRow next = *cur;
    next.version = cur->version + 1;
    next.owner_key = "run " + std::to_string(runs);
    return tx.update_system(next, cur->version);
  });
  other.join();
  AIMS_ASSERT_OK(s);
  EXPECT_EQ(runs, 2);
  auto got = get("org-a", "sys-1");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 3);
  EXPECT_EQ(got->status, "approved");  // the other writer's change was not lost
  EXPECT_EQ(got->owner_key, "run 2");
}

TEST(OpenStore, AnUnreachablePostgresIsUnavailable) {
  for (std::string loc : {"postgresql://aims@127.0.0.1:1/aims?connect_timeout=5",
                          "host=127.0.0.1 port=1 dbname=aims connect_timeout=5"}) {
    auto r = open_store(loc);
    ASSERT_FALSE(r.has_value()) << loc;
    EXPECT_EQ(r.error().code, errc::unavailable) << loc;
    EXPECT_NE(r.error().detail.find("PostgreSQL"), std::string::npos) << r.error().detail;
  }
}

TEST(OpenStore, AnEmptyLocationIsUnavailable) {
  auto r = open_store("");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::unavailable);
}

}  // namespace
}  // namespace aims::store::conformance
