#include "domain/evidence/custody_log.hpp"

#include <charconv>

#include "domain/evidence/evidence_record.hpp"
#include "domain/evidence/link_targets.hpp"

namespace aims::evidence {
namespace json = boost::json;

status write_history(store::WriteTx& tx, const accounts::Actor& a, std::string_view record_type,
                     const std::string& record_id, const std::string& now, std::string_view operation,
                     const json::array& changes) {
  auto last = tx.list_history(a.org_id, std::string(record_type), record_id, 1, std::nullopt);
  store::HistoryRow h{a.org_id,
                      std::string(record_type),
                      record_id,
                      last.empty() ? 1 : last.front().version + 1,
                      now,
                      a.email,
                      std::string(operation),
                      json::serialize(changes)};
  return tx.insert_history(h);
}

json::array changes_between(const json::object& before, const json::object& after) {
  json::array out;
  for (const auto& kv : after) {
    auto b = before.if_contains(kv.key());
    if (b && *b == kv.value()) continue;
    out.push_back(json::object{{"field", kv.key()}, {"from", b ? *b : json::value(nullptr)}, {"to", kv.value()}});
  }
  for (const auto& kv : before)
    if (!after.contains(kv.key())) out.push_back(json::object{{"field", kv.key()}, {"from", kv.value()}, {"to", nullptr}});
  return out;
}

status append_event(store::WriteTx& tx, const accounts::Actor& a, const std::string& evidence_id,
                    const std::string& now, std::string_view action, json::object detail) {
  store::RecordFilter f{a.org_id, std::string(kEvent), evidence_id, std::nullopt, 0, std::nullopt};
  std::int64_t seq = tx.count_records(f) + 1;
  json::object doc{{"seq", seq}, {"at", now}, {"actor", a.email}, {"action", action}, {"detail", std::move(detail)}};
  store::RecordRow r;
  r.kind = std::string(kEvent);
  r.org_id = a.org_id;
  r.parent_id = evidence_id;
  r.id = event_id(seq);
  r.version = 1;
  r.position = seq;
  r.created_at = now;
  r.updated_at = now;
  r.doc = json::serialize(doc);
  if (auto st = tx.put_record(r, 0); !st) {
    if (st.error().code == errc::conflict)
      return make_error(errc::conflict, "Another change to this evidence was recorded at the same moment; try again.");
    return st;
  }
  return write_history(tx, a, kEvent, evidence_id + "/" + r.id, now, "create", changes_between({}, doc));
}

/// Stores a link (if new) with its custody event and history entry.
status put_link(store::WriteTx& tx, const catalog::Catalog& cat, const accounts::Actor& a, const std::string& evidence_id,
                const LinkTarget& t, const std::string& note, const std::string& now, bool& created,
                std::string_view field) {
  created = false;
  if (tx.find_record(a.org_id, std::string(kLink), evidence_id, t.key)) return ok();
  auto label = resolve_target(tx, cat, a.org_id, t, field);
  if (!label) return label.error();
  json::object doc{{"target", t.key},   {"target_type", t.type}, {"target_id", t.id}, {"label", *label},
                   {"note", note},      {"linked_at", now},      {"linked_by", a.email}};
  store::RecordRow r;
  r.kind = std::string(kLink);
  r.org_id = a.org_id;
  r.parent_id = evidence_id;
  r.id = t.key;
  r.ref = t.key;
  r.version = 1;
  r.created_at = now;
  r.updated_at = now;
  r.doc = json::serialize(doc);
  if (auto st = tx.put_record(r, 0); !st) return st;
  if (auto st = write_history(tx, a, kLink, evidence_id + "/" + t.key, now, "create", changes_between({}, doc)); !st)
    return st;
  created = true;
  return append_event(tx, a, evidence_id, now, "link", json::object{{"target", t.key}, {"label", *label}});
}

}  // namespace aims::evidence
