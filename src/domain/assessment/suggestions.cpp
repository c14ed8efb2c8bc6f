#include "domain/assessment/suggestions.hpp"

#include <map>

#include "domain/kinds/registry.hpp"

namespace aims::assessment {
namespace json = boost::json;

namespace {

constexpr std::size_t kMaxCited = 5;  // records cited per need; the count says how many hold

struct Row {
  store::RecordRow row;
  json::object doc;
};

json::object parse_object(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  return !ec && v.is_object() ? v.as_object() : json::object{};
}

std::string text_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

/// The human number of a record: its own ref or number, else the kind's prefix and its position.
std::string label_of(std::string_view kind, const Row& r) {
  if (kind == "soa_entry") return "SoA " + r.row.id;
  if (auto ref = text_of(r.doc, "ref"); !ref.empty()) return ref;
  if (auto n = text_of(r.doc, "number"); !n.empty()) return n;
  const auto* spec = kinds::kind_named(kind);
  if (spec && !spec->prefix.empty() && r.row.position > 0) return spec->prefix + std::to_string(r.row.position);
  return "";
}

std::string title_of(std::string_view kind, const Row& r) {
  for (auto key : {"title", "name", "statement", "date"})
    if (auto t = text_of(r.doc, key); !t.empty()) return t;
  const auto* spec = kinds::kind_named(kind);
  return spec ? spec->title : std::string(kind);
}

/// A field is set when it holds something that is in force: not null, not empty, not withdrawn.
bool is_set(const json::value* v) {
  if (!v || v->is_null()) return false;
  if (v->is_string()) return !v->as_string().empty();
  if (v->is_array()) return !v->as_array().empty();
  if (v->is_object()) return !v->as_object().empty() && !v->as_object().contains("withdrawn_at");
  return true;
}

bool holds(const Need& n, const json::object& doc) {
  if (n.field.empty()) return true;
  auto v = doc.if_contains(n.field);
  if (n.any_of.empty()) return is_set(v);
  if (!v || !v->is_string()) return false;
  for (auto want : n.any_of)
    if (v->as_string() == want) return true;
  return false;
}

bool applies_to(const Rule& r, const std::string& item) {
  for (auto p : r.items)
    if (p == item || p == "*" || (p == "A.*" && item.rfind("A.", 0) == 0)) return true;
  return false;
}

/// The records of one organization, read once per kind in the caller's transaction.
class Records {
 public:
  Records(store::ReadTx& tx, const std::string& org) : tx_(tx), org_(org) {}

  /// The records of `need.kind` that `item` may rest on.
  std::vector<Row> candidates(std::string_view kind, const std::string& item) {
    if (kind == "soa_entry") {
      std::vector<Row> out;
      for (const auto& r : of_kind(kind))
        if (r.row.id == item) out.push_back(r);
      return out;
    }
    if (kind == "evidence_link") return evidence_for(item);
    return of_kind(kind);
  }

 private:
  const std::vector<Row>& of_kind(std::string_view kind) {
    auto [it, fresh] = cache_.try_emplace(std::string(kind));
    if (!fresh) return it->second;
    std::vector<store::RecordRow> rows;
    if (kind == "soa_entry")
      rows = tx_.list_soa_entries(org_);
    else
      rows = tx_.list_records(filter(kind));
    for (auto& r : rows) {
      if (r.ref == "archived") continue;  // field-driven kinds keep archived records out of use this way
      auto doc = parse_object(r.doc);
      it->second.push_back(Row{std::move(r), std::move(doc)});
    }
    return it->second;
  }

  /// Live evidence linked to the item's catalog entry or to its SoA entry, each once.
  std::vector<Row> evidence_for(const std::string& item) {
    std::vector<Row> out;
    for (const auto& key : {"catalog_item:iso42001:" + item, "soa_entry:" + item})
      for (const auto& link : tx_.list_records(filter("evidence_link", key))) {
        bool seen = false;
        for (const auto& o : out) seen |= o.row.id == link.parent_id;
        if (seen) continue;
        auto ev = tx_.find_record(org_, "evidence", "", link.parent_id);
        if (!ev || ev->ref.empty()) continue;  // deleted evidence keeps its links but no content ref
        auto doc = parse_object(ev->doc);
        out.push_back(Row{std::move(*ev), std::move(doc)});
      }
    return out;
  }

  store::RecordFilter filter(std::string_view kind, std::optional<std::string> ref = std::nullopt) const {
    store::RecordFilter f;
    f.org_id = org_;
    f.kind = std::string(kind);
    f.ref = std::move(ref);
    return f;
  }

  store::ReadTx& tx_;
  const std::string& org_;
  std::map<std::string, std::vector<Row>> cache_;
};

/// The records citing why `rule` holds for `item`, or nothing when it does not hold.
std::optional<std::vector<Cited>> check(const Rule& rule, const std::string& item, Records& recs) {
  std::vector<Cited> cited;
  for (const auto& need : rule.needs) {
    if (need.kind.empty()) return std::nullopt;  // no record kind yet
    int n = 0;
    std::vector<Cited> mine;
    std::string_view kind = need.kind == "evidence_link" ? std::string_view("evidence") : need.kind;
    for (const auto& r : recs.candidates(need.kind, item)) {
      if (!holds(need, r.doc)) continue;
      ++n;
      if (mine.size() < kMaxCited) mine.push_back(Cited{std::string(kind), r.row.id, label_of(kind, r), title_of(kind, r), r.row.parent_id});
    }
    if (n < need.min) return std::nullopt;
    for (auto& c : mine) {
      bool dup = false;
      for (const auto& o : cited) dup |= o.kind == c.kind && o.id == c.id;
      if (!dup) cited.push_back(std::move(c));
    }
  }
  return cited;
}

std::optional<Suggestion> best(const std::string& item, Records& recs) {
  std::optional<Suggestion> out;
  for (const auto& rule : suggestion_rules()) {
    if (!applies_to(rule, item) || (out && rule.level <= out->level)) continue;
    if (auto cited = check(rule, item, recs))
      out = Suggestion{item, rule.level, std::string(rule.id), std::string(rule.basis), std::move(*cited)};
  }
  return out;
}

}  // namespace

std::vector<Suggestion> suggest(store::ReadTx& tx, const std::string& org_id, const std::vector<ScopeItem>& items) {
  Records recs(tx, org_id);
  std::vector<Suggestion> out;
  for (const auto& si : items)
    if (auto s = best(si.item->id, recs)) out.push_back(std::move(*s));
  return out;
}

std::optional<Suggestion> suggest_item(store::ReadTx& tx, const std::string& org_id, const std::string& item_id) {
  Records recs(tx, org_id);
  return best(item_id, recs);
}

json::object suggestion_json(const Suggestion& s) {
  json::array records;
  for (const auto& c : s.records)
    records.push_back(
        json::object{{"kind", c.kind}, {"id", c.id}, {"parent_id", c.parent_id}, {"label", c.label}, {"title", c.title}});
  return json::object{{"item_id", s.item_id}, {"level", s.level}, {"rule", s.rule}, {"basis", s.basis},
                      {"records", std::move(records)}};
}

json::array rules_json() {
  json::array out;
  for (const auto& r : suggestion_rules()) {
    json::array items, needs;
    bool active = true;
    for (auto i : r.items) items.emplace_back(i);
    for (const auto& n : r.needs) {
      json::array any;
      for (auto v : n.any_of) any.emplace_back(v);
      active &= !n.kind.empty();
      needs.push_back(json::object{{"kind", n.kind.empty() ? json::value(nullptr) : json::value(n.kind)},
                                   {"field", n.field.empty() ? json::value(nullptr) : json::value(n.field)},
                                   {"any_of", std::move(any)},
                                   {"min", n.min},
                                   {"wanted", n.wanted}});
    }
    out.push_back(json::object{{"id", r.id}, {"items", std::move(items)}, {"level", r.level}, {"needs", std::move(needs)},
                               {"basis", r.basis}, {"active", active}});
  }
  return out;
}

}  // namespace aims::assessment
