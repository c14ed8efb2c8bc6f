// The conformance suite's fixture: a fresh, empty store per test on the backend named by
// AIMS_TEST_BACKEND (sqlite, the default: a new temporary file; postgres: a new schema in the
// database of AIMS_TEST_PG_DSN). Written against store.hpp only.
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace aims::store::conformance {

#define AIMS_ASSERT_OK(expr)                                                   \
  do {                                                                         \
    auto aims_status_ = (expr);                                                \
    ASSERT_TRUE(aims_status_.has_value()) << aims_status_.error().detail;     \
  } while (0)

#define AIMS_EXPECT_OK(expr)                                                   \
  do {                                                                         \
    auto aims_status_ = (expr);                                                \
    EXPECT_TRUE(aims_status_.has_value()) << aims_status_.error().detail;     \
  } while (0)

/// The error code of a failed status; fails the test if it succeeded.
errc code_of(const status& s);

/// "sqlite" or "postgres", from AIMS_TEST_BACKEND.
std::string test_backend();

/// Base of every conformance test. Owned by GoogleTest; used by one test thread.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  Store& store() { return *store_; }
  /// The location of this test's store (a file path or a connection string).
  const std::string& location() const { return location_; }
  /// Opens another Store on this test's location (as a second process would).
  std::unique_ptr<Store> open_again();
  /// Drops this test's store (to reopen the location, for instance).
  void close() { store_.reset(); }
  /// Skips the test unless it runs on `backend`.
  bool on(const std::string& backend) const { return test_backend() == backend; }

  // Sample records. Times are RFC 3339 UTC with milliseconds, as the domain mints them.
  static Organization org(const std::string& id, const std::string& name, const std::string& created_at);
  static User user(const std::string& id, const std::string& email, const std::string& created_at);
  static SystemRow system(const std::string& org_id, const std::string& id, const std::string& name_key);
  static HistoryRow history(const std::string& org_id, const std::string& record_id, std::int64_t version);

  /// Inserts organizations "org-a" and "org-b".
  void seed_orgs();
  /// Inserts one system in one write.
  void put(const SystemRow& s);
  /// Stores one generic record in one write (an insert when `expected` is 0).
  void put(const RecordRow& r, std::int64_t expected = 0);
  std::optional<SystemRow> get(const std::string& org_id, const std::string& id);
  SystemPage list(const SystemQuery& q);
  /// Runs `threads` writers at once; writer t makes `each` writes, the i-th with store().write(
  /// write_of(t, i)). A failed write is a test failure naming `name_of(t, i)`. Returns how many failed.
  int run_writers(int threads, int each, const std::function<std::string(int t, int i)>& name_of,
                  const std::function<std::function<status(WriteTx&)>(int t, int i)>& write_of);

 private:
  std::string backend_;
  std::string location_;
  std::string temp_dir_;
  std::unique_ptr<Store> store_;
};

/// A conformance test that starts with organizations "org-a" and "org-b" and nothing else.
class SeededStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) seed_orgs();
  }
};

}  // namespace aims::store::conformance
