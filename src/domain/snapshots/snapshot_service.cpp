// SnapshotService: taking a register's snapshot, listing and reading snapshots, their submission
// to named approvers and the approvers' decisions, and the JSON download.
#include "domain/snapshots/snapshot_service.hpp"

#include <algorithm>

#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/documents/approval.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/records/versions.hpp"
#include "domain/snapshots/snapshot_kind.hpp"
#include "core/json_members.hpp"

namespace aims::snapshots {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

std::string register_title(std::string_view reg) {
  if (reg == "inventory") return "AI system inventory";
  if (reg == "risk_register") return "AI risk register";
  return "Statement of Applicability";
}

json::array change(std::string_view field, json::value from, json::value to) {
  return json::array{json::object{{"field", field}, {"from", std::move(from)}, {"to", std::move(to)}}};
}

/// The snapshot (404), parsed, for a change that requires the role to approve records (403).
result<std::pair<store::RecordRow, json::object>> to_change(store::ReadTx& tx, const Actor& a, const std::string& id,
                                                           std::string_view what) {
  auto row = records::find(tx, snapshot_kind(), a.org_id, id);
  if (!row) return row.error();
  if (auto s = records::require(a, Action::approve, what); !s) return s.error();
  if (auto s = stored::readable(snapshot_kind().kind, a.org_id, id, row->doc); !s) return s.error();
  auto doc = stored::parse_object(row->doc);
  return std::make_pair(std::move(*row), std::move(doc));
}

}  // namespace

result<records::Versioned> SnapshotService::create(const Actor& a, const json::value& body) {
  if (auto s = records::require(a, Action::approve, "publish register snapshots"); !s) return s.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"register"});
  auto reg = in.choice("register", {kRegisters[0], kRegisters[1], kRegisters[2]});
  if (in.ok() && !reg) in.error("register", "is required: inventory, risk_register or soa");
  if (!in.ok()) return in.failure("The snapshot is not valid.");
  auto source = sources_.find(*reg);
  if (source == sources_.end()) return make_error(errc::internal, "no reader of the register " + *reg);
  // The rows as the register's own list serves them now: frozen from here on.
  auto rows = source->second(a);
  if (!rows) return rows.error();
  auto hash = ledger::content_hash(*rows);
  if (!hash) return hash.error();
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto now = clock_.now_text();
    auto number = records::next_number(tx, snapshot_kind(), a.org_id, now);
    if (!number) return number.error();
    auto id = snapshot_kind().prefix + std::to_string(*number);
    json::object doc{{"id", id},
                     {"number", *number},
                     {"register", *reg},
                     {"title", register_title(*reg)},
                     {"status", "draft"},
                     {"row_count", rows->size()},
                     {"content_hash", *hash},
                     {"author", a.user_id},
                     {"author_email", a.email},
                     {"created_at", now},
                     {"approved_at", nullptr},
                     {"approval", nullptr},
                     {"content", std::move(*rows)}};
    store::RecordRow row{snapshot_kind().kind, a.org_id, "", id, 1, *number, "", now, now, json::serialize(doc)};
    if (auto s = records::save(tx, snapshot_kind(), a, row, 0, "create", change("content_hash", nullptr, json::value(*hash))); !s)
      return s;
    out = records::served_version(row);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> SnapshotService::list(const Actor& a, const records::Params& p) {
  const auto& k = snapshot_kind();
  if (auto s = records::require(a, k.read, "read register snapshots"); !s) return s.error();
  auto params = p;
  if (std::none_of(params.begin(), params.end(), [](const auto& kv) { return kv.first == "sort"; }))
    params.emplace_back("sort", "-number");
  auto lq = records::parse_list(k, params);
  if (!lq) return lq.error();
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    store::RecordQuery sql = lq->sql;
    sql.org_id = a.org_id;
    sql.parent_id = "";
    auto page = tx.query_records(sql);
    json::array items;
    for (const auto& r : page.items)
      items.push_back(stored::row_or_error(k.kind, a.org_id, r.id, [&] { return records::version_view(r, true); }));
    out["items"] = std::move(items);
    out["total"] = page.total;
    if (page.more && !page.items.empty())
      out["next"] = records::encode_cursor(lq->sort_param, records::position_of(page.items.back(), sql.sort));
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<records::Versioned> SnapshotService::get(const Actor& a, const std::string& id) {
  if (auto s = records::require(a, snapshot_kind().read, "read register snapshots"); !s) return s.error();
  records::Versioned out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto row = records::find(tx, snapshot_kind(), a.org_id, id);
    if (!row) return row.error();
    if (auto s = stored::readable(snapshot_kind().kind, a.org_id, id, row->doc); !s) return s;
    out = records::served_version(*row);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> SnapshotService::submit(const Actor& a, const std::string& id, const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto c = to_change(tx, a, id, "submit register snapshots for approval");
    if (!c) return c.error();
    auto& [row, before] = *c;
    auto approvers = documents::approval::read_approvers(tx, a.org_id, body);
    if (!approvers) return approvers.error();
    if (string_at(before, "status") != "draft")
      return make_error(errc::conflict, "Snapshot " + id + " is " + string_at(before, "status") +
                                            "; only a draft is submitted for approval.");
    auto now = clock_.now_text();
    auto state = documents::approval::start(*approvers, string_at(before, "author"), a, now, "snapshot " + id);
    if (!state) return state.error();
    auto after = before;
    after["status"] = "in_approval";
    after["approval"] = std::move(*state);
    auto next = records::next_version(row, after, now, a.email);
    if (auto s = records::save(tx, snapshot_kind(), a, next, row.version, "submit", change("status", "draft", "in_approval")); !s)
      return s;
    out = records::served_version(next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> SnapshotService::decide(const Actor& a, const std::string& id, bool approve,
                                                   const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto c = to_change(tx, a, id, "approve or reject register snapshots");
    if (!c) return c.error();
    auto& [row, before] = *c;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"comment"});
    auto comment = in.text("comment", 2000, true);
    if (!in.ok()) return in.failure("The decision is not valid.");
    if (string_at(before, "status") != "in_approval")
      return make_error(errc::conflict, "Snapshot " + id + " is " + string_at(before, "status") +
                                            "; only a snapshot in approval is approved or rejected.");
    auto after = before;
    auto now = clock_.now_text();
    auto outcome = documents::approval::decide(after["approval"].as_object(), string_at(before, "author"), a, approve,
                                               comment.value_or(""), now);
    if (!outcome) return outcome.error();
    std::string op = approve ? "approve" : "reject";
    json::array changes{json::object{{"field", "decision"}, {"from", nullptr}, {"to", a.email + ": " + op}}};
    if (*outcome == documents::approval::Outcome::rejected) {
      after["status"] = "rejected";
      changes.push_back(json::object{{"field", "status"}, {"from", "in_approval"}, {"to", "rejected"}});
    } else if (*outcome == documents::approval::Outcome::approved) {
      // Frozen from here on; the approval's audit entry hashes the record with its content hash.
      after["status"] = "approved";
      after["approved_at"] = now;
      changes.push_back(json::object{{"field", "status"}, {"from", "in_approval"}, {"to", "approved"}});
      changes.push_back(json::object{{"field", "content_hash"}, {"from", nullptr}, {"to", after.at("content_hash")}});
    }
    auto next = records::next_version(row, after, now, a.email);
    if (auto s = records::save(tx, snapshot_kind(), a, next, row.version, op, changes); !s) return s;
    out = records::served_version(next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> SnapshotService::history(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                             const std::optional<std::string>& cursor) {
  if (auto s = records::require(a, snapshot_kind().read, "read register snapshots"); !s) return s.error();
  return records::history_page(store_, snapshot_kind(), a, id, limit, cursor);
}

}  // namespace aims::snapshots
