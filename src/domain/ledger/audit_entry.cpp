#include "domain/ledger/audit_entry.hpp"

#include <boost/json.hpp>

#include "core/canonical_json.hpp"
#include "core/clock.hpp"
#include "core/merkle.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

constexpr std::string_view kMembers[] = {"actor", "at", "content_sha256", "op", "org", "record_id", "record_type", "seq"};

json::value doc_value(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec) return json::string(text);
  return v;
}


bool lower_hex64(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string entry_bytes(const Entry& e) {
  json::object o{{"actor", e.actor},         {"at", e.at},       {"content_sha256", e.content_sha256},
                 {"op", e.op},               {"org", e.org},     {"record_id", e.record_id},
                 {"record_type", e.record_type}, {"seq", e.seq}};
  return canonical_json(o).value();  // strings are valid UTF-8: they come from parsed or minted text
}

result<Entry> parse_entry(std::string_view bytes) {
  boost::system::error_code ec;
  auto v = json::parse(bytes, ec);
  if (ec || !v.is_object()) return invalid("is not a JSON object");
  const auto& o = v.get_object();
  for (auto name : kMembers)
    if (!o.contains(name)) return invalid("has no \"" + std::string(name) + "\"");
  if (o.size() != std::size(kMembers)) return invalid("has members other than the eight of an entry");
  Entry e;
  for (auto name : kMembers) {
    if (name == "seq") continue;
    if (!o.at(name).is_string()) return invalid("\"" + std::string(name) + "\" is not a string");
  }
  if (!o.at("seq").is_int64() || o.at("seq").get_int64() < 0) return invalid("\"seq\" is not a whole number >= 0");
  e.actor = std::string(o.at("actor").get_string());
  e.at = std::string(o.at("at").get_string());
  e.content_sha256 = std::string(o.at("content_sha256").get_string());
  e.op = std::string(o.at("op").get_string());
  e.org = std::string(o.at("org").get_string());
  e.record_id = std::string(o.at("record_id").get_string());
  e.record_type = std::string(o.at("record_type").get_string());
  e.seq = o.at("seq").get_int64();
  if (!lower_hex64(e.content_sha256)) return invalid("\"content_sha256\" is not 64 lower-case hex digits");
  auto t = parse_time(e.at);
  if (!t || format_time(*t) != e.at) return invalid("\"at\" is not an RFC 3339 UTC time with milliseconds");
  if (e.actor.empty() || e.op.empty() || e.org.empty() || e.record_type.empty() || e.record_id.empty())
    return invalid("has an empty member");
  if (entry_bytes(e) != bytes) return invalid("is not in canonical form (RFC 8785)");
  return e;
}

result<std::string> content_hash(const json::value& content) {
  auto c = canonical_json(content);
  if (!c) return c.error();
  return merkle::to_hex(merkle::sha256(*c));
}

const std::string& deleted_content_hash() {
  static const std::string h = merkle::to_hex(merkle::sha256("null"));
  return h;
}

json::value organization_content(const store::Organization& o) {
  return json::object{{"created_at", o.created_at}, {"id", o.id}, {"name", o.name}};
}

json::value membership_content(const store::Membership& m) {
  return json::object{{"created_at", m.created_at}, {"org_id", m.org_id}, {"role", m.role}, {"user_id", m.user_id}};
}

json::value webhook_content(const std::string& id, const std::string& url, const std::string& events_json,
                            const std::string& description, const std::string& created_at, const std::string& created_by) {
  return json::object{{"created_at", created_at}, {"created_by", created_by}, {"description", description},
                      {"events", doc_value(events_json)}, {"id", id}, {"url", url}};
}

json::value record_content(const store::RecordRow& r) {
  return json::object{{"created_at", r.created_at}, {"doc", doc_value(r.doc)}, {"id", r.id},
                      {"parent_id", r.parent_id},   {"position", r.position},  {"ref", r.ref},
                      {"updated_at", r.updated_at}, {"version", r.version}};
}

json::value system_content(const store::SystemRow& s) {
  return json::object{{"created_at", s.created_at}, {"doc", doc_value(s.doc)}, {"id", s.id},
                      {"parent_id", ""},            {"position", 0},           {"ref", ""},
                      {"updated_at", s.updated_at}, {"version", s.version}};
}

json::value history_content(const store::HistoryRow& h) {
  return json::object{{"actor", h.actor},           {"at", h.at},
                      {"changes", doc_value(h.changes)}, {"operation", h.operation},
                      {"record_id", h.record_id},   {"record_type", h.record_type},
                      {"version", h.version}};
}

std::string record_id_of(const std::string& parent_id, const std::string& id) {
  return parent_id.empty() ? id : parent_id + "/" + id;
}

}  // namespace aims::ledger
