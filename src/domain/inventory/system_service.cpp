#include "domain/inventory/system_service.hpp"

#include <map>
#include <set>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/common/stored.hpp"
#include "domain/inventory/csv.hpp"
#include "domain/inventory/system_fields.hpp"
#include "domain/ledger/history_json.hpp"
#include "domain/records/versions.hpp"
#include "domain/retention/retention.hpp"
#include "domain/scope/scope_service.hpp"

namespace aims::inventory {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

namespace {

constexpr std::size_t kMaxImportRows = 10000;

status require(const Actor& a, Action action, std::string_view what) {
  if (accounts::allowed(a.role, action)) return ok();
  return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " +
                                         std::string(what) + ".");
}

Error not_found(const std::string& id) { return make_error(errc::not_found, "No AI system " + id + " in this organization."); }

Error name_taken(const std::string& name, int row = 0) {
  return make_error(errc::conflict, "An AI system named '" + name + "' exists already in this organization.",
                    {{"name", row, "an AI system with this name exists already"}});
}

json::object parse_doc(const std::string& doc) { return json::parse(doc).as_object(); }

store::HistoryRow history_row(const Actor& a, const json::object& rec, const std::string& op, json::array changes) {
  store::HistoryRow h;
  h.org_id = a.org_id;
  h.record_type = "system";
  h.record_id = std::string(rec.at("id").as_string());
  h.version = rec.at("version").as_int64();
  h.at = std::string(rec.at("updated_at").as_string());
  h.actor = a.email;
  h.operation = op;
  h.changes = json::serialize(changes);
  return h;
}

/// A new record: the given fields over the defaults, with id, version 1 and who/when.
json::object new_record(const std::string& id, const json::object& fields, const Actor& a, const std::string& now) {
  json::object full;
  full["id"] = id;
  for (auto& kv : with_defaults(fields)) full[kv.key()] = kv.value();
  full["archived"] = false;
  full["version"] = 1;
  full["created_at"] = now;
  full["updated_at"] = now;
  full["created_by"] = a.email;
  full["updated_by"] = a.email;
  return full;
}

/// The next version of a record: `after` stamped with version + 1 and who/when (a record saved
/// before scope membership moved to the scope record loses the flag it stored then).
void stamp_change(json::object& after, std::int64_t old_version, const Actor& a, const std::string& now) {
  after.erase(scope_flag());
  after["version"] = old_version + 1;
  after["updated_at"] = now;
  after["updated_by"] = a.email;
}

/// A system as served: its stored record (without the scope flag an older record may hold) with its
/// scope membership, derived from the scope record (`scope`, see scope::Membership).
json::object served_object(json::object stored, const std::string& id, const scope::Membership& m) {
  stored.erase(scope_flag());
  stored["scope"] = m.of(id);
  return stored;
}

std::string served(std::string_view doc, const std::string& id, const scope::Membership& m) {
  return json::serialize(served_object(stored::parse_object(doc), id, m));
}

/// A listed system as served, like served() but without parsing and writing again the stored
/// documents of the page: the membership is appended to a document that is a JSON object and holds
/// no old scope flag (any other goes through served_object); an unreadable one is its error row.
std::string served_row(const Actor& a, const store::SystemRow& row, const scope::Membership& m) {
  auto text = stored::object_or_error_text("system", a.org_id, row.id, row.doc);
  if (text != row.doc) return text;  // the error row
  if (text.find("\"in_scope\"") != std::string::npos)  // maybe the old flag (or a value holding the words): parse
    return json::serialize(stored::row_or_error("system", a.org_id, row.id,
                                                [&] { return served_object(stored::parse_object(row.doc), row.id, m); }));
  while (!text.empty() && text.back() != '}') text.pop_back();  // trailing white space
  if (text.empty()) return text;
  text.pop_back();
  bool empty = text.find_first_not_of(" \t\r\n", 1) == std::string::npos;
  text += empty ? "\"scope\":" : ",\"scope\":";
  text += json::serialize(m.of(row.id));
  text += '}';
  return text;
}

/// The view of a record just written, served with the membership read in the same transaction.
SystemView served_view(store::ReadTx& tx, const Actor& a, SystemView v) {
  v.json = served(v.json, v.id, scope::Membership::read(tx, a.org_id));
  return v;
}

struct SortSpec {
  store::SystemSort sort;
  std::string_view name;
};

constexpr SortSpec kSorts[] = {
    {store::SystemSort::name, "name"},
    {store::SystemSort::created_at, "created_at"},
    {store::SystemSort::updated_at, "updated_at"},
    {store::SystemSort::lifecycle_stage, "lifecycle_stage"},
    {store::SystemSort::eu_ai_act_class, "eu_ai_act_class"},
    {store::SystemSort::status, "status"},
    {store::SystemSort::owner, "owner"},
};

std::string sort_value(const store::SystemRow& r, store::SystemSort s) {
  switch (s) {
    case store::SystemSort::name: return r.name_key;
    case store::SystemSort::created_at: return r.created_at;
    case store::SystemSort::updated_at: return r.updated_at;
    case store::SystemSort::lifecycle_stage: return r.stage_rank;
    case store::SystemSort::eu_ai_act_class: return r.class_rank;
    case store::SystemSort::status: return r.status;
    case store::SystemSort::owner: return r.owner_key;
  }
  return {};
}

status check_choice(const std::optional<std::string>& v, std::span<const std::string_view> choices, const char* param,
                    std::vector<FieldError>& errs) {
  if (!v) return ok();
  for (auto c : choices)
    if (c == *v) return ok();
  std::string all;
  for (auto c : choices) all += (all.empty() ? "" : ", ") + std::string(c);
  errs.push_back({param, 0, "must be one of " + all});
  return ok();
}

/// Turns list parameters into a store query; `sort_name` receives the sort key for cursors.
result<store::SystemQuery> build_query(const Actor& a, const ListParams& p, int max_limit, bool paged) {
  store::SystemQuery q;
  q.org_id = a.org_id;
  std::vector<FieldError> errs;
  std::string sort = p.sort.value_or("name");
  std::string_view key = sort;
  if (!key.empty() && key[0] == '-') {
    q.descending = true;
    key.remove_prefix(1);
  }
  bool found = false;
  for (const auto& s : kSorts)
    if (s.name == key) {
      q.sort = s.sort;
      found = true;
    }
  if (!found)
    errs.push_back({"sort", 0, "must be one of name, created_at, updated_at, lifecycle_stage, eu_ai_act_class, status, owner, optionally with a leading -"});
  check_choice(p.status, statuses(), "status", errs);
  check_choice(p.lifecycle_stage, lifecycle_stages(), "lifecycle_stage", errs);
  check_choice(p.eu_ai_act_class, eu_ai_act_classes(), "eu_ai_act_class", errs);
  check_choice(p.organization_role, organization_roles(), "organization_role", errs);
  q.status = p.status;
  q.lifecycle_stage = p.lifecycle_stage;
  q.eu_ai_act_class = p.eu_ai_act_class;
  q.organization_role = p.organization_role;
  if (p.q) {
    auto t = text::lower(text::trim(*p.q));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q.text = t;
  }
  std::string archived = p.archived.value_or("false");
  if (archived == "false") q.archived = store::ArchivedFilter::active_only;
  else if (archived == "true") q.archived = store::ArchivedFilter::archived_only;
  else if (archived == "all") q.archived = store::ArchivedFilter::all;
  else errs.push_back({"archived", 0, "must be false, true or all"});
  if (paged) {
    auto lim = parse_limit(p.limit, max_limit);
    if (!lim) {
      auto e = lim.error();
      errs.insert(errs.end(), e.errors.begin(), e.errors.end());
    } else {
      q.limit = *lim;
    }
    if (p.cursor) {
      std::string raw;
      bool good = crypto::base64url_decode(*p.cursor, raw);
      if (good) {
        boost::system::error_code ec;
        auto v = json::parse(raw, ec);
        if (!ec && v.is_object() && v.as_object().contains("k") && v.as_object().contains("s") &&
            v.as_object().contains("i") && v.at("k").is_string() && v.at("s").is_string() && v.at("i").is_string() &&
            v.at("k").as_string() == sort) {
          q.after = store::SystemCursor{std::string(v.at("s").as_string()), std::string(v.at("i").as_string())};
        } else {
          good = false;
        }
      }
      if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
    }
  } else {
    q.limit = static_cast<int>(kMaxImportRows) * 10;
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

}  // namespace

result<int> parse_limit(const std::optional<std::string>& limit, int max_limit) {
  if (!limit) return 50;
  auto v = text::to_int64(*limit);
  if (!v || *v < 1 || *v > max_limit)
    return make_error(errc::bad_request, "limit must be a whole number from 1 to " + std::to_string(max_limit) + ".",
                      {{"limit", 0, "must be a whole number from 1 to " + std::to_string(max_limit)}});
  return static_cast<int>(*v);
}

result<SystemView> SystemService::create(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "register AI systems"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errs;
  auto fieldsv = normalize(body.as_object(), true, errs);
  drop_derived(fieldsv, with_defaults({}), errs);
  if (!errs.empty()) return make_error(errc::validation, "The AI system is not valid.", std::move(errs));
  auto full = new_record(ids_.next("sys"), fieldsv, a, clock_.now_text());
  auto row = to_row(full, a.org_id);
  SystemView out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (tx.find_system_by_name_key(a.org_id, row.name_key)) return name_taken(std::string(full.at("name").as_string()));
    if (auto s = tx.insert_system(row); !s) {
      if (s.error().code == errc::conflict) return name_taken(std::string(full.at("name").as_string()));
      return s;
    }
    if (auto s = tx.insert_history(history_row(a, full, "create", diff(json::object{}, full))); !s) return s;
    out = served_view(tx, a, SystemView{row.id, 1, row.doc});
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<SystemView> SystemService::get(const Actor& a, const std::string& id) {
  std::optional<store::SystemRow> row;
  scope::Membership scope;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    row = tx.find_system(a.org_id, id);
    if (row) scope = scope::Membership::read(tx, a.org_id);
    return ok();
  });
  if (!st) return st.error();
  if (!row) return not_found(id);
  if (auto r = stored::readable("system", a.org_id, row->id, row->doc); !r) return r.error();
  return SystemView{row->id, row->version, served(row->doc, row->id, scope)};
}

result<SystemView> SystemService::update(const Actor& a, const std::string& id, const json::value& body,
                                         const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change AI systems"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errs;
  auto changes = normalize(body.as_object(), false, errs);
  if (!errs.empty()) return make_error(errc::validation, "The change is not valid.", std::move(errs));
  SystemView out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_system(a.org_id, id);
    if (!row) return not_found(id);
    if (auto s = records::check_version(if_match, row->version, true, "This AI system"); !s) return s;
    auto fields = changes;  // the callback may run again
    std::vector<FieldError> derived;
    drop_derived(fields, parse_doc(row->doc), derived);
    if (!derived.empty()) return make_error(errc::validation, "The change is not valid.", std::move(derived));
    auto r = apply_changes(tx, a, *row, fields, "update");
    if (!r) return r.error();
    out = served_view(tx, a, std::move(*r));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<SystemView> SystemService::update_in(store::WriteTx& tx, const Actor& a, const std::string& id,
                                            const json::object& fields, const std::string& operation) {
  std::vector<FieldError> errs;
  auto changes = normalize(fields, false, errs);
  if (!errs.empty()) return make_error(errc::validation, "The change is not valid.", std::move(errs));
  auto row = tx.find_system(a.org_id, id);
  if (!row) return not_found(id);
  return apply_changes(tx, a, *row, changes, operation);
}

result<SystemView> SystemService::apply_changes(store::WriteTx& tx, const Actor& a, const store::SystemRow& row,
                                                const json::object& changes, const std::string& operation) {
  auto before = parse_doc(row.doc);
  auto after = before;
  for (auto& kv : changes) after[kv.key()] = kv.value();
  auto d = diff(before, after);
  if (d.empty()) return SystemView{row.id, row.version, row.doc};
  stamp_change(after, row.version, a, clock_.now_text());
  auto nrow = to_row(after, a.org_id);
  if (nrow.name_key != row.name_key) {
    if (auto other = tx.find_system_by_name_key(a.org_id, nrow.name_key); other && other->id != row.id)
      return name_taken(std::string(after.at("name").as_string()));
  }
  if (auto s = tx.update_system(nrow, row.version); !s) {
    if (s.error().code == errc::conflict) return name_taken(std::string(after.at("name").as_string()));
    return s.error();
  }
  if (auto s = tx.insert_history(history_row(a, after, operation, std::move(d))); !s) return s.error();
  return SystemView{nrow.id, nrow.version, nrow.doc};
}

result<SystemView> SystemService::set_archived(const Actor& a, const std::string& id, bool archived) {
  if (auto st = require(a, Action::archive_record, archived ? "archive AI systems" : "restore AI systems"); !st)
    return st.error();
  SystemView out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_system(a.org_id, id);
    if (!row) return not_found(id);
    if (row->archived == archived) {
      out = served_view(tx, a, SystemView{row->id, row->version, row->doc});
      return ok();
    }
    if (archived)
      if (auto s = retention::require_not_held(tx, a.org_id, "system", "AI system", id); !s) return s;
    auto before = parse_doc(row->doc);
    auto after = before;
    after["archived"] = archived;
    stamp_change(after, row->version, a, clock_.now_text());
    auto nrow = to_row(after, a.org_id);
    if (auto s = tx.update_system(nrow, row->version); !s) return s;
    if (auto s = tx.insert_history(history_row(a, after, archived ? "archive" : "restore", diff(before, after))); !s)
      return s;
    out = served_view(tx, a, SystemView{nrow.id, nrow.version, nrow.doc});
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<ListResult> SystemService::list(const Actor& a, const ListParams& p, int max_limit) {
  auto q = build_query(a, p, max_limit, true);
  if (!q) return q.error();
  // The normalized query is the cache key; the page is current while the generation is unchanged.
  std::string key = q->org_id + '\n' + std::to_string(static_cast<int>(q->sort)) + (q->descending ? "d" : "a") + '\n' +
                    q->status.value_or("") + '\n' + q->lifecycle_stage.value_or("") + '\n' +
                    q->eu_ai_act_class.value_or("") + '\n' + q->organization_role.value_or("") + '\n' +
                    q->text.value_or("") + '\n' + std::to_string(static_cast<int>(q->archived)) + '\n' +
                    std::to_string(q->limit) + '\n' + p.cursor.value_or("");
  std::optional<CachedPage> cached;
  std::int64_t generation = 0;
  store::SystemPage page;
  scope::Membership scope;  // one read of the scope record for the page
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    generation = tx.systems_generation(a.org_id);
    scope = scope::Membership::read(tx, a.org_id);
    // Each served system carries its membership: a new scope version is another page.
    cached = cache_.get(key + "\n" + std::to_string(scope.version()), generation);
    if (!cached) page = tx.list_systems(*q);
    return ok();
  });
  if (!st) return st.error();
  ListResult r;
  if (cached) {
    r.items_json = std::move(cached->items_json);
    r.total = cached->total;
    r.next = std::move(cached->next);
    return r;
  }
  r.total = page.total;
  std::size_t size = 2;
  for (const auto& row : page.items) size += row.doc.size() + 1;
  r.items_json.reserve(size);
  r.items_json += '[';
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    if (i) r.items_json += ',';
    r.items_json += served_row(a, page.items[i], scope);
  }
  r.items_json += ']';
  if (page.more && !page.items.empty()) {
    const auto& last = page.items.back();
    json::object c{{"k", p.sort.value_or("name")}, {"s", sort_value(last, q->sort)}, {"i", last.id}};
    r.next = crypto::base64url_encode(json::serialize(c));
  }
  cache_.put(key + "\n" + std::to_string(scope.version()), generation, CachedPage{r.items_json, r.total, r.next});
  return r;
}

result<std::string> SystemService::history(const Actor& a, const std::string& id, const std::optional<std::string>& limit,
                                           const std::optional<std::string>& cursor) {
  auto lim = parse_limit(limit);
  if (!lim) return lim.error();
  std::optional<std::int64_t> before;
  if (cursor) {
    before = text::to_int64(*cursor);
    if (!before || *before < 1)
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
  }
  std::vector<store::HistoryRow> rows;
  bool exists = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    exists = tx.find_system(a.org_id, id).has_value();
    if (exists) rows = tx.list_history(a.org_id, "system", id, *lim + 1, before);
    return ok();
  });
  if (!st) return st.error();
  if (!exists) return not_found(id);
  bool more = static_cast<int>(rows.size()) > *lim;
  if (more) rows.resize(static_cast<std::size_t>(*lim));
  json::array items;
  for (const auto& h : rows) items.push_back(ledger::history_item(h));
  json::object out{{"items", std::move(items)}};
  if (more && !rows.empty()) out["next"] = std::to_string(rows.back().version);
  return json::serialize(out);
}

result<ImportResult> SystemService::import_csv(const Actor& a, std::string_view csv_text, bool dry_run) {
  if (auto st = require(a, Action::bulk_import, "import AI systems"); !st) return st.error();
  if (!text::is_clean_utf8(csv_text, true))
    return make_error(errc::bad_request, "The CSV file must be UTF-8 text.");
  auto parsed = csv::parse(csv_text);
  if (!parsed) return parsed.error();
  auto& rows = *parsed;
  if (rows.empty()) return make_error(errc::validation, "The CSV file is empty; it needs a header row and at least one row.",
                                      {{"", 1, "no header row"}});
  if (rows.size() - 1 > kMaxImportRows)
    return make_error(errc::payload_too_large, "At most " + std::to_string(kMaxImportRows) + " rows can be imported at once.");

  // Header.
  std::vector<FieldError> errs, warnings;
  const auto& header = rows[0];
  std::vector<const FieldSpec*> cols;
  int id_col = -1;
  std::set<std::string> seen;
  for (std::size_t c = 0; c < header.size(); ++c) {
    auto name = text::lower(text::trim(header[c]));
    if (!seen.insert(name).second) errs.push_back({name, 1, "column appears twice"});
    if (name == "id") {
      id_col = static_cast<int>(c);
      cols.push_back(nullptr);
      continue;
    }
    const auto* f = find_field(name);
    if (!f) {
      if (name == "archived" || name == "version" || name == "created_at" || name == "updated_at" ||
          name == "created_by" || name == "updated_by" || name == "scope" || name == "scope_reason") {
        cols.push_back(nullptr);  // exported read-only columns are ignored on import
        continue;
      }
      if (name == scope_flag()) {  // the column of files exported before membership moved to the scope
        cols.push_back(nullptr);
        warnings.push_back({name, 1, "was ignored: " + std::string(scope_flag_message())});
        continue;
      }
      errs.push_back({name, 1, "is not a column of the AI system CSV"});
    }
    cols.push_back(f);
  }
  if (!seen.count("name")) errs.push_back({"name", 1, "the header needs a name column"});
  if (!errs.empty()) return make_error(errc::validation, "The CSV header is not valid.", std::move(errs));

  struct Pending {
    int row;
    std::optional<std::string> id;
    json::object fields;
  };
  std::vector<Pending> pending;
  std::map<std::string, int> names_in_file;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    int rowno = static_cast<int>(r) + 1;
    const auto& cells = rows[r];
    if (cells.size() != header.size()) {
      errs.push_back({"", rowno, "has " + std::to_string(cells.size()) + " cells; the header has " + std::to_string(header.size())});
      continue;
    }
    Pending p{rowno, std::nullopt, {}};
    if (id_col >= 0) {
      auto id = text::trim(cells[static_cast<std::size_t>(id_col)]);
      if (!id.empty()) p.id = id;
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!cols[c]) continue;
      std::string e;
      auto v = from_cell(cells[c], *cols[c], e);
      if (!e.empty()) errs.push_back({std::string(cols[c]->name), rowno, e});
      else if (!v.is_null()) p.fields[cols[c]->name] = v;
    }
    auto norm = normalize(p.fields, !p.id.has_value(), errs, rowno);
    if (!p.id) drop_derived(norm, with_defaults({}), errs, rowno);
    p.fields = std::move(norm);
    if (auto n = p.fields.if_contains("name")) {
      auto key = text::lower(std::string(n->as_string()));
      auto [it, fresh] = names_in_file.emplace(key, rowno);
      if (!fresh) errs.push_back({"name", rowno, "repeats the name of row " + std::to_string(it->second)});
    }
    pending.push_back(std::move(p));
  }
  if (!errs.empty()) {
    auto detail = std::to_string(errs.size()) + " problem(s) in the CSV file; nothing was imported.";
    return make_error(errc::validation, std::move(detail), std::move(errs));
  }

  ImportResult result;
  result.dry_run = dry_run;
  result.warnings = warnings;
  auto now = clock_.now_text();
  // Ids are minted before the transaction so that a retried callback reuses them.
  std::vector<std::string> new_ids;
  for (const auto& p : pending) new_ids.push_back(p.id ? std::string() : ids_.next("sys"));
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    result.created = result.updated = 0;
    std::vector<FieldError> terrs;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const auto& p = pending[i];
      if (p.id) {
        auto row = tx.find_system(a.org_id, *p.id);
        if (!row) {
          terrs.push_back({"id", p.row, "no AI system " + *p.id + " in this organization"});
          continue;
        }
        auto before = parse_doc(row->doc);
        auto after = before;
        auto fields = p.fields;
        std::size_t errors_before = terrs.size();
        drop_derived(fields, before, terrs, p.row);
        if (terrs.size() != errors_before) continue;
        for (auto& kv : fields) after[kv.key()] = kv.value();
        auto d = diff(before, after);
        if (d.empty()) continue;
        stamp_change(after, row->version, a, now);
        auto nrow = to_row(after, a.org_id);
        if (nrow.name_key != row->name_key)
          if (auto other = tx.find_system_by_name_key(a.org_id, nrow.name_key); other && other->id != row->id) {
            terrs.push_back({"name", p.row, "an AI system with this name exists already"});
            continue;
          }
        if (auto s = tx.update_system(nrow, row->version); !s) {
          terrs.push_back({"", p.row, s.error().detail});
          continue;
        }
        if (auto s = tx.insert_history(history_row(a, after, "import", std::move(d))); !s) return s;
        ++result.updated;
      } else {
        auto full = new_record(new_ids[i], p.fields, a, now);
        auto row = to_row(full, a.org_id);
        if (tx.find_system_by_name_key(a.org_id, row.name_key)) {
          terrs.push_back({"name", p.row, "an AI system with this name exists already"});
          continue;
        }
        if (auto s = tx.insert_system(row); !s) {
          terrs.push_back({"", p.row, s.error().detail});
          continue;
        }
        if (auto s = tx.insert_history(history_row(a, full, "import", diff(json::object{}, full))); !s) return s;
        ++result.created;
      }
    }
    if (!terrs.empty()) {
      auto detail = std::to_string(terrs.size()) + " problem(s) in the CSV file; nothing was imported.";
      return make_error(errc::validation, std::move(detail), std::move(terrs));
    }
    if (dry_run) return make_error(errc::conflict, "dry-run");  // roll back on purpose
    return ok();
  });
  if (!st) {
    if (dry_run && st.error().code == errc::conflict && st.error().detail == "dry-run") return result;
    return st.error();
  }
  return result;
}

result<std::string> SystemService::export_csv(const Actor& a, const ListParams& p) {
  auto q = build_query(a, p, 500, false);
  if (!q) return q.error();
  store::SystemPage page;
  scope::Membership scope;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    page = tx.list_systems(*q);
    scope = scope::Membership::read(tx, a.org_id);
    return ok();
  });
  if (!st) return st.error();
  std::string out(csv::kUtf8Bom);
  csv::Row header{"id"};
  for (const auto& f : fields()) header.emplace_back(f.name);
  // scope and scope_reason: the membership derived from the scope record, read-only like the rest.
  for (auto extra : {"scope", "scope_reason", "archived", "version", "created_at", "updated_at", "created_by", "updated_by"})
    header.emplace_back(extra);
  csv::append_row(out, header);
  for (const auto& row : page.items) {
    auto rec = parse_doc(row.doc);
    csv::Row cells{row.id};
    for (const auto& f : fields()) cells.push_back(to_cell(rec, f));
    auto member = scope.of(row.id);
    cells.push_back(std::string(member.at("placement").as_string()));
    cells.push_back(csv::guard(std::string(member.at("reason").as_string())));
    cells.push_back(row.archived ? "true" : "false");
    cells.push_back(std::to_string(row.version));
    for (auto k : {"created_at", "updated_at", "created_by", "updated_by"})
      cells.push_back(std::string(rec.at(k).as_string()));
    csv::append_row(out, cells);
  }
  return out;
}

std::vector<std::string> system_ids_named(store::ReadTx& tx, const std::string& org_id, const std::string& text) {
  std::vector<std::string> out;
  store::SystemQuery q;
  q.org_id = org_id;
  q.text = text;
  q.archived = store::ArchivedFilter::all;
  q.limit = 500;
  for (bool more = true; more;) {
    auto page = tx.list_systems(q);
    for (const auto& s : page.items)
      if (s.name_key.find(text) != std::string::npos) out.push_back(s.id);
    more = page.more && !page.items.empty();
    if (more) q.after = store::SystemCursor{page.items.back().name_key, page.items.back().id};
  }
  return out;
}

}  // namespace aims::inventory
