// The evidence blob store of each backend (docs/evidence.md, "Where evidence lives"): PostgreSQL
// keeps blobs in its tables (PgBlobStore, schema v16), SQLite installations keep them on disk
// (FileBlobStore; v16 is a no-op there). The same promises hold on both: a blob written in many
// pieces reads back byte-exact under its hash, an abandoned writer leaves nothing, the same blob
// twice is `existed`, another organization does not see it, remove removes it.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <random>

#include "core/crypto.hpp"
#include "core/sha256_hasher.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "fixture.hpp"
#include "store/database_copy.hpp"
#include "store/postgres/pg_blob_store.hpp"
#include "store/postgres/pg_connection.hpp"
#include "record_rows.hpp"

namespace aims::store::conformance {
namespace {

namespace fs = std::filesystem;

/// `n` bytes of deterministic noise (every byte value occurs, so no text encoding could pass).
std::string noise(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

class BlobStoreTest : public SeededStoreTest {
 protected:
  void SetUp() override {
    SeededStoreTest::SetUp();
    if (HasFatalFailure()) return;
    if (on("postgres")) {
      auto opened = postgres::PgBlobStore::open(location());
      ASSERT_TRUE(opened.has_value()) << opened.error().detail;
      pg_ = opened->get();
      blobs_ = std::move(*opened);
    } else {
      static int counter = 0;
      dir_ = (fs::temp_directory_path() / ("aims_blobs_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
                 .string();
      blobs_ = std::make_unique<evidence::FileBlobStore>(dir_ + "/evidence");
    }
  }
  void TearDown() override {
    blobs_.reset();
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
    SeededStoreTest::TearDown();
  }

  evidence::BlobStore& blobs() { return *blobs_; }

  /// Writes `bytes` in pieces of `piece` bytes and commits them as org_id's blob; returns `existed`.
  bool put_blob(const std::string& org_id, const std::string& bytes, std::size_t piece = 100'000, bool release = true) {
    auto w = blobs().create();
    EXPECT_TRUE(w.has_value()) << w.error().detail;
    if (!w) return false;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
      auto st = (*w)->write(std::string_view(bytes).substr(at, piece));
      EXPECT_TRUE(st.has_value()) << st.error().detail;
    }
    bool existed = true;
    auto st = (*w)->commit(org_id, crypto::sha256_hex(bytes), existed);
    EXPECT_TRUE(st.has_value()) << st.error().detail;
    if (release) blobs().release(org_id, crypto::sha256_hex(bytes));  // as an upload does once its record is written
    return existed;
  }

  /// The whole blob, read `piece` bytes at a time.
  std::string read_all(const std::string& org_id, const std::string& sha, std::size_t piece = 65'536) {
    auto r = blobs().open(org_id, sha);
    EXPECT_TRUE(r.has_value()) << r.error().detail;
    if (!r) return {};
    std::string out, buf(piece, '\0');
    for (;;) {
      auto n = (*r)->read(buf.data(), buf.size());
      EXPECT_TRUE(n.has_value()) << n.error().detail;
      if (!n || *n == 0) break;
      out.append(buf.data(), *n);
    }
    EXPECT_EQ(out.size(), (*r)->size());
    return out;
  }

  /// The error code of opening a blob that should not open (internal if it opened).
  errc open_error(const std::string& org_id, const std::string& sha) {
    auto r = blobs().open(org_id, sha);
    EXPECT_FALSE(r.has_value()) << "the blob opened";
    return r ? errc::internal : r.error().code;
  }

  /// Uploads in progress: staging contents (PostgreSQL) or files in tmp/ (disk).
  std::int64_t staging() {
    if (pg_) {
      auto n = pg_->staging_count();
      EXPECT_TRUE(n.has_value()) << n.error().detail;
      return n ? *n : -1;
    }
    std::int64_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_ + "/evidence/tmp")) ++n;
    return n;
  }

  /// One number from the PostgreSQL database of this test.
  std::int64_t pg_count(const std::string& sql) {
    auto c = postgres::PgConnection::open(location());
    auto rows = c->query(sql);
    return rows.empty() ? -1 : rows.front().int64(0);
  }

  std::unique_ptr<evidence::BlobStore> blobs_;
  postgres::PgBlobStore* pg_ = nullptr;
  std::string dir_;
};

TEST_F(BlobStoreTest, ABlobOfSeveralChunksWrittenInPiecesReadsBackByteExact) {
  // 3 MiB and a bit: twelve full 256 KiB chunks and a short one, written in pieces that straddle them.
  const std::string bytes = noise(3 * 1024 * 1024 + 12'345, 1);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes, 99'991));
  EXPECT_TRUE(blobs().exists("org-a", sha));
  const std::string back = read_all("org-a", sha, 40'000);
  EXPECT_EQ(back.size(), bytes.size());
  EXPECT_TRUE(back == bytes);
  crypto::Sha256Hasher h;
  h.update(back);
  EXPECT_EQ(h.finish_hex(), sha);
  EXPECT_EQ(staging(), 0);
  if (pg_) {
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 13);
    EXPECT_EQ(pg_count("SELECT MAX(octet_length(bytes)) FROM evidence_chunks"),
              static_cast<std::int64_t>(postgres::PgBlobStore::kChunkBytes));
    EXPECT_EQ(pg_count("SELECT size FROM evidence_blobs"), static_cast<std::int64_t>(bytes.size()));
  }
}

TEST_F(BlobStoreTest, AnEmptyBlobAndAOneByteBlobReadBack) {
  EXPECT_FALSE(put_blob("org-a", ""));
  EXPECT_EQ(read_all("org-a", crypto::sha256_hex("")), "");
  EXPECT_FALSE(put_blob("org-a", "x"));
  EXPECT_EQ(read_all("org-a", crypto::sha256_hex("x"), 1), "x");
}

TEST_F(BlobStoreTest, AnAbandonedWriterLeavesNothing) {
  const std::string bytes = noise(700'000, 2);  // two full chunks sent, a part buffered
  {
    auto w = blobs().create();
    ASSERT_TRUE(w.has_value()) << w.error().detail;
    AIMS_ASSERT_OK((*w)->write(bytes));
    EXPECT_EQ(staging(), 1);
    if (pg_) {
      EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 2);
    }
  }
  EXPECT_EQ(staging(), 0);
  EXPECT_FALSE(blobs().exists("org-a", crypto::sha256_hex(bytes)));
  EXPECT_EQ(open_error("org-a", crypto::sha256_hex(bytes)), errc::not_found);
  if (pg_) {
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 0);
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_contents"), 0);
  }
}

TEST_F(BlobStoreTest, TheSameBlobTwiceIsExistedAndKeptOnce) {
  const std::string bytes = noise(300'000, 3);
  EXPECT_FALSE(put_blob("org-a", bytes));
  EXPECT_TRUE(put_blob("org-a", bytes, 7'000));
  EXPECT_EQ(staging(), 0);
  EXPECT_TRUE(read_all("org-a", crypto::sha256_hex(bytes)) == bytes);
  if (pg_) {
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_blobs"), 1);
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_contents"), 1);
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 2);
  }
}

TEST_F(BlobStoreTest, AnotherOrganizationDoesNotFindTheBlobAndMayStoreItsOwn) {
  const std::string bytes = noise(1'000, 4);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes));
  EXPECT_FALSE(blobs().exists("org-b", sha));
  EXPECT_EQ(open_error("org-b", sha), errc::not_found);
  EXPECT_FALSE(put_blob("org-b", bytes));  // its own copy: not `existed`
  AIMS_EXPECT_OK(blobs().remove("org-b", sha));
  EXPECT_FALSE(blobs().exists("org-b", sha));
  EXPECT_TRUE(read_all("org-a", sha) == bytes);  // org-a's is untouched
}

TEST_F(BlobStoreTest, RemoveRemovesTheBlobAndIsIdempotent) {
  const std::string bytes = noise(600'000, 5);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes));
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_FALSE(blobs().exists("org-a", sha));
  EXPECT_EQ(open_error("org-a", sha), errc::not_found);
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  if (pg_) {
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 0);
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_contents"), 0);
  }
  EXPECT_FALSE(put_blob("org-a", bytes));  // stored again after removal: new
  EXPECT_TRUE(read_all("org-a", sha) == bytes);
}

TEST_F(BlobStoreTest, MalformedKeysAreNotFound) {
  EXPECT_EQ(open_error("org-a", "not-a-hash"), errc::not_found);
  EXPECT_EQ(open_error("org-a", std::string(64, 'A')), errc::not_found);
  EXPECT_FALSE(blobs().exists("", std::string(64, 'a')));
  auto w = blobs().create();
  ASSERT_TRUE(w.has_value());
  bool existed = false;
  EXPECT_FALSE((*w)->commit("org-a", "nope", existed).has_value());
}

TEST_F(BlobStoreTest, SchemaV16HoldsTheTablesOnPostgresAndNothingOnSqlite) {
  if (on("postgres")) {
    EXPECT_GE(pg_count("SELECT MAX(version) FROM schema_migrations"), 18);
    EXPECT_EQ(pg_count("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'evidence_blobs' "
                       "AND column_name IN ('holds', 'held_at') AND table_schema = current_schema()"),
              2);
    for (const char* t : {"evidence_blobs", "evidence_contents", "evidence_chunks"})
      EXPECT_EQ(pg_count(std::string("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '") +
                         t + "'"),
                1)
          << t;
  } else {
    auto facts = sqlite_database_facts(location());
    ASSERT_TRUE(facts.has_value()) << facts.error().detail;
    EXPECT_GE(facts->schema_version, 16);
    EXPECT_EQ(facts->schema_version, known_sqlite_schema_version());
    for (const auto& [table, rows] : facts->tables) EXPECT_FALSE(table.starts_with("evidence_")) << table;
  }
}

class PgBlobStoreOnly : public BlobStoreTest {
 protected:
  void SetUp() override {
    if (!on("postgres")) GTEST_SKIP() << "PostgreSQL-only test (AIMS_TEST_BACKEND=" << test_backend() << ")";
    BlobStoreTest::SetUp();
  }
};

TEST_F(PgBlobStoreOnly, StaleStagingIsSweptAtOpenAndRecentStagingKept) {
  auto c = postgres::PgConnection::open(location());
  c->exec_script(
      "INSERT INTO evidence_contents (id, started_at) VALUES ('up_old', now() - interval '25 hours'), "
      "('up_new', now() - interval '1 hour');"
      "INSERT INTO evidence_chunks (content_id, n, bytes) VALUES ('up_old', 0, '\\x0102'), ('up_new', 0, '\\x0304');");
  // A committed blob older than a day is never staging.
  EXPECT_FALSE(put_blob("org-a", "kept"));
  c->exec_script("UPDATE evidence_contents SET started_at = now() - interval '30 days' WHERE id NOT LIKE 'up_old' AND id NOT LIKE 'up_new'");
  auto again = postgres::PgBlobStore::open(location());
  ASSERT_TRUE(again.has_value()) << again.error().detail;
  EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_contents WHERE id = 'up_old'"), 0);
  EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks WHERE content_id = 'up_old'"), 0);
  EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_contents WHERE id = 'up_new'"), 1);
  EXPECT_EQ(read_all("org-a", crypto::sha256_hex("kept")), "kept");
}

// Several servers share one PostgreSQL database, and the lock that orders an upload against a
// deletion of the same bytes is per process: the removal itself keeps a blob that an upload holds
// (committed, its evidence record not yet written) or that live evidence names.
TEST_F(PgBlobStoreOnly, RemoveKeepsABlobThatAnUploadHoldsOrLiveEvidenceNames) {
  const std::string bytes = noise(2'000, 8);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes, 100'000, /*release=*/false));
  EXPECT_TRUE(put_blob("org-a", bytes, 100'000, /*release=*/false));  // a second upload of the same bytes
  EXPECT_EQ(pg_count("SELECT holds FROM evidence_blobs WHERE org_id = 'org-a'"), 2);
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_TRUE(blobs().exists("org-a", sha)) << "removed while two uploads hold it";
  blobs().release("org-a", sha);
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_TRUE(blobs().exists("org-a", sha)) << "removed while one upload holds it";
  blobs().release("org-a", sha);
  blobs().release("org-a", sha);  // one release too many does not go below zero
  EXPECT_EQ(pg_count("SELECT holds FROM evidence_blobs WHERE org_id = 'org-a'"), 0);

  // Live evidence names its blob by ref = the hash; deleted evidence has no ref.
  put(rec("org-a", "evidence", "", "ev_1", 1, sha));
  put(rec("org-b", "evidence", "", "ev_2", 1, sha));  // another organization's does not keep org-a's
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_TRUE(blobs().exists("org-a", sha)) << "removed while live evidence names it";
  auto gone = rec("org-a", "evidence", "", "ev_1", 1, "");
  gone.version = 2;
  put(gone, 1);
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_FALSE(blobs().exists("org-a", sha));
  EXPECT_EQ(pg_count("SELECT COUNT(*) FROM evidence_chunks"), 0);
}

TEST_F(PgBlobStoreOnly, AHoldOfAServerThatStoppedGoesStaleAndAnUploadAfterARemovalStoresItsBytes) {
  const std::string bytes = noise(2'000, 9);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes, 100'000, /*release=*/false));
  auto c = postgres::PgConnection::open(location());
  c->exec_script("UPDATE evidence_blobs SET held_at = now() - interval '2 hours'");
  AIMS_EXPECT_OK(blobs().remove("org-a", sha));
  EXPECT_FALSE(blobs().exists("org-a", sha)) << "a hold older than kStaleHold still kept the blob";
  // The upload that comes after a removal is not `existed`: its own bytes become the blob.
  EXPECT_FALSE(put_blob("org-a", bytes));
  EXPECT_TRUE(read_all("org-a", sha) == bytes);
}

TEST_F(PgBlobStoreOnly, ABlobRemovedWhileBeingReadFailsTheReadInsteadOfEndingItShort) {
  const std::string bytes = noise(3 * postgres::PgBlobStore::kChunkBytes, 6);
  const std::string sha = crypto::sha256_hex(bytes);
  EXPECT_FALSE(put_blob("org-a", bytes));
  auto r = blobs().open("org-a", sha);
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  std::string buf(1000, '\0');
  auto first = (*r)->read(buf.data(), buf.size());
  ASSERT_TRUE(first.has_value());
  AIMS_ASSERT_OK(blobs().remove("org-a", sha));
  bool failed = false;
  for (int i = 0; i < 10'000 && !failed; ++i) {
    auto n = (*r)->read(buf.data(), buf.size());
    if (!n) {
      failed = true;
      EXPECT_EQ(n.error().code, errc::unavailable);
    } else {
      ASSERT_GT(*n, 0u) << "the read ended short as if the blob were whole";
    }
  }
  EXPECT_TRUE(failed);
}

TEST_F(PgBlobStoreOnly, WritersAndReadersOfManyBlobsAtOnceShareThePool) {
  // More threads than the pool has connections: each call waits for one instead of failing.
  std::vector<std::thread> threads;
  std::atomic<int> bad{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      const std::string bytes = noise(400'000 + static_cast<std::size_t>(t), 10 + static_cast<unsigned>(t));
      auto w = blobs().create();
      bool existed = true;
      if (!w || !(*w)->write(bytes) || !(*w)->commit("org-a", crypto::sha256_hex(bytes), existed) || existed) {
        ++bad;
        return;
      }
      auto r = blobs().open("org-a", crypto::sha256_hex(bytes));
      if (!r) {
        ++bad;
        return;
      }
      std::string back, buf(50'000, '\0');
      for (;;) {
        auto n = (*r)->read(buf.data(), buf.size());
        if (!n) {
          ++bad;
          return;
        }
        if (*n == 0) break;
        back.append(buf.data(), *n);
      }
      if (back != bytes) ++bad;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(staging(), 0);
}

}  // namespace
}  // namespace aims::store::conformance
