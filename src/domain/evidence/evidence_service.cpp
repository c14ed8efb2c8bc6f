#include "domain/evidence/evidence_service.hpp"

#include <charconv>
#include <functional>

#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/evidence/custody_log.hpp"
#include "domain/evidence/evidence_kind.hpp"
#include "domain/evidence/evidence_record.hpp"
#include "domain/evidence/evidence_upload.hpp"
#include "domain/evidence/link_targets.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/versions.hpp"
#include "core/text.hpp"

namespace aims::evidence {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

using records::require;

Error not_found(const std::string& id) { return records::not_found(evidence_kind(), id); }

Error deleted(const json::object& doc) {
  return make_error(errc::conflict, "Evidence " + str_of(doc, "number") + " was deleted on " +
                                        str_of(doc, "deleted_at").substr(0, 10) + " by " + str_of(doc, "deleted_by") +
                                        "; it can no longer be changed.");
}


}  // namespace

EvidenceService::EvidenceService(store::Store& store, const catalog::Catalog& cat, BlobStore& blobs, const Clock& clock,
                                 IdSource& ids, EvidenceOptions opts)
    : store_(store), cat_(cat), blobs_(blobs), clock_(clock), ids_(ids), opts_(opts) {}

EvidenceService::~EvidenceService() = default;

std::mutex& EvidenceService::lock_for(const std::string& org_id, const std::string& sha256) {
  return locks_[std::hash<std::string>{}(org_id + "/" + sha256) % locks_.size()];
}

Date EvidenceService::today() const { return date_of(clock_.now()); }

result<View> EvidenceService::get(const Actor& a, const std::string& id) {
  std::optional<store::RecordRow> row;
  std::int64_t links = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    if (row) links = tx.count_records({a.org_id, std::string(kLink), id, std::nullopt, 0, std::nullopt});
    return ok();
  });
  if (!st) return st.error();
  if (!row) return not_found(id);
  if (auto r = stored::readable("evidence", a.org_id, id, row->doc); !r) return r.error();
  auto doc = served(parse_object(row->doc), today(), opts_.expiring_window_days, links);
  return View{id, row->version, json::serialize(doc)};
}

result<View> EvidenceService::update(const Actor& a, const std::string& id, const json::value& body,
                                     const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change evidence"); !st) return st.error();
  auto now = clock_.now_text();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    // Existence first, so that another organization's id is a 404 whatever the body says.
    auto row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    if (!row) return not_found(id);
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    auto changes = read_metadata(body.as_object(),
                                 {"id", "number", "filename", "content_type", "file_type", "file_type_label", "size",
                                  "sha256", "deleted", "deleted_at", "deleted_by", "uploaded_at", "uploaded_by",
                                  "version", "created_at", "updated_at", "updated_by", "freshness", "link_count"},
                                 "The change is not valid.");
    if (!changes) return changes.error();
    if (auto s = records::check_if_match(evidence_kind(), *row, if_match); !s) return s;
    auto before = parse_object(row->doc);
    if (before.at("deleted").as_bool()) return deleted(before);
    auto after = before;
    for (const auto& kv : *changes) after[kv.key()] = kv.value();
    if (auto s = check_dates(after); !s) return s;
    auto diff = changes_between(before, after);
    if (diff.empty()) return ok();
    auto r = records::next_version(*row, after, now, a.email);
    if (auto s = records::save(tx, evidence_kind(), a, r, row->version, "update", diff); !s) return s;
    json::array fields;
    for (const auto& c : diff) fields.push_back(c.at("field"));
    return append_event(tx, a, id, now, "update", json::object{{"fields", std::move(fields)}, {"changes", diff}});
  });
  if (!st) return st.error();
  return get(a, id);
}

status EvidenceService::remove(const Actor& a, const std::string& id, const std::optional<std::string>& if_match) {
  std::optional<store::RecordRow> found;
  auto rst = store_.read([&](store::ReadTx& tx) -> status {
    found = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    return ok();
  });
  if (!rst) return rst;
  if (!found) return not_found(id);
  if (auto st = require(a, Action::approve, "delete evidence"); !st) return st;
  auto sha = str_of(parse_object(found->doc), "sha256");
  std::lock_guard lock(lock_for(a.org_id, sha));
  auto now = clock_.now_text();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    if (!row) return not_found(id);
    if (auto s = records::check_if_match(evidence_kind(), *row, if_match); !s) return s;
    auto before = parse_object(row->doc);
    if (before.at("deleted").as_bool()) return deleted(before);
    auto n = tx.count_records({a.org_id, std::string(kLink), id, std::nullopt, 0, std::nullopt});
    if (n > 0)
      return make_error(errc::conflict, "Evidence " + str_of(before, "number") + " is still linked to " + std::to_string(n) +
                                            (n == 1 ? " record" : " records") + "; remove the links first.");
    auto after = before;
    after["deleted"] = true;
    after["deleted_at"] = now;
    after["deleted_by"] = a.email;
    auto r = records::next_version(*row, after, now, a.email);
    r.ref = "";  // no longer found by its content
    if (auto s = records::save(tx, evidence_kind(), a, r, row->version, "delete", changes_between(before, after)); !s) return s;
    return append_event(tx, a, id, now, "delete", json::object{{"sha256", sha}});
  });
  if (!st) return st;
  // The record is gone first, then the file, and only if no live evidence refers to it.
  std::int64_t refs = 1;
  auto cst = store_.read([&](store::ReadTx& tx) -> status {
    refs = tx.count_records({a.org_id, std::string(kEvidence), std::string(), sha, 0, std::nullopt});
    return ok();
  });
  if (cst && refs == 0) return blobs_.remove(a.org_id, sha);
  return ok();
}

result<std::string> EvidenceService::links(const Actor& a, const std::string& id) {
  json::array items;
  bool exists = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    exists = tx.find_record(a.org_id, std::string(kEvidence), "", id).has_value();
    if (exists)
      for (const auto& r : tx.list_records({a.org_id, std::string(kLink), id, std::nullopt, 0, std::nullopt}))
        items.push_back(parse_object(r.doc));
    return ok();
  });
  if (!st) return st.error();
  if (!exists) return not_found(id);
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<std::string> EvidenceService::add_link(const Actor& a, const std::string& id, const json::value& body) {
  std::string out;
  auto now = clock_.now_text();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    if (!row) return not_found(id);
    if (auto s = require(a, Action::write_record, "link evidence"); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"target", "note"});
    auto target = in.text("target", 300, false, true);
    auto note = in.text("note", 1000, true);
    if (!in.ok()) return in.failure("The link is not valid.");
    auto t = parse_target(*target);
    if (!t) return t.error();
    auto doc = parse_object(row->doc);
    if (doc.at("deleted").as_bool()) return deleted(doc);
    if (tx.find_record(a.org_id, std::string(kLink), id, t->key))
      return make_error(errc::conflict, "Evidence " + str_of(doc, "number") + " is already linked to " + t->key + ".",
                        {{"target", 0, "is linked already"}});
    bool created = false;
    if (auto s = put_link(tx, cat_, a, id, *t, note.value_or(""), now, created, "target"); !s) return s;
    out = tx.find_record(a.org_id, std::string(kLink), id, t->key)->doc;
    return ok();
  });
  if (!st) return st.error();
  return out;
}

status EvidenceService::remove_link(const Actor& a, const std::string& id, const std::string& target) {
  auto now = clock_.now_text();
  return store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    if (!row) return not_found(id);
    auto link = tx.find_record(a.org_id, std::string(kLink), id, target);
    if (!link)
      return make_error(errc::not_found, "Evidence " + str_of(parse_object(row->doc), "number") + " is not linked to " +
                                             target + ".");
    if (auto s = require(a, Action::write_record, "unlink evidence"); !s) return s;
    if (auto s = tx.delete_record(a.org_id, std::string(kLink), id, target, link->version); !s) return s;
    auto doc = parse_object(link->doc);
    if (auto s = write_history(tx, a, kLink, id + "/" + target, now, "delete", changes_between(doc, {})); !s) return s;
    return append_event(tx, a, id, now, "unlink", json::object{{"target", target}, {"label", doc.at("label")}});
  });
}

result<std::string> EvidenceService::events(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                            const std::optional<std::string>& cursor) {
  int lim = 100;
  if (limit) {
    auto v = text::to_int64(*limit);
    if (!v || *v < 1 || *v > 500)
      return make_error(errc::bad_request, "limit must be a whole number from 1 to 500.",
                        {{"limit", 0, "must be a whole number from 1 to 500"}});
    lim = static_cast<int>(*v);
  }
  std::optional<store::RecordCursor> after;
  if (cursor) {
    auto v = text::to_int64(*cursor);
    if (!v || *v < 0)
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
    after = store::RecordCursor{id, *v, event_id(*v)};
  }
  std::vector<store::RecordRow> rows;
  bool exists = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    exists = tx.find_record(a.org_id, std::string(kEvidence), "", id).has_value();
    if (exists) rows = tx.list_records({a.org_id, std::string(kEvent), id, std::nullopt, lim + 1, after});
    return ok();
  });
  if (!st) return st.error();
  if (!exists) return not_found(id);
  bool more = static_cast<int>(rows.size()) > lim;
  if (more) rows.resize(static_cast<std::size_t>(lim));
  json::array items;
  for (const auto& r : rows) items.push_back(parse_object(r.doc));
  json::object out{{"items", std::move(items)}};
  if (more) out["next"] = std::to_string(rows.back().position);
  return json::serialize(out);
}

result<Download> EvidenceService::open_content(const Actor& a, const std::string& id) {
  std::optional<store::RecordRow> row;
  auto rst = store_.read([&](store::ReadTx& tx) -> status {
    row = tx.find_record(a.org_id, std::string(kEvidence), "", id);
    return ok();
  });
  if (!rst) return rst.error();
  if (!row) return not_found(id);
  auto doc = parse_object(row->doc);
  if (doc.at("deleted").as_bool())
    return make_error(errc::not_found, "The file of evidence " + str_of(doc, "number") + " was deleted on " +
                                           str_of(doc, "deleted_at").substr(0, 10) + " by " + str_of(doc, "deleted_by") + ".");
  Download d{nullptr, str_of(doc, "filename"), str_of(doc, "content_type"), str_of(doc, "file_type"), str_of(doc, "sha256")};
  auto reader = blobs_.open(a.org_id, d.sha256);
  if (!reader) {
    if (reader.error().code == errc::not_found)
      return make_error(errc::internal, "the blob of evidence " + id + " is missing");
    return reader.error();
  }
  d.reader = std::move(*reader);
  // The download is recorded before any byte goes out: no record, no download.
  auto now = clock_.now_text();
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    return append_event(tx, a, id, now, "download", json::object{});
  });
  if (!st) return st.error();
  return d;
}

result<std::string> EvidenceService::freshness(const Actor& a, const std::optional<std::string>& within_days) {
  int window = opts_.expiring_window_days;
  if (within_days) {
    auto v = text::to_int64(*within_days);
    if (!v || *v < 0 || *v > 3650)
      return make_error(errc::bad_request, "within_days must be a whole number from 0 to 3650.",
                        {{"within_days", 0, "must be a whole number from 0 to 3650"}});
    window = static_cast<int>(*v);
  }
  std::vector<json::object> docs;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& r : tx.list_records({a.org_id, std::string(kEvidence), std::string(), std::nullopt, 0, std::nullopt})) {
      try {  // an unreadable record is logged and left out of the counts
        auto d = parse_object(r.doc);
        if (!d.at("deleted").as_bool()) docs.push_back(std::move(d));
      } catch (const std::exception& e) {
        (void)stored::error_row(kEvidence, a.org_id, r.id, e);
      }
    }
    return ok();
  });
  if (!st) return st.error();
  auto day = today();
  std::map<std::string, std::vector<json::object>> by;
  for (auto& d : docs) by[evidence::freshness(d, day, window)].push_back(std::move(d));
  auto first = [&](const std::string& which) {
    auto& v = by[which];
    std::sort(v.begin(), v.end(), [](const json::object& x, const json::object& y) {
      return std::pair(str_of(x, "expires_on"), str_of(x, "id")) < std::pair(str_of(y, "expires_on"), str_of(y, "id"));
    });
    json::array out;
    for (std::size_t i = 0; i < v.size() && i < 10; ++i) {
      const auto& d = v[i];
      out.push_back(json::object{{"id", d.at("id")},           {"number", d.at("number")}, {"title", d.at("title")},
                                 {"expires_on", d.at("expires_on")}, {"owner", d.at("owner")}});
    }
    return out;
  };
  json::object counts{{"expired", by["expired"].size()},   {"expiring", by["expiring"].size()},
                      {"current", by["current"].size()},   {"no_expiry", by["no_expiry"].size()},
                      {"total", docs.size()}};
  json::object out{{"as_of", format_date(day)}, {"within_days", window}, {"counts", std::move(counts)},
                   {"expired", first("expired")}, {"expiring", first("expiring")}};
  return json::serialize(out);
}

}  // namespace aims::evidence
