// PostgreSQL blob store: staged chunks, commit by naming, chunk-at-a-time reads, stale staging sweep.
#include "store/postgres/pg_blob_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/crypto.hpp"
#include "store/postgres/pg_connection.hpp"

namespace aims::store::postgres {
namespace {

constexpr auto kBlobWaitForConnection = std::chrono::seconds(30);

Error blob_db_error(const std::string& what, const sql::SqlError& e) {
  return make_error(errc::unavailable, what + ": " + e.what());
}

bool blob_key_ok(const std::string& org_id, const std::string& sha256) {
  if (org_id.empty() || org_id.size() > 64 || sha256.size() != 64) return false;
  for (char c : sha256)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

/// bytea input in PostgreSQL's hex format ("\x" then two hex digits a byte).
std::string to_bytea_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.resize(2 + bytes.size() * 2);
  out[0] = '\\';
  out[1] = 'x';
  std::size_t o = 2;
  for (unsigned char b : bytes) {
    out[o++] = kDigits[b >> 4];
    out[o++] = kDigits[b & 0x0f];
  }
  return out;
}

int blob_hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Decodes bytea output in hex format into `out` (replacing it); false if it is not that format.
bool from_bytea_hex(const std::string& text, std::string& out) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0) return false;
  out.resize((text.size() - 2) / 2);
  for (std::size_t i = 0, t = 2; i < out.size(); ++i, t += 2) {
    int hi = blob_hex_value(text[t]), lo = blob_hex_value(text[t + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<char>((hi << 4) | lo);
  }
  return true;
}

}  // namespace

/// A pooled connection borrowed for one call; returned (or closed if broken) at the end.
class PgBlobStore::Lease {
 public:
  explicit Lease(PgBlobStore& s) : store_(s), c_(s.take()) {}
  ~Lease() { store_.give_back(std::move(c_)); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  PgConnection& operator*() { return *c_; }
  PgConnection* operator->() { return c_.get(); }

 private:
  PgBlobStore& store_;
  std::unique_ptr<PgConnection> c_;
};

namespace {

/// Runs `body` in one transaction on `c` (READ COMMITTED: each statement sees the latest commits);
/// rolls back if it throws.
template <class F>
void in_blob_transaction(PgConnection& c, F&& body) {
  sql::run_in_transaction(c, [&] { c.exec_script("BEGIN"); }, body);
}

class PgWriter final : public BlobWriter {
 public:
  PgWriter(PgBlobStore& store, std::string id) : store_(store), id_(std::move(id)) { buf_.reserve(PgBlobStore::kChunkBytes); }
  ~PgWriter() override {
    if (done_) return;
    try {  // abandoned: the content and its chunks go (a failure leaves it to the sweep)
      PgBlobStore::Lease c(store_);
      c->exec("DELETE FROM evidence_contents WHERE id = ?", {id_});
    } catch (const sql::SqlError&) {
    }
  }

  status write(std::string_view bytes) override {
    if (done_) return make_error(errc::internal, "write after commit");
    while (!bytes.empty()) {
      std::size_t take = std::min(bytes.size(), PgBlobStore::kChunkBytes - buf_.size());
      buf_.append(bytes.data(), take);
      bytes.remove_prefix(take);
      if (buf_.size() == PgBlobStore::kChunkBytes)
        if (auto st = flush(); !st) return st;
    }
    return ok();
  }

  status commit(const std::string& org_id, const std::string& sha256, bool& existed) override {
    existed = false;
    if (done_) return make_error(errc::internal, "commit twice");
    if (!blob_key_ok(org_id, sha256)) return make_error(errc::internal, "bad blob key " + org_id + "/" + sha256);
    if (!buf_.empty())
      if (auto st = flush(); !st) return st;
    try {
      PgBlobStore::Lease c(store_);
      // Durable on return: this commit is synchronous, and flushing the log up to it flushes the
      // chunks' earlier (asynchronous) commits too.
      in_blob_transaction(*c, [&] {
        // Names the content as the blob, or holds the blob of that name that exists already. The
        // row lock orders this against a removal on another server: a removal that went first is
        // gone (this inserts), one that comes after sees the hold and keeps the blob.
        sql::Rows named = c->query(
            "INSERT INTO evidence_blobs (org_id, sha256, content_id, size, holds, held_at) VALUES (?, ?, ?, ?, 1, now()) "
            "ON CONFLICT (org_id, sha256) DO UPDATE SET holds = evidence_blobs.holds + 1, held_at = now() "
            "RETURNING content_id",
            {org_id, sha256, id_, static_cast<std::int64_t>(size_)});
        existed = named.empty() || named.front().text(0) != id_;
        if (existed) c->exec("DELETE FROM evidence_contents WHERE id = ?", {id_});
      });
    } catch (const sql::SqlError& e) {
      existed = false;
      return blob_db_error("cannot store the upload in the database", e);
    }
    done_ = true;
    return ok();
  }

 private:
  /// Sends the buffered chunk in a transaction of its own, committed without waiting for the disk.
  status flush() {
    try {
      PgBlobStore::Lease c(store_);
      in_blob_transaction(*c, [&] {
        c->exec_script("SET LOCAL synchronous_commit TO off");
        c->exec("INSERT INTO evidence_chunks (content_id, n, bytes) VALUES (?, ?, ?::bytea)",
                {id_, next_, to_bytea_hex(buf_)});
      });
    } catch (const sql::SqlError& e) {
      return blob_db_error("cannot write the upload to the database", e);
    }
    size_ += buf_.size();
    ++next_;
    buf_.clear();
    return ok();
  }

  PgBlobStore& store_;
  const std::string id_;
  std::string buf_;  // the chunk being filled
  std::int64_t next_ = 0;
  std::uint64_t size_ = 0;  // bytes sent in chunks
  bool done_ = false;
};

class PgReader final : public BlobReader {
 public:
  PgReader(PgBlobStore& store, std::string content_id, std::uint64_t size)
      : store_(store), content_id_(std::move(content_id)), size_(size) {}
  std::uint64_t size() const override { return size_; }

  result<std::size_t> read(char* buf, std::size_t n) override {
    if (n == 0) return std::size_t{0};
    if (at_ == chunk_.size()) {
      if (delivered_ == size_) return std::size_t{0};
      if (auto st = fetch(); !st) return st.error();
    }
    std::size_t give = std::min(n, chunk_.size() - at_);
    std::memcpy(buf, chunk_.data() + at_, give);
    at_ += give;
    delivered_ += give;
    return give;
  }

 private:
  status fetch() {
    std::string text;
    try {
      PgBlobStore::Lease c(store_);
      sql::Rows rows = c->query("SELECT bytes FROM evidence_chunks WHERE content_id = ? AND n = ?", {content_id_, next_});
      if (rows.empty())
        return make_error(errc::unavailable, "the evidence file's part " + std::to_string(next_) +
                                                 " is missing from the database (removed while being read?)");
      text = rows.front().take_text(0);
    } catch (const sql::SqlError& e) {
      return blob_db_error("cannot read the evidence file from the database", e);
    }
    if (!from_bytea_hex(text, chunk_) || chunk_.empty() || delivered_ + chunk_.size() > size_)
      return make_error(errc::unavailable, "the evidence file's part " + std::to_string(next_) + " in the database is damaged");
    at_ = 0;
    ++next_;
    return ok();
  }

  PgBlobStore& store_;
  const std::string content_id_;
  const std::uint64_t size_;
  std::string chunk_;  // the chunk being read
  std::size_t at_ = 0;
  std::int64_t next_ = 0;
  std::uint64_t delivered_ = 0;
};

}  // namespace

result<std::unique_ptr<PgBlobStore>> PgBlobStore::open(const std::string& conninfo) {
  std::unique_ptr<PgConnection> c;
  try {
    c = PgConnection::open(conninfo);
    c->exec_script("SET bytea_output TO hex");
    // Writers of a process that stopped without finishing: nothing names their contents.
    c->exec(
        "DELETE FROM evidence_contents c WHERE c.started_at < now() - interval '1 day' "
        "AND NOT EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.content_id = c.id)");
  } catch (const sql::SqlError& e) {
    return make_error(errc::unavailable, std::string("cannot open the evidence tables in PostgreSQL: ") + e.what());
  }
  return std::unique_ptr<PgBlobStore>(new PgBlobStore(conninfo, std::move(c)));
}

PgBlobStore::PgBlobStore(std::string conninfo, std::unique_ptr<PgConnection> first)
    : pool_(std::move(conninfo), kMaxConnections, kBlobWaitForConnection, "no free PostgreSQL connection for evidence files",
            std::move(first), [](PgConnection& c) { c.exec_script("SET bytea_output TO hex"); }) {}

PgBlobStore::~PgBlobStore() = default;

std::unique_ptr<PgConnection> PgBlobStore::take() { return pool_.take(); }

void PgBlobStore::give_back(std::unique_ptr<PgConnection> c) { pool_.give_back(std::move(c)); }

result<std::unique_ptr<BlobWriter>> PgBlobStore::create() {
  std::string id = "up_" + crypto::random_base32(26);
  try {
    Lease c(*this);
    c->exec("INSERT INTO evidence_contents (id) VALUES (?)", {id});
  } catch (const sql::SqlError& e) {
    return blob_db_error("cannot start an upload in the database", e);
  }
  return std::unique_ptr<BlobWriter>(std::make_unique<PgWriter>(*this, std::move(id)));
}

result<std::unique_ptr<BlobReader>> PgBlobStore::open(const std::string& org_id, const std::string& sha256) {
  if (!blob_key_ok(org_id, sha256)) return make_error(errc::not_found, "No such evidence file.");
  try {
    Lease c(*this);
    sql::Rows rows =
        c->query("SELECT content_id, size FROM evidence_blobs WHERE org_id = ? AND sha256 = ?", {org_id, sha256});
    if (rows.empty()) return make_error(errc::not_found, "The evidence file is missing from the vault.");
    return std::unique_ptr<BlobReader>(
        std::make_unique<PgReader>(*this, rows.front().text(0), static_cast<std::uint64_t>(rows.front().int64(1))));
  } catch (const sql::SqlError& e) {
    return blob_db_error("cannot open the evidence file in the database", e);
  }
}

bool PgBlobStore::exists(const std::string& org_id, const std::string& sha256) {
  if (!blob_key_ok(org_id, sha256)) return false;
  try {
    Lease c(*this);
    return !c->query("SELECT 1 FROM evidence_blobs WHERE org_id = ? AND sha256 = ?", {org_id, sha256}).empty();
  } catch (const sql::SqlError&) {
    return false;
  }
}

status PgBlobStore::remove(const std::string& org_id, const std::string& sha256) {
  if (!blob_key_ok(org_id, sha256)) return ok();
  try {
    Lease c(*this);
    in_blob_transaction(*c, [&] {
      // Kept while an upload holds it (a hold older than kStaleHold is a server that stopped
      // between its commit and its record) or while live evidence names it: evidence records name
      // their blob by `ref` = the hash while they live (EvidenceService). Checked by this
      // statement, after waiting for any commit that holds the row, so no other server's upload
      // can slip between the check and the removal.
      sql::Rows gone = c->query(
          "DELETE FROM evidence_blobs b WHERE b.org_id = ? AND b.sha256 = ? "
          "AND (b.holds = 0 OR b.held_at < now() - interval '" + std::string(kStaleHold) + "') "
          "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.org_id = b.org_id AND r.kind = 'evidence' AND r.ref = b.sha256) "
          "RETURNING b.content_id",
          {org_id, sha256});
      for (const auto& row : gone) c->exec("DELETE FROM evidence_contents WHERE id = ?", {row.text(0)});
    });
  } catch (const sql::SqlError& e) {
    return blob_db_error("cannot remove the evidence file from the database", e);
  }
  return ok();
}

void PgBlobStore::release(const std::string& org_id, const std::string& sha256) {
  if (!blob_key_ok(org_id, sha256)) return;
  try {
    Lease c(*this);
    // Not waited for on disk: a release lost in a crash is a hold that goes stale (kStaleHold).
    in_blob_transaction(*c, [&] {
      c->exec_script("SET LOCAL synchronous_commit TO off");
      c->exec("UPDATE evidence_blobs SET holds = holds - 1 WHERE org_id = ? AND sha256 = ? AND holds > 0", {org_id, sha256});
    });
  } catch (const sql::SqlError&) {
    // Same as a lost release: the hold goes stale.
  }
}

result<std::int64_t> PgBlobStore::staging_count() {
  try {
    Lease c(*this);
    sql::Rows rows = c->query(
        "SELECT COUNT(*) FROM evidence_contents c WHERE NOT EXISTS "
        "(SELECT 1 FROM evidence_blobs b WHERE b.content_id = c.id)");
    return rows.empty() ? 0 : rows.front().int64(0);
  } catch (const sql::SqlError& e) {
    return blob_db_error("cannot count the uploads in progress", e);
  }
}

}  // namespace aims::store::postgres
