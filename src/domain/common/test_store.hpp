// Shared by the unit tests that need a real store: a temporary folder that goes when its owner
// does, a fixture with a new SQLite store in one, and bare organizations to put records in. Test
// code only; one per test, used from the test's thread only.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <system_error>

#include "core/crypto.hpp"
#include "store/store.hpp"

namespace aims::testing {

/// A new folder `aims-<random>` in the system's temporary folder, removed with all it holds when
/// this goes.
class TempDir {
 public:
  TempDir() : path_(fresh_path()) { std::filesystem::create_directories(path_); }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// The path of a store's database file in the folder.
  std::string db() const { return (path_ / "aims.db").string(); }

 private:
  static std::filesystem::path fresh_path() {
    crypto::init();
    return std::filesystem::temp_directory_path() / ("aims-" + crypto::random_base32(8));
  }
  std::filesystem::path path_;
};

/// A fixture with a new SQLite store in a TempDir of its own, closed and removed after each test.
class TempStore : public ::testing::Test {
 protected:
  void SetUp() override { open_temp_store(); }
  void TearDown() override {
    store_.reset();
    tmp_.reset();
  }

  /// Opens a new store in a new folder (`aims-<random>/aims.db`); a failure fails the test.
  void open_temp_store() {
    tmp_ = std::make_unique<TempDir>();
    dir_ = tmp_->path();
    auto st = store::open_store(tmp_->db());
    ASSERT_TRUE(st) << st.error().detail;
    store_ = std::move(*st);
  }

  /// Inserts organizations whose id is their name (e.g. "org_a", "org_b").
  void add_orgs(std::initializer_list<const char*> ids) {
    for (const auto* id : ids)
      ASSERT_TRUE(store_->write([&](store::WriteTx& tx) { return tx.insert_org({id, id, "2026-01-01T00:00:00.000Z"}); }));
  }

  std::unique_ptr<TempDir> tmp_;
  std::filesystem::path dir_;  // tmp_'s path
  std::unique_ptr<store::Store> store_;
};

}  // namespace aims::testing
