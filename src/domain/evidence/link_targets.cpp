#include "domain/evidence/link_targets.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "domain/assessment/scoring.hpp"
#include "domain/kinds/registry.hpp"
#include "core/json_members.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {

/// Generic record kinds that can be linked, stored at the top level (parent "").
constexpr std::string_view kGeneric[] = {"risk", "impact_assessment", "objective", "classification"};

/// A field-driven kind of the registry (kinds::generic_kinds), linkable as "<kind>:<id>".
bool is_field_driven(std::string_view type) {
  for (const auto* k : kinds::generic_kinds())
    if (k->kind == type) return true;
  return false;
}

bool is_generic(std::string_view type) {
  for (auto g : kGeneric)
    if (g == type) return true;
  return is_field_driven(type);
}

/// A label from a stored document: its title or name, with its human number if it has one.
std::string label_of(const std::string& doc, const std::string& fallback) {
  boost::system::error_code ec;
  auto v = json::parse(doc, ec);
  if (ec || !v.is_object()) return fallback;
  const auto& o = v.as_object();
  auto name = string_at(o, "title");
  if (name.empty()) name = string_at(o, "name");
  auto number = string_at(o, "number");
  if (name.empty()) return number.empty() ? fallback : number;
  return number.empty() ? name : number + " " + name;
}

Error unknown(std::string_view field, const std::string& what) {
  return make_error(errc::validation, "Cannot link to " + what + ": it does not exist in this organization.",
                    {{std::string(field), 0, what + " does not exist"}});
}

}  // namespace

const std::vector<std::string_view>& target_types() {
  static const std::vector<std::string_view> types = [] {
    std::vector<std::string_view> t{"system",     "risk",           "impact_assessment", "objective",
                                    "obligation", "classification", "soa_entry",         "assessment",
                                    "answer",     "catalog_item"};
    for (const auto* k : kinds::generic_kinds()) t.push_back(k->kind);  // the field-driven kinds
    return t;
  }();
  return types;
}

result<LinkTarget> parse_target(std::string_view key, std::string_view field) {
  std::string all;
  for (auto t : target_types()) all += (all.empty() ? "" : ", ") + std::string(t);
  auto bad = [&](const std::string& why) {
    return make_error(errc::validation, "The link target '" + std::string(key) + "' is not valid: " + why + ".",
                      {{std::string(field), 0, why}});
  };
  if (key.size() > 300 || !text::is_clean_utf8(key, false)) return bad("must be one line of at most 300 characters");
  auto colon = key.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == key.size())
    return bad("must be TYPE:ID with TYPE one of " + all);
  LinkTarget t{std::string(key.substr(0, colon)), std::string(key.substr(colon + 1)), std::string(key)};
  bool known = false;
  for (auto k : target_types()) known = known || k == t.type;
  if (!known) return bad("the type '" + t.type + "' is not one of " + all);
  if (t.id.find('/') != std::string::npos || t.id != text::trim(t.id)) return bad("the id must not contain '/' or spaces at its ends");
  bool two_part = t.type == "answer" || t.type == "catalog_item" || t.type == "obligation";
  auto inner = t.id.find(':');
  if (two_part && (inner == std::string::npos || inner == 0 || inner + 1 == t.id.size()))
    return bad(t.type == "answer"       ? "an answer is answer:ASSESSMENT_ID:ITEM_ID"
               : t.type == "obligation" ? "an obligation is obligation:SYSTEM_ID:OBLIGATION_ID"
                                        : "a catalog item is catalog_item:FRAMEWORK:ITEM_ID");
  if (!two_part && inner != std::string::npos) return bad("the id of a " + t.type + " contains no ':'");
  return t;
}

result<std::string> resolve_target(store::ReadTx& tx, const catalog::Catalog& cat, const std::string& org_id,
                                   const LinkTarget& t, std::string_view field) {
  if (t.type == "system") {
    auto s = tx.find_system(org_id, t.id);
    if (!s) return unknown(field, "AI system " + t.id);
    return label_of(s->doc, t.id);
  }
  if (is_generic(t.type)) {
    auto r = tx.find_record(org_id, t.type, "", t.id);
    if (!r) return unknown(field, t.type + " " + t.id);
    if (is_field_driven(t.type)) return t.id + " " + label_of(r->doc, t.id);  // their number is the id
    return label_of(r->doc, t.id);
  }
  if (t.type == "soa_entry") {
    const auto* c = cat.find("iso42001", t.id);
    if (!c || c->kind != "control") return unknown(field, "the SoA entry of control " + t.id);
    return c->id + " " + c->title;
  }
  if (t.type == "assessment") {
    auto a = tx.find_assessment(org_id, t.id);
    if (!a) return unknown(field, "assessment " + t.id);
    return label_of(a->doc, t.id);
  }
  auto inner = t.id.find(':');
  auto first = t.id.substr(0, inner), second = t.id.substr(inner + 1);
  if (t.type == "obligation") {
    // Obligations are kept per AI system (parent = the system's id).
    auto r = tx.find_record(org_id, "obligation", first, second);
    if (!r) return unknown(field, "obligation " + second + " of AI system " + first);
    return label_of(r->doc, second);
  }
  if (t.type == "answer") {
    auto a = tx.find_assessment(org_id, first);
    if (!a) return unknown(field, "assessment " + first);
    boost::system::error_code ec;
    auto doc = json::parse(a->doc, ec);
    std::string approach = !ec && doc.is_object() ? string_at(doc.as_object(), "approach") : "both";
    for (const auto& si : assessment::scope(cat, approach))
      if (si.item->id == second) return label_of(a->doc, first) + " — " + si.item->id + " " + si.item->title;
    return unknown(field, "item " + second + " of assessment " + first);
  }
  // catalog_item
  const auto* item = cat.find(first, second);
  if (!item) return unknown(field, "catalog item " + second + " of " + first);
  return item->id + " " + item->title;
}

}  // namespace aims::evidence
