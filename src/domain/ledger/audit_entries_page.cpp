#include "domain/ledger/audit_entries_page.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "domain/common/input.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_pack_format.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxLimit = 500;

/// "<id> <title>" from a stored document's "title" (or "name"); the id alone without one.
std::string title_of(const std::string& id, const std::string& doc, bool name_only) {
  std::error_code ec;
  auto v = json::parse(doc, ec);
  if (ec || !v.is_object()) return id;
  for (const char* key : {"title", "name"}) {
    if (auto* t = v.as_object().if_contains(key); t && t->is_string() && !t->as_string().empty())
      return name_only ? std::string(t->as_string()) : id + " " + std::string(t->as_string());
  }
  return id;
}

/// "'x' is not …; one of: a, b, c".
std::string not_one_of(const std::string& value, const char* what, const std::vector<std::string>& known) {
  std::string out = "'" + value + "' is not " + what + "; one of: ";
  for (std::size_t i = 0; i < known.size(); ++i) out += (i ? ", " : "") + known[i];
  return out;
}

}  // namespace

const std::vector<std::string>& known_record_types() {
  static const std::vector<std::string> types = [] {
    // Every record type the auditor package has a file for (which holds every kind of the registry),
    // and the log's own types that have none (docs/formats/audit-log.md, section 3).
    std::vector<std::string> out{"organization", "membership", "roadmap", "invitation", "password_reset", "webhook"};
    for (const auto& f : pack_records_files())
      if (std::find(out.begin(), out.end(), f.record_type) == out.end()) out.push_back(f.record_type);
    for (const auto* k : kinds::all_kinds())
      if (std::find(out.begin(), out.end(), k->kind) == out.end()) out.push_back(k->kind);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return types;
}

const std::vector<std::string>& known_operations() {
  // create, update and delete of every record, and the operations of changes recorded in history.
  static const std::vector<std::string> ops{"accept", "approve", "archive", "classify", "create", "delete",
                                            "generate", "hold", "import", "reading_added", "reading_deleted", "reclassify", "reinstate",
                                            "release", "restore", "retire", "submit", "update", "withdraw_acceptance"};
  return ops;
}

std::optional<std::int64_t> whole_number(const std::string& s) {
  auto v = text::to_int64(s);
  return v && *v >= 0 ? v : std::nullopt;
}

result<store::AuditEntryQuery> entries_query(const std::string& org_id, const EntriesParams& p) {
  json::object given;
  auto put = [&](const char* key, const std::optional<std::string>& v) {
    if (v) given[key] = *v;
  };
  put("order", p.order);
  put("record_type", p.record_type);
  put("actor", p.actor);
  put("operation", p.operation);
  put("from_date", p.from_date);
  put("to_date", p.to_date);
  input::Reader in(given, {"order", "record_type", "actor", "operation", "from_date", "to_date"});
  store::AuditEntryQuery q;
  q.org_id = org_id;
  q.newest_first = in.choice("order", {"oldest", "newest"}).value_or("oldest") == "newest";
  q.actor = in.text("actor", 320, false, p.actor.has_value());
  if (p.actor && q.actor) *q.actor = *p.actor;  // matched exactly as logged
  q.record_type = p.record_type;
  auto known = [](const std::optional<std::string>& v, const std::vector<std::string>& all) {
    return !v || std::binary_search(all.begin(), all.end(), *v);
  };
  if (!known(p.record_type, known_record_types()))
    in.error("record_type", not_one_of(*p.record_type, "a record type of the log", known_record_types()));
  q.op = p.operation;
  if (!known(p.operation, known_operations()))
    in.error("operation", not_one_of(*p.operation, "an operation of the log", known_operations()));
  q.from_day = in.date("from_date");
  q.to_day = in.date("to_date");
  if (q.from_day && q.to_day && *q.from_day > *q.to_day) in.error("to_date", "must not be before from_date");
  if (p.from) {
    if (auto v = whole_number(*p.from)) q.from = *v;
    else in.error("from", "must be a whole number >= 0");
  }
  std::int64_t limit = 50;
  if (p.limit) {
    auto v = whole_number(*p.limit);
    if (!v || *v < 1 || *v > kMaxLimit) in.error("limit", "must be a whole number from 1 to 500");
    else limit = *v;
  }
  q.limit = static_cast<int>(limit) + 1;
  if (!in.ok()) {
    auto e = in.failure("The audit entries query is not valid: see errors.");
    e.code = errc::bad_request;
    std::string names;
    for (const auto& f : e.errors) names += (names.empty() ? "" : ", ") + f.field + " " + f.message;
    e.detail = "The audit entries query is not valid: " + names + ".";
    return e;
  }
  return q;
}

void add_display_fields(store::AuditEntryQueries& tx, const std::string& org_id, const std::vector<store::AuditEntryRow>& rows,
                        json::array& items) {
  std::vector<Entry> entries;
  std::set<std::string> actors;
  std::map<std::string, std::set<std::string>> ids;  // record type -> top-level ids
  for (const auto& r : rows) {
    auto e = parse_entry(r.entry);
    entries.push_back(e ? *e : Entry{});
    if (!e) continue;
    actors.insert(e->actor);
    if (e->record_id.find('/') == std::string::npos) ids[e->record_type].insert(e->record_id);
  }
  std::map<std::string, std::string> names;
  for (auto& [email, name] : tx.find_audit_actor_names({actors.begin(), actors.end()}))
    names[email] = name.empty() ? email : name;
  std::map<std::pair<std::string, std::string>, std::string> titles;
  for (const auto& [type, set] : ids)
    for (auto& [id, doc] : tx.find_audit_record_docs(org_id, type, {set.begin(), set.end()}))
      titles[{type, id}] = title_of(id, doc, type == "system");
  for (std::size_t i = 0; i < items.size() && i < entries.size(); ++i) {
    const auto& e = entries[i];
    auto& o = items[i].as_object();
    auto n = names.find(e.actor);
    o["actor_name"] = n == names.end() ? e.actor : n->second;
    auto t = titles.find({e.record_type, e.record_id});
    o["record_title"] = t == titles.end() ? e.record_id : t->second;
  }
}

}  // namespace aims::ledger
