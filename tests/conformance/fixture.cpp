// Fixture: backend selection, a clean store per test, sample records.
#include "fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

namespace aims::store::conformance {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d_%d_%08x", static_cast<int>(getpid()), counter++, salt);
  return buf;
}

/// The connection string with search_path set to `schema`, in the DSN's own form.
std::string with_schema(const std::string& dsn, const std::string& schema) {
  if (dsn.starts_with("postgres://") || dsn.starts_with("postgresql://"))
    return dsn + (dsn.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  return dsn + " options='-csearch_path=" + schema + "'";
}

}  // namespace

errc code_of(const status& s) {
  EXPECT_FALSE(s.has_value()) << "expected an error, got success";
  return s.has_value() ? errc::internal : s.error().code;
}

std::string test_backend() {
  std::string b = env("AIMS_TEST_BACKEND");
  return b.empty() ? "sqlite" : b;
}

void StoreTest::SetUp() {
  backend_ = test_backend();
  if (backend_ == "sqlite") {
    std::string base = (std::filesystem::temp_directory_path() / ("aims_conf_" + unique_suffix())).string();
    std::filesystem::create_directories(base);
    temp_dir_ = base;
    location_ = base + "/aims.db";
  } else if (backend_ == "postgres") {
    std::string dsn = env("AIMS_TEST_PG_DSN");
    ASSERT_FALSE(dsn.empty()) << "AIMS_TEST_BACKEND=postgres needs AIMS_TEST_PG_DSN, a connection string such as "
                                 "postgresql://postgres@127.0.0.1:5432/aims_test (tests/pg/start.sh DIR prints one)";
    location_ = with_schema(dsn, "aims_t_" + unique_suffix());
  } else {
    FAIL() << "AIMS_TEST_BACKEND must be sqlite or postgres, not '" << backend_ << "'";
  }
  auto opened = open_store(location_);
  ASSERT_TRUE(opened.has_value()) << opened.error().detail;
  store_ = std::move(*opened);
}

void StoreTest::TearDown() {
  store_.reset();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

std::unique_ptr<Store> StoreTest::open_again() {
  auto opened = open_store(location_);
  EXPECT_TRUE(opened.has_value()) << opened.error().detail;
  return opened.has_value() ? std::move(*opened) : nullptr;
}

Organization StoreTest::org(const std::string& id, const std::string& name, const std::string& created_at) {
  return Organization{id, name, created_at};
}

User StoreTest::user(const std::string& id, const std::string& email, const std::string& created_at) {
  return User{id, email, "Name of " + id, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", created_at, ""};
}

SystemRow StoreTest::system(const std::string& org_id, const std::string& id, const std::string& name_key) {
  SystemRow s;
  s.id = id;
  s.org_id = org_id;
  s.version = 1;
  s.name_key = name_key;
  s.owner_key = "owner";
  s.status = "draft";
  s.lifecycle_stage = "design";
  s.stage_rank = "2";
  s.eu_ai_act_class = "minimal";
  s.class_rank = "1";
  s.organization_role = "deployer";
  s.search_text = name_key;
  s.created_at = "2026-01-01T00:00:00.000Z";
  s.updated_at = "2026-01-01T00:00:00.000Z";
  s.doc = "{\"id\":\"" + id + "\",\"name\":\"" + name_key + "\"}";
  return s;
}

HistoryRow StoreTest::history(const std::string& org_id, const std::string& record_id, std::int64_t version) {
  return HistoryRow{org_id,
                    "system",
                    record_id,
                    version,
                    "2026-01-01T00:00:0" + std::to_string(version % 10) + ".000Z",
                    "ada@example.org",
                    version == 1 ? "create" : "update",
                    "[{\"field\":\"name\",\"from\":null,\"to\":\"v" + std::to_string(version) + "\"}]"};
}

void StoreTest::seed_orgs() {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    if (auto s = tx.insert_org(org("org-a", "Org A", "2026-01-01T00:00:00.000Z")); !s) return s;
    return tx.insert_org(org("org-b", "Org B", "2026-01-01T00:00:01.000Z"));
  }));
}

void StoreTest::put(const RecordRow& r, std::int64_t expected) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.put_record(r, expected); }));
}

void StoreTest::put(const SystemRow& s) {
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.insert_system(s); }));
}

std::optional<SystemRow> StoreTest::get(const std::string& org_id, const std::string& id) {
  std::optional<SystemRow> out;
  AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
    out = tx.find_system(org_id, id);
    return ok();
  }));
  return out;
}

SystemPage StoreTest::list(const SystemQuery& q) {
  SystemPage page;
  AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
    page = tx.list_systems(q);
    return ok();
  }));
  return page;
}

int StoreTest::run_writers(int threads, int each, const std::function<std::string(int t, int i)>& name_of,
                           const std::function<std::function<status(WriteTx&)>(int t, int i)>& write_of) {
  std::atomic<int> failures{0};
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&, t] {
      for (int i = 0; i < each; ++i) {
        status s = store().write(write_of(t, i));
        if (!s) {
          ++failures;
          ADD_FAILURE() << name_of(t, i) << ": " << s.error().detail;
        }
      }
    });
  }
  for (auto& th : running) th.join();
  return failures.load();
}

}  // namespace aims::store::conformance
