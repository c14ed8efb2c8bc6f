#include "domain/catalog/catalog.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"

namespace aims::catalog {
namespace json = boost::json;

namespace {

struct PartFile {
  const char* path;
  const char* framework;
};

// Which embedded files form which framework, in the order their items are served.
constexpr PartFile kParts[] = {
    {"catalog/iso42001-2023/clauses.json", "iso42001"},
    {"catalog/iso42001-2023/annex-a.json", "iso42001"},
    {"catalog/iso42001-2023/annex-c.json", "iso42001"},
    {"catalog/iso22989/lifecycle-stages.json", "iso22989"},
};

struct FrameworkMeta {
  const char* id;
  const char* title;
  const char* version;
};

constexpr FrameworkMeta kFrameworks[] = {
    {"iso42001", "ISO/IEC 42001:2023 — Artificial intelligence — Management system", "2023"},
    {"iso22989", "ISO/IEC 22989:2022 — AI life-cycle stages", "2022"},
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("catalog " + where + ": " + what);
}

const json::value& need(const json::object& o, const char* key, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end()) fail(where, std::string("missing field ") + key);
  return it->value();
}

std::string need_string(const json::object& o, const char* key, const std::string& where) {
  const auto& v = need(o, key, where);
  if (!v.is_string() || v.as_string().empty()) fail(where, std::string(key) + " must be a non-empty string");
  return std::string(v.as_string());
}

void check_string_array(const json::object& o, const char* key, const std::string& where) {
  const auto& v = need(o, key, where);
  if (!v.is_array()) fail(where, std::string(key) + " must be an array");
  for (const auto& e : v.as_array())
    if (!e.is_string() || e.as_string().empty()) fail(where, std::string(key) + " must hold non-empty strings");
}

json::value parse_file(std::string_view path) {
  auto content = embedded_file(path);
  if (!content) fail(std::string(path), "not embedded in this build");
  boost::system::error_code ec;
  auto v = json::parse(*content, ec);
  if (ec || !v.is_object()) fail(std::string(path), "not a JSON object: " + ec.message());
  return v;
}

}  // namespace

const std::vector<std::string>& Catalog::known_kinds() {
  static const std::vector<std::string> kinds = {"clause",       "annex_a_area", "control_objective", "control",
                                                 "ai_objective", "risk_source",  "lifecycle_stage"};
  return kinds;
}

Catalog Catalog::load_embedded() {
  Catalog cat;
  for (const auto& meta : kFrameworks) {
    Framework fw;
    fw.id = meta.id;
    fw.title = meta.title;
    fw.version = meta.version;
    cat.frameworks_.push_back(std::move(fw));
  }
  auto find_fw = [&](const std::string& id) -> Framework& {
    for (auto& f : cat.frameworks_)
      if (f.id == id) return f;
    fail(id, "unknown framework");
  };

  for (const auto& part : kParts) {
    auto doc = parse_file(part.path);
    const auto& top = doc.as_object();
    Framework& fw = find_fw(part.framework);
    if (need_string(top, "framework", part.path) != fw.id) fail(part.path, "framework field does not match");
    if (fw.source.empty()) {
      fw.source = need_string(top, "source", part.path);
      fw.licence = need_string(top, "licence", part.path);
    }
    const auto& items = need(top, "items", part.path);
    if (!items.is_array() || items.as_array().empty()) fail(part.path, "items must be a non-empty array");
    for (const auto& iv : items.as_array()) {
      if (!iv.is_object()) fail(part.path, "item is not an object");
      const auto& o = iv.as_object();
      Item it;
      it.framework = fw.id;
      it.id = need_string(o, "id", part.path);
      std::string where = std::string(part.path) + " item " + it.id;
      it.kind = need_string(o, "kind", where);
      if (std::find(known_kinds().begin(), known_kinds().end(), it.kind) == known_kinds().end())
        fail(where, "unknown kind " + it.kind);
      it.title = need_string(o, "title", where);
      need_string(o, "summary", where);
      need_string(o, "uid", where);
      const auto& parent = need(o, "parent", where);
      if (parent.is_string()) it.parent = std::string(parent.as_string());
      else if (!parent.is_null()) fail(where, "parent must be a string or null");
      const auto& leaf = need(o, "leaf", where);
      if (!leaf.is_bool()) fail(where, "leaf must be a boolean");
      it.leaf = leaf.as_bool();
      check_string_array(o, "evidence", where);
      check_string_array(o, "questions", where);
      check_string_array(o, "tags", where);
      const auto& di = need(o, "documented_information", where);
      if (!di.is_null()) {
        if (!di.is_string()) fail(where, "documented_information must be a string or null");
        auto s = di.as_string();
        if (s != "M" && s != "R" && s != "M+R" && s != "-") fail(where, "documented_information must be M, R, M+R or -");
      }
      const auto& sa = need(o, "suggested_action", where);
      if (!sa.is_null() && !sa.is_string()) fail(where, "suggested_action must be a string or null");
      if (!need(o, "order", where).is_int64()) fail(where, "order must be an integer");
      it.json = o;
      it.json["framework"] = fw.id;
      std::string text = it.id + " " + it.title + " " + std::string(o.at("summary").as_string());
      if (auto p = o.if_contains("objective"); p && p->is_string()) text += " " + std::string(p->as_string());
      for (const char* key : {"evidence", "questions"})
        for (const auto& e : o.at(key).as_array()) text += " " + std::string(e.as_string());
      if (sa.is_string()) text += " " + std::string(sa.as_string());
      it.search_text = text::lower(text);
      if (std::find(fw.kinds.begin(), fw.kinds.end(), it.kind) == fw.kinds.end()) fw.kinds.push_back(it.kind);
      if (cat.index_[fw.id].count(it.id)) fail(where, "duplicate id");
      cat.index_[fw.id][it.id] = fw.items.size();
      fw.items.push_back(std::move(it));
    }
  }

  // The short form: one plain question per clause leaf and control, served as the item's "question".
  auto questions = parse_file("catalog/iso42001-2023/questions.json");
  auto& iso = find_fw("iso42001");
  for (const auto& qv : questions.as_object().at("items").as_array()) {
    const auto& o = qv.as_object();
    std::string id(o.at("id").as_string());
    auto at = cat.index_["iso42001"].find(id);
    if (at == cat.index_["iso42001"].end()) fail("questions " + id, "not an item of iso42001");
    iso.items[at->second].json["question"] = need_string(o, "question", "questions " + id);
  }
  for (const auto& it : iso.items)
    if (it.leaf && (it.kind == "clause" || it.kind == "control") && !it.json.contains("question"))
      fail("questions", "no question for " + it.id);

  // Children, and a check that every parent exists.
  for (auto& fw : cat.frameworks_) {
    for (std::size_t i = 0; i < fw.items.size(); ++i) {
      auto& it = fw.items[i];
      if (!it.parent) continue;
      auto p = cat.index_[fw.id].find(*it.parent);
      if (p == cat.index_[fw.id].end()) fail(fw.id + " item " + it.id, "parent " + *it.parent + " does not exist");
      fw.items[p->second].children.push_back(it.id);
    }
    for (auto& it : fw.items) {
      json::array ch;
      for (const auto& c : it.children) ch.emplace_back(c);
      it.json["children"] = std::move(ch);
      it.json_text = json::serialize(it.json);
    }
  }

  auto levels = parse_file("catalog/common/maturity-levels.json");
  for (const auto& lv : levels.as_object().at("items").as_array()) {
    const auto& o = lv.as_object();
    MaturityLevel m;
    m.level = static_cast<int>(o.at("level").as_int64());
    m.name = std::string(o.at("name").as_string());
    m.description = std::string(o.at("description").as_string());
    if (m.level != static_cast<int>(cat.maturity_.size())) fail("maturity-levels", "levels must be 0..5 in order");
    cat.maturity_.push_back(std::move(m));
  }
  if (cat.maturity_.size() != 6) fail("maturity-levels", "there must be six levels");

  auto roadmap = parse_file("catalog/iso42001-2023/roadmap.json");
  for (const auto& rv : roadmap.as_object().at("items").as_array()) {
    const auto& o = rv.as_object();
    std::string id(o.at("id").as_string());
    const Item* it = cat.find("iso42001", id);
    if (!it || !it->leaf || (it->kind != "clause" && it->kind != "control"))
      fail("roadmap " + id, "not a clause leaf or control");
    RoadmapHint h;
    h.effort = std::string(o.at("effort").as_string());
    if (h.effort != "S" && h.effort != "M" && h.effort != "L") fail("roadmap " + id, "effort must be S, M or L");
    for (const auto& d : o.at("depends_on").as_array()) {
      std::string dep(d.as_string());
      const Item* di = cat.find("iso42001", dep);
      if (!di || !di->leaf || dep == id) fail("roadmap " + id, "bad dependency " + dep);
      h.depends_on.push_back(dep);
    }
    cat.roadmap_[id] = std::move(h);
  }
  for (const auto& it : cat.framework("iso42001")->items)
    if (it.leaf && (it.kind == "clause" || it.kind == "control") && !cat.roadmap_.count(it.id))
      fail("roadmap", "no planning data for " + it.id);
  return cat;
}

const RoadmapHint* Catalog::roadmap_hint(const std::string& id) const {
  auto it = roadmap_.find(id);
  return it == roadmap_.end() ? nullptr : &it->second;
}

const Framework* Catalog::framework(const std::string& id) const {
  for (const auto& f : frameworks_)
    if (f.id == id) return &f;
  return nullptr;
}

const Item* Catalog::find(const std::string& framework, const std::string& id) const {
  auto f = index_.find(framework);
  if (f == index_.end()) return nullptr;
  auto i = f->second.find(id);
  if (i == f->second.end()) return nullptr;
  return &this->framework(framework)->items[i->second];
}

std::vector<const Item*> Catalog::select(const Framework& fw, const ItemFilter& filter) const {
  std::vector<const Item*> out;
  for (const auto& it : fw.items) {
    if (filter.kind && it.kind != *filter.kind) continue;
    if (filter.parent && it.parent != filter.parent) continue;
    if (filter.text && it.search_text.find(*filter.text) == std::string::npos) continue;
    out.push_back(&it);
  }
  return out;
}

}  // namespace aims::catalog
