#include "domain/incidents/clock_rules.hpp"

#include <stdexcept>

#include "core/embedded.hpp"

namespace aims::incidents {
namespace json = boost::json;

namespace {

constexpr const char* kFile = "catalog/reporting-clocks/clocks.json";

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(std::string(kFile) + ": " + where + ": " + what);
}

std::string text(const json::object& o, const char* key, const std::string& where, bool required = true) {
  auto p = o.if_contains(key);
  if (p && p->is_string() && !p->as_string().empty()) return std::string(p->as_string());
  if (required) fail(where, std::string(key) + " must be a non-empty string");
  return "";
}

std::vector<std::string> texts(const json::object& o, const char* key, const std::string& where) {
  auto p = o.if_contains(key);
  if (!p || !p->is_array() || p->as_array().empty()) fail(where, std::string(key) + " must be a non-empty array");
  std::vector<std::string> out;
  for (const auto& v : p->as_array()) {
    if (!v.is_string()) fail(where, std::string(key) + " must hold strings");
    out.emplace_back(v.as_string());
  }
  return out;
}

}  // namespace

ClockRules ClockRules::from_json(const json::value& doc) {
  if (!doc.is_object()) fail("/", "not a JSON object");
  ClockRules r;
  r.doc_ = doc.as_object();
  auto clocks = r.doc_.if_contains("clocks");
  if (!clocks || !clocks->is_array() || clocks->as_array().empty()) fail("/", "clocks must be a non-empty array");
  for (const auto& v : clocks->as_array()) {
    if (!v.is_object()) fail("clocks", "each clock must be an object");
    const auto& o = v.as_object();
    std::string where = "clock " + text(o, "id", "clocks");
    ClockRule c;
    c.id = text(o, "id", where);
    c.regime = text(o, "regime", where);
    c.citation = text(o, "citation", where);
    c.title = text(o, "title", where);
    c.summary = text(o, "summary", where);
    c.applies_to = texts(o, "applies_to", where);
    c.unless_role = text(o, "unless_role", where, false);
    c.condition = text(o, "condition", where);
    if (c.condition != "serious" && c.condition != "critical_infrastructure_or_widespread" && c.condition != "death")
      fail(where, "unknown condition " + c.condition);
    c.trigger = text(o, "trigger", where);
    if (c.trigger != "became_aware_at" && c.trigger != "causal_link_at" && c.trigger != "occurred_at")
      fail(where, "unknown trigger " + c.trigger);
    auto d = o.if_contains("days");
    if (!d || !(d->is_null() || (d->is_int64() && d->as_int64() >= 0 && d->as_int64() <= 365)))
      fail(where, "days must be a whole number from 0 to 365 or null");
    if (d->is_int64()) c.days = static_cast<int>(d->as_int64());
    c.recipient = text(o, "recipient", where);
    c.met_by = texts(o, "met_by", where);
    c.met_by_citation = text(o, "met_by_citation", where);
    if (r.find(c.id)) fail(where, "id used twice");
    r.clocks_.push_back(std::move(c));
  }
  return r;
}

const ClockRules& ClockRules::embedded() {
  static const ClockRules rules = [] {
    auto content = embedded_file(kFile);
    if (!content) fail("/", "not embedded in this build");
    boost::system::error_code ec;
    auto v = json::parse(*content, ec);
    if (ec) fail("/", "not valid JSON");
    return from_json(v);
  }();
  return rules;
}

const ClockRule* ClockRules::find(const std::string& id) const {
  for (const auto& c : clocks_)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace aims::incidents
