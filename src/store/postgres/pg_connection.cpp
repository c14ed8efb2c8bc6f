// libpq connection: connect, prepare and cache, run with text parameters, classify SQLSTATEs.
#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>

namespace aims::store::postgres {
namespace {

/// Owns a PGresult until released.
struct ResultPtr {
  PGresult* res;
  ~ResultPtr() { PQclear(res); }
};

sql::ErrorKind classify(const char* sqlstate) {
  std::string_view s = sqlstate ? sqlstate : "";
  if (s == "40001" || s == "40P01") return sql::ErrorKind::serialization;
  if (s == "23505") return sql::ErrorKind::unique_violation;
  if (s == "23503") return sql::ErrorKind::foreign_key;
  if (s == "55P03") return sql::ErrorKind::busy;
  if (s.starts_with("08") || s == "57P01" || s == "57P02" || s == "57P03" || s == "53300")
    return sql::ErrorKind::connection;
  return sql::ErrorKind::other;
}

std::string trimmed(const char* msg) {
  std::string m = msg ? msg : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

}  // namespace

std::string to_dollar_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {  // quoted text or identifier; a doubled quote stays inside
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] != ch) ++end;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (ch == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += ch;
    }
  }
  return out;
}

std::unique_ptr<PgConnection> PgConnection::open(const std::string& conninfo) {
  // Later keywords override earlier ones, so the location's own connect_timeout wins.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "aims", conninfo.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (!conn) throw sql::SqlError(sql::ErrorKind::connection, "out of memory connecting to PostgreSQL");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    throw sql::SqlError(sql::ErrorKind::connection, msg);
  }
  std::unique_ptr<PgConnection> c(new PgConnection(conn));
  // Server notices (e.g. "already exists, skipping") are not errors; keep them off stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0)
    throw sql::SqlError(sql::ErrorKind::connection, "cannot set client encoding UTF8: " + trimmed(PQerrorMessage(conn)));
  // A commit returns only once it is flushed to disk, whatever the server's default.
  c->exec_script("SET synchronous_commit TO on");
  return c;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::usable() const { return !broken_ && PQstatus(conn_) == CONNECTION_OK; }

std::string PgConnection::quote_identifier(std::string_view name) {
  char* q = PQescapeIdentifier(conn_, name.data(), name.size());
  if (!q) throw sql::SqlError(sql::ErrorKind::other, "cannot quote identifier: " + trimmed(PQerrorMessage(conn_)));
  std::string out(q);
  PQfreemem(q);
  return out;
}

void PgConnection::check(PGresult* res, std::string_view what) {
  ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
  ResultPtr owned{res};
  std::string msg = trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
  sql::ErrorKind kind = classify(res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr);
  if (PQstatus(conn_) != CONNECTION_OK) {
    broken_ = true;
    kind = sql::ErrorKind::connection;
  }
  if (msg.empty()) msg = "unexpected result status " + std::string(PQresStatus(st));
  throw sql::SqlError(kind, msg + " [" + std::string(what.substr(0, 120)) + "]");
}

PGresult* PgConnection::run(std::string_view sql, const sql::Params& params) {
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const sql::Param& p = params[i];
    if (const auto* s = std::get_if<std::string>(&p)) {
      values[i] = s->c_str();
    } else if (const auto* n = std::get_if<std::int64_t>(&p)) {
      texts[i] = std::to_string(*n);
      values[i] = texts[i].c_str();
    } else if (const auto* b = std::get_if<bool>(&p)) {
      values[i] = *b ? "true" : "false";
    }
  }
  const int n = static_cast<int>(params.size());
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end() && cache_.size() >= kMaxCachedStatements) {
    PGresult* res = PQexecParams(conn_, to_dollar_params(sql).c_str(), n, nullptr, values.data(), nullptr, nullptr, 0);
    check(res, sql);
    return res;
  }
  if (it == cache_.end()) {
    std::string name = "aims_" + std::to_string(next_name_++);
    PGresult* prep = PQprepare(conn_, name.c_str(), to_dollar_params(sql).c_str(), 0, nullptr);
    check(prep, sql);
    PQclear(prep);
    it = cache_.emplace(std::move(key), std::move(name)).first;
  }
  PGresult* res = PQexecPrepared(conn_, it->second.c_str(), n, values.data(), nullptr, nullptr, 0);
  check(res, sql);
  return res;
}

std::int64_t PgConnection::exec(std::string_view sql, const sql::Params& params) {
  ResultPtr res{run(sql, params)};
  const char* tuples = PQcmdTuples(res.res);
  return (tuples && *tuples) ? std::strtoll(tuples, nullptr, 10) : 0;
}

sql::Rows PgConnection::query(std::string_view sql, const sql::Params& params) {
  ResultPtr res{run(sql, params)};
  const int rows = PQntuples(res.res);
  const int cols = PQnfields(res.res);
  sql::Rows out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    std::vector<sql::Value> cells;
    cells.reserve(static_cast<std::size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      if (PQgetisnull(res.res, r, c))
        cells.emplace_back(std::monostate{});
      else
        cells.emplace_back(std::string(PQgetvalue(res.res, r, c), static_cast<std::size_t>(PQgetlength(res.res, r, c))));
    }
    out.emplace_back(std::move(cells));
  }
  return out;
}

void PgConnection::exec_script(std::string_view sql) {
  std::string text(sql);
  PGresult* res = PQexec(conn_, text.c_str());
  check(res, sql);
  PQclear(res);
}

namespace {

// The organizations' write locks use the two-key form of advisory locks, whose key space is apart
// from the one-key form the migrations lock. Two organizations may share a key: they then queue
// together, which is slower but still correct.
constexpr std::int64_t kOrgLockClass = 0x61696d73;  // "aims"

std::int64_t org_lock_key(const std::string& org_id) {
  std::uint32_t h = 2166136261u;  // FNV-1a, 32 bits
  for (unsigned char ch : org_id) h = (h ^ ch) * 16777619u;
  return static_cast<std::int32_t>(h);
}

}  // namespace

void PgConnection::claim_org(const std::string& org_id) {
  claimed_.insert(org_id);
  if (held_.count(org_id) || in_tx_.count(org_id)) return;
  sql::Rows got = query("SELECT pg_try_advisory_xact_lock(?::integer, ?::integer)", {kOrgLockClass, org_lock_key(org_id)});
  if (got.empty() || !got.front().boolean(0))
    throw sql::SqlError(sql::ErrorKind::serialization, "another write of this organization is in progress");
  in_tx_.insert(org_id);
}

bool PgConnection::wait_for_orgs() {
  bool all_held = true;
  for (const std::string& org : claimed_) all_held = all_held && held_.count(org) > 0;
  if (all_held) return false;  // the attempt failed for another reason: back off as usual
  // Taken in one order, all at once, so two waiting writes never hold one each of two organizations.
  if (!held_.empty()) {
    exec("SELECT pg_advisory_unlock_all()");
    held_.clear();
  }
  for (const std::string& org : claimed_) {
    exec("SELECT pg_advisory_lock(?::integer, ?::integer)", {kOrgLockClass, org_lock_key(org)});
    held_.insert(org);
  }
  return true;
}

void PgConnection::release_orgs() noexcept {
  claimed_.clear();
  if (held_.empty()) return;
  held_.clear();
  PGresult* res = PQexec(conn_, "SELECT pg_advisory_unlock_all()");
  if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) broken_ = true;  // closing the session lets go
  PQclear(res);
}

void PgConnection::begin(sql::TxMode mode) {
  in_tx_.clear();
  // SERIALIZABLE: a write that raced another is refused (40001) and retried whole, never merged.
  exec_script(mode == sql::TxMode::write ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                                         : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

void PgConnection::commit() {
  // COMMIT of a failed transaction "succeeds" as a rollback: refuse it loudly instead.
  if (PQtransactionStatus(conn_) == PQTRANS_INERROR)
    throw sql::SqlError(sql::ErrorKind::other, "transaction aborted by an earlier error; not committed");
  exec_script("COMMIT");
}

void PgConnection::rollback() noexcept {
  PGTransactionStatusType ts = PQtransactionStatus(conn_);
  if (ts == PQTRANS_IDLE) return;
  if (ts == PQTRANS_UNKNOWN || ts == PQTRANS_ACTIVE) {
    broken_ = true;
    return;
  }
  PGresult* res = PQexec(conn_, "ROLLBACK");
  if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) broken_ = true;
  PQclear(res);
}

}  // namespace aims::store::postgres
