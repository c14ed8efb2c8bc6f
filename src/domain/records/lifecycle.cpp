#include "domain/records/lifecycle.hpp"

#include "core/text.hpp"
#include "domain/actions/action_index.hpp"
#include "domain/common/stored.hpp"
#include "domain/ledger/history_json.hpp"
#include "domain/records/list_view.hpp"
#include "domain/records/versions.hpp"

namespace aims::records {
namespace json = boost::json;

namespace {

constexpr const char* kCounterKind = "counter";

}  // namespace

json::object version_view(const store::RecordRow& row, bool brief) {
  auto v = stored::parse_object(row.doc);
  if (brief) v.erase("content");
  v["version"] = row.version;
  return v;
}

Versioned served_version(const store::RecordRow& row) {
  return Versioned{row.id, row.version, json::serialize(version_view(row))};
}

status require(const accounts::Actor& a, accounts::Action action, std::string_view what) {
  if (accounts::allowed(a.role, action)) return ok();
  return make_error(errc::forbidden,
                    "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " + std::string(what) + ".");
}

Error not_found(const KindSpec& spec, const std::string& id) {
  return make_error(errc::not_found, "No " + spec.noun + " " + id + " in this organization.");
}

result<store::RecordRow> find(store::ReadTx& tx, const KindSpec& spec, const std::string& org_id, const std::string& id) {
  auto row = tx.find_record(org_id, spec.kind, "", id);
  if (!row) return not_found(spec, id);
  return std::move(*row);
}

std::string stored_text(store::ReadTx& tx, const std::string& org_id, const std::string& kind, const std::string& id,
                        std::string_view key) {
  if (id.empty()) return {};
  auto row = tx.find_record(org_id, kind, "", id);
  if (!row) return {};
  json::error_code ec;
  auto parsed = json::parse(row->doc, ec);
  return ec || !parsed.is_object() ? std::string() : doc_text(&parsed.as_object(), key);
}

status check_if_match(const KindSpec& spec, const store::RecordRow& row, const std::optional<std::string>& if_match) {
  return check_version(if_match, row.version, true, spec.title + " " + row.id);
}

result<std::int64_t> next_number(store::WriteTx& tx, const KindSpec& spec, const std::string& org_id, const std::string& now) {
  auto counter = tx.find_record(org_id, kCounterKind, "", spec.counter_id);
  std::int64_t last = 0;
  if (counter) {
    auto n = text::to_int64(counter->doc);
    if (!n || *n < 0) return make_error(errc::internal, "the " + spec.noun + " counter holds '" + counter->doc + "'");
    last = *n;
  }
  store::RecordRow c;
  c.kind = kCounterKind;
  c.org_id = org_id;
  c.id = spec.counter_id;
  c.version = counter ? counter->version + 1 : 1;
  c.created_at = counter ? counter->created_at : now;
  c.updated_at = now;
  c.doc = std::to_string(last + 1);
  if (auto s = tx.put_record(c, counter ? counter->version : 0); !s) return s.error();
  return last + 1;
}

status save(store::WriteTx& tx, const KindSpec& spec, const accounts::Actor& a, store::RecordRow row,
            std::int64_t expected_version, const std::string& operation, const json::array& changes) {
  row.facets = derive_facets(spec, row);
  if (auto s = tx.put_record(row, expected_version); !s) return s;
  if (auto s = write_list_view(tx, spec, row); !s) return s;  // docs/storage.md, "Stored list views"
  if (auto s = actions::index_record(tx, row); !s) return s;    // docs/actions.md: the action index
  store::HistoryRow h{a.org_id, spec.kind, row.id, row.version, row.updated_at, a.email, operation, json::serialize(changes)};
  return tx.insert_history(h);
}

result<std::string> history_page(store::Store& store, const KindSpec& spec, const accounts::Actor& a,
                                  const std::string& id, const std::optional<std::string>& limit,
                                  const std::optional<std::string>& cursor) {
  std::vector<store::HistoryRow> rows;
  int lim = 50;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    if (!tx.find_record(a.org_id, spec.kind, "", id)) return not_found(spec, id);
    std::vector<FieldError> errs;
    if (limit) {
      auto v = text::to_int64(*limit);
      if (!v || *v < 1 || *v > 500) errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
      else lim = static_cast<int>(*v);
    }
    std::optional<std::int64_t> before;
    if (cursor) {
      before = text::to_int64(*cursor);
      if (!before || *before < 1) errs.push_back({"cursor", 0, "is not a cursor of this list"});
    }
    if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
    rows = tx.list_history(a.org_id, spec.kind, id, lim + 1, before);
    return ok();
  });
  if (!st) return st.error();
  bool more = static_cast<int>(rows.size()) > lim;
  if (more) rows.resize(static_cast<std::size_t>(lim));
  json::array items;
  for (const auto& h : rows) items.push_back(ledger::history_item(h));
  json::object out{{"items", std::move(items)}};
  if (more && !rows.empty()) out["next"] = std::to_string(rows.back().version);
  return json::serialize(out);
}

bool is_archived(const json::object& doc) {
  auto p = doc.if_contains("archived");
  return p && p->is_bool() && p->as_bool();
}

status not_archived(std::string_view title, const std::string& id, const json::object& doc) {
  if (is_archived(doc))
    return make_error(errc::conflict, std::string(title) + " " + id + " is archived; restore it before changing it.");
  return ok();
}

}  // namespace aims::records
