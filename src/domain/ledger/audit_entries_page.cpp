#include "domain/ledger/audit_entries_page.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <map>
#include <set>

#include "domain/common/input.hpp"
#include "domain/ledger/audit_entry.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxLimit = 500;

/// A record type or operation as the log writes them: lower-case words joined by "_".
bool is_word(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

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

}  // namespace

std::optional<std::int64_t> whole_number(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
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
  if (p.record_type && !is_word(*p.record_type))
    in.error("record_type", "must be a record type of the log (lower-case words joined by _), e.g. risk");
  q.op = p.operation;
  if (p.operation && !is_word(*p.operation))
    in.error("operation", "must be an operation of the log (lower-case words joined by _), e.g. update");
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
