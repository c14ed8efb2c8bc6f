#include "domain/ledger/audit_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "domain/accounts/roles.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_entries_page.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/log_tree.hpp"

namespace aims::ledger {
namespace json = boost::json;
using accounts::Actor;
using accounts::Role;

namespace {

Error bad_number(const std::string& field, const std::string& what) {
  return make_error(errc::bad_request, field + " must be " + what + ".", {{field, 0, "must be " + what}});
}

status may_read_whole_log(const Actor& a) {
  if (a.role == Role::admin || a.role == Role::manager || a.role == Role::auditor) return ok();
  return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) +
                                         ") may not read the whole audit log; auditors, managers and admins may.");
}

json::array hex_list(const std::vector<merkle::Hash>& hs) {
  json::array out;
  for (const auto& h : hs) out.push_back(json::string(merkle::to_hex(h)));
  return out;
}

json::value note_or_null(store::ReadTx& tx, const LogSigner& signer, const std::string& org_id, std::int64_t size) {
  auto c = tx.find_audit_checkpoint(org_id, size);
  return c ? json::value(json::string(signer.cosign(org_id, c->note))) : json::value(nullptr);
}

json::object entry_item(const store::AuditEntryRow& r) {
  json::object o{{"seq", r.seq}, {"entry", r.entry}, {"leaf_hash", r.leaf_hash}};
  if (auto e = parse_entry(r.entry)) {
    o["at"] = e->at;
    o["actor"] = e->actor;
    o["record_type"] = e->record_type;
    o["record_id"] = e->record_id;
    o["op"] = e->op;
    o["content_sha256"] = e->content_sha256;
  }
  return o;
}

json::object checkpoint_json(const store::AuditCheckpointRow& c, const std::string& origin) {
  return json::object{{"origin", origin},           {"size", c.size},         {"root_hash", c.root_hash},
                      {"checkpoint", c.note},       {"created_at", c.created_at}};
}

}  // namespace

result<store::AuditCheckpointRow> AuditService::issue_checkpoint(const std::string& org_id) {
  std::int64_t size = 0;
  merkle::Hash root{};
  std::optional<store::AuditCheckpointRow> existing, previous, foreign;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    size = tx.audit_size(org_id);
    existing = tx.find_audit_checkpoint(org_id, size);
    if (existing) return ok();
    try {
      auto nodes = tree_of(tx, org_id);
      root = merkle::root(static_cast<std::uint64_t>(size), nodes);
      auto last = tx.list_audit_checkpoints(org_id, 1, size);
      // Never sign after a checkpoint of another key: several servers share one key (docs/deployment.md).
      if (!last.empty() && !signer_.signed_it(org_id, last.front().note)) foreign = last.front();
      // Never sign over a log that no longer gives the root an earlier checkpoint signed.
      if (!last.empty() &&
          merkle::to_hex(merkle::root(static_cast<std::uint64_t>(last.front().size), nodes)) != last.front().root_hash)
        previous = last.front();
    } catch (const DamagedLog& d) {
      return make_error(errc::conflict, std::string("The audit log is damaged (") + d.what() +
                                            "); no checkpoint was signed.");
    }
    return ok();
  });
  if (!st) return st.error();
  if (existing) {
    existing->note = signer_.cosign(org_id, existing->note);  // signed before organizations had own keys
    return *existing;
  }
  if (foreign)
    return make_error(errc::conflict, "The audit log's checkpoint of size " + std::to_string(foreign->size) +
                                          " was signed by another key than this server's: every server of an "
                                          "installation must use the same signing key file (audit_key). No "
                                          "checkpoint was signed.");
  if (previous)
    return make_error(errc::conflict, "The audit log no longer matches its checkpoint of size " +
                                          std::to_string(previous->size) +
                                          ": it was altered outside aims. No new checkpoint was signed.");
  store::AuditCheckpointRow row{org_id, size, merkle::to_hex(root), signer_.sign(org_id, size, root), clock_.now_text()};
  st = store_.write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.insert_audit_checkpoint(row); !s) return s;
    if (auto stored = tx.find_audit_checkpoint(org_id, size)) row = *stored;  // an identical one kept earlier
    return ok();
  });
  if (!st) return st.error();
  row.note = signer_.cosign(org_id, row.note);
  return row;
}

result<std::string> AuditService::checkpoint(const Actor& a) {
  auto c = issue_checkpoint(a.org_id);
  if (!c) return c.error();
  auto o = checkpoint_json(*c, signer_.origin(a.org_id));
  o["key_id"] = signer_.key_id_hex(a.org_id);
  return json::serialize(o);
}

result<std::string> AuditService::public_key(const Actor& a) {
  auto v = signer_.verifier(a.org_id);
  auto raw = std::string(reinterpret_cast<const char*>(v.key.data()), v.key.size());
  return json::serialize(json::object{{"key_name", v.name},
                                      {"key_id", signer_.key_id_hex(a.org_id)},
                                      {"algorithm", "Ed25519"},
                                      {"public_key", note::base64_encode(raw)},
                                      {"verifier_key", signer_.verifier_key(a.org_id)}});
}

result<std::string> AuditService::entries(const Actor& a, const EntriesParams& p) {
  if (auto s = may_read_whole_log(a); !s) return s.error();
  auto q = entries_query(a.org_id, p);
  if (!q) return q.error();
  std::int64_t size = 0;
  std::optional<inventory::CachedPage> cached;
  std::string page;
  auto key = a.org_id + "/" + std::to_string(q->from.value_or(-1)) + "/" + std::to_string(q->limit) + "/" +
             (q->newest_first ? "n" : "o");
  for (const auto* v : {&q->record_type, &q->actor, &q->op, &q->from_day, &q->to_day})
    key += v->has_value() ? "/=" + **v : std::string("/-");  // '/' may occur in a value: '=' marks each start
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    size = tx.audit_size(a.org_id);
    cached = pages_.get(key, size);
    if (cached) return ok();
    auto queries = store::audit_entry_queries(tx);
    if (!queries) return queries.error();
    auto rows = (*queries)->query_audit_entries(*q);
    bool more = rows.size() > static_cast<std::size_t>(q->limit - 1);
    if (more) rows.pop_back();
    json::array items;
    for (const auto& r : rows) items.push_back(entry_item(r));
    add_display_fields(**queries, a.org_id, rows, items);
    json::object out{{"items", std::move(items)}, {"size", size}};
    if (more) out["next"] = std::to_string(q->newest_first ? rows.back().seq - 1 : rows.back().seq + 1);
    page = json::serialize(out);
    return ok();
  });
  if (!st) return st.error();
  if (cached) return std::move(cached->items_json);
  pages_.put(key, size, inventory::CachedPage{page, 0, std::nullopt});
  return page;
}

result<std::string> AuditService::inclusion(const Actor& a, const std::string& seq_text,
                                            const std::optional<std::string>& size_text) {
  auto seq = whole_number(seq_text);
  if (!seq) return make_error(errc::not_found, "No audit entry " + seq_text + ".");
  std::optional<std::int64_t> want;
  if (size_text) {
    want = whole_number(*size_text);
    if (!want || *want < 1) return bad_number("size", "a whole number >= 1");
  } else {
    auto c = issue_checkpoint(a.org_id);
    if (!c) return c.error();
    want = c->size;
  }
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto size = tx.audit_size(a.org_id);
    if (*seq >= size)
      return make_error(errc::not_found, "No audit entry " + seq_text + "; the log has " + std::to_string(size) + " entries.");
    if (*want > size) return bad_number("size", "at most the log's size, " + std::to_string(size));
    if (*want <= *seq) return bad_number("size", "greater than the entry's seq, " + std::to_string(*seq));
    auto rows = tx.list_audit_entries(a.org_id, *seq, 1);
    if (rows.empty()) return make_error(errc::internal, "audit entry " + seq_text + " is missing");
    try {
      auto nodes = tree_of(tx, a.org_id);
      auto proof = merkle::inclusion_proof(static_cast<std::uint64_t>(*seq), static_cast<std::uint64_t>(*want), nodes);
      auto root = merkle::root(static_cast<std::uint64_t>(*want), nodes);
      out = json::object{{"seq", *seq},
                         {"size", *want},
                         {"entry", rows.front().entry},
                         {"leaf_hash", rows.front().leaf_hash},
                         {"inclusion_proof", hex_list(proof)},
                         {"root_hash", merkle::to_hex(root)},
                         {"checkpoint", note_or_null(tx, signer_, a.org_id, *want)}};
    } catch (const DamagedLog& d) {
      return make_error(errc::conflict, std::string("The audit log is damaged: ") + d.what() + ".");
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::string> AuditService::consistency(const Actor& a, const std::optional<std::string>& from_text,
                                              const std::optional<std::string>& to_text) {
  if (!from_text) return bad_number("from", "given (the size of the older tree)");
  auto from = whole_number(*from_text);
  if (!from) return bad_number("from", "a whole number >= 0");
  std::optional<std::int64_t> to;
  if (to_text) {
    to = whole_number(*to_text);
    if (!to) return bad_number("to", "a whole number >= 0");
  } else {
    auto c = issue_checkpoint(a.org_id);
    if (!c) return c.error();
    to = c->size;
  }
  if (*from > *to) return bad_number("from", "at most to, " + std::to_string(*to));
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto size = tx.audit_size(a.org_id);
    if (*to > size) return bad_number("to", "at most the log's size, " + std::to_string(size));
    try {
      auto nodes = tree_of(tx, a.org_id);
      auto proof =
          merkle::consistency_proof(static_cast<std::uint64_t>(*from), static_cast<std::uint64_t>(*to), nodes);
      out = json::object{{"from", *from},
                         {"to", *to},
                         {"from_root", merkle::to_hex(merkle::root(static_cast<std::uint64_t>(*from), nodes))},
                         {"to_root", merkle::to_hex(merkle::root(static_cast<std::uint64_t>(*to), nodes))},
                         {"consistency_proof", hex_list(proof)},
                         {"from_checkpoint", note_or_null(tx, signer_, a.org_id, *from)},
                         {"to_checkpoint", note_or_null(tx, signer_, a.org_id, *to)}};
    } catch (const DamagedLog& d) {
      return make_error(errc::conflict, std::string("The audit log is damaged: ") + d.what() + ".");
    }
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<std::unique_ptr<LogExportStream>> AuditService::export_stream(const Actor& a) {
  if (auto s = may_read_whole_log(a); !s) return s.error();
  auto c = issue_checkpoint(a.org_id);
  if (!c) return c.error();
  return LogExportStream::open(store_, signer_, a.org_id, c->size);
}

result<LogFile> AuditService::export_log(const Actor& a) {
  auto stream = export_stream(a);
  if (!stream) return stream.error();
  LogFile file;
  file.size = (*stream)->entries();
  file.filename = (*stream)->filename();
  file.body.resize(static_cast<std::size_t>((*stream)->size()));
  for (std::size_t at = 0; at < file.body.size();) {
    auto n = (*stream)->read(file.body.data() + at, file.body.size() - at);
    if (!n) return n.error();
    if (*n == 0) return make_error(errc::internal, "The audit log export ended early.");
    at += *n;
  }
  return file;
}

}  // namespace aims::ledger
