#include "domain/euact/eu_data.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "core/date.hpp"
#include "core/embedded.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("EU AI Act data " + where + ": " + what);
}

/// Reads fields of one JSON object, failing with the place named.
class Fields {
 public:
  Fields(const json::value& v, std::string where) : where_(std::move(where)) {
    if (!v.is_object()) fail(where_, "is not an object");
    o_ = &v.as_object();
  }
  std::string text(const char* key) const {
    auto p = o_->if_contains(key);
    if (!p || !p->is_string() || p->as_string().empty()) fail(where_, std::string(key) + " must be a non-empty string");
    return std::string(p->as_string());
  }
  std::optional<std::string> maybe(const char* key) const {
    auto p = o_->if_contains(key);
    if (!p || p->is_null()) return std::nullopt;
    if (!p->is_string() || p->as_string().empty()) fail(where_, std::string(key) + " must be a non-empty string or null");
    return std::string(p->as_string());
  }
  std::string date(const char* key) const {
    auto s = text(key);
    if (!parse_date(s)) fail(where_, std::string(key) + " is not a calendar date: " + s);
    return s;
  }
  std::vector<std::string> list(const char* key) const {
    auto p = o_->if_contains(key);
    if (!p || !p->is_array()) fail(where_, std::string(key) + " must be an array");
    std::vector<std::string> out;
    for (const auto& e : p->as_array()) {
      if (!e.is_string() || e.as_string().empty()) fail(where_, std::string(key) + " must hold non-empty strings");
      out.emplace_back(e.as_string());
    }
    return out;
  }
  const json::object& object() const { return *o_; }
  const std::string& where() const { return where_; }

 private:
  const json::object* o_ = nullptr;
  std::string where_;
};

struct File {
  std::string path;
  json::value doc;
};

File read(const char* path, const char* part) {
  auto content = embedded_file(path);
  if (!content) fail(path, "not embedded in this build");
  boost::system::error_code ec;
  auto v = json::parse(*content, ec);
  if (ec || !v.is_object()) fail(path, "not a JSON object");
  Fields top(v, path);
  if (top.text("framework") != "eu-ai-act" || top.text("part") != part) fail(path, std::string("is not the part ") + part);
  auto items = top.object().if_contains("items");
  if (!items || !items->is_array() || items->as_array().empty()) fail(path, "items must be a non-empty array");
  return File{path, std::move(v)};
}

template <class T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

}  // namespace

Data Data::load_embedded() {
  Data d;
  const File files[] = {
      read("catalog/eu-ai-act/prohibited-practices.json", "prohibited-practices"),
      read("catalog/eu-ai-act/annex-iii.json", "annex-iii"),
      read("catalog/eu-ai-act/classification-rules.json", "classification-rules"),
      read("catalog/eu-ai-act/obligations.json", "obligations"),
  };
  for (const auto& f : files) {
    Fields top(f.doc, f.path);
    if (d.source_.empty()) {
      d.source_ = top.text("source");
      d.licence_ = top.text("licence");
      d.amending_acts_ = top.list("amending_acts");
    }
    auto v = top.text("version");
    if (d.version_.empty()) d.version_ = v;
    else if (d.version_.find(v) == std::string::npos) d.version_ += "." + v;
    if (top.object().contains("notes"))
      for (auto& n : top.list("notes"))
        if (std::find(d.notes_.begin(), d.notes_.end(), n) == d.notes_.end()) d.notes_.push_back(std::move(n));
  }
  for (const auto& iv : files[0].doc.at("items").as_array()) {
    Fields f(iv, files[0].path + " item");
    d.practices_.push_back(Practice{f.text("id"), f.text("article"), f.text("title"), f.text("summary"), f.text("question"),
                                    f.maybe("exceptions"), f.date("applies_from"), f.maybe("amendment"), f.maybe("note"),
                                    f.maybe("foreseeable_question"), f.maybe("source")});
  }
  for (const auto& iv : files[1].doc.at("items").as_array()) {
    Fields f(iv, files[1].path + " item");
    auto area = f.object().if_contains("area");
    if (!area || !area->is_int64() || area->as_int64() < 1 || area->as_int64() > 8) fail(f.where(), "area must be 1 to 8");
    d.points_.push_back(AnnexPoint{f.text("id"), static_cast<int>(area->as_int64()), f.text("area_title"), f.text("point"),
                                   f.text("title"), f.text("summary"), f.text("question"), f.maybe("exceptions"),
                                   f.date("applies_from"), f.maybe("amendment"), f.maybe("note"), f.maybe("source")});
  }
  for (const auto& iv : files[2].doc.at("items").as_array()) {
    Fields f(iv, files[2].path + " item");
    d.rules_.push_back(Rule{f.text("id"), f.text("article"), f.text("kind"), f.text("title"), f.text("summary"),
                            f.text("question"), f.maybe("outcome").value_or(""), f.list("roles"), f.date("applies_from"),
                            f.maybe("grace_until"), f.maybe("grace_applies_to"), f.maybe("exceptions"), f.maybe("amendment"),
                            f.maybe("note"), f.maybe("source")});
  }
  for (const auto& iv : files[3].doc.at("items").as_array()) {
    Fields f(iv, files[3].path + " item");
    Obligation o{f.text("id"), f.text("article"), f.text("title"), f.text("summary"), f.list("roles"), f.list("classes"),
                 {}, f.maybe("grace_until"), f.maybe("grace_applies_to"), f.maybe("condition"), f.maybe("source_rule"),
                 f.maybe("amendment"), f.maybe("note"), f.list("iso42001_controls"), f.list("evidence"), f.maybe("source")};
    auto af = f.object().if_contains("applies_from");
    if (!af || !af->is_object() || af->as_object().empty()) fail(f.where() + " " + o.id, "applies_from must be an object of dates");
    for (const auto& kv : af->as_object()) {
      if (!kv.value().is_string() || !parse_date(std::string(kv.value().as_string())))
        fail(f.where() + " " + o.id, "applies_from." + std::string(kv.key()) + " is not a date");
      o.applies_from[std::string(kv.key())] = std::string(kv.value().as_string());
    }
    d.obligations_.push_back(std::move(o));
  }
  // The engine relies on these rules by id.
  for (auto id : {"art2-12", "art6-1", "art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d", "art6-3-profiling", "art50-1",
                  "art50-2", "art50-3", "art50-4", "gpai-model", "gpai-open-source", "gpai-systemic-risk", "art111-2"})
    if (!d.rule(id)) fail(files[2].path, std::string("rule ") + id + " is missing");
  for (const auto& o : d.obligations_)
    if (o.source_rule && !d.rule(*o.source_rule)) fail(files[3].path, o.id + " names an unknown source_rule");
  return d;
}

const Practice* Data::practice(std::string_view id) const { return find_by_id(practices_, id); }
const AnnexPoint* Data::point(std::string_view id) const { return find_by_id(points_, id); }
const Rule* Data::rule(std::string_view id) const { return find_by_id(rules_, id); }
const Obligation* Data::obligation(std::string_view id) const { return find_by_id(obligations_, id); }

std::vector<const Rule*> Data::rules_of_kind(std::string_view kind) const {
  std::vector<const Rule*> out;
  for (const auto& r : rules_)
    if (r.kind == kind) out.push_back(&r);
  return out;
}

std::string Data::area_title(int area) const {
  for (const auto& p : points_)
    if (p.area == area) return p.area_title;
  return {};
}

std::string long_date(const std::string& iso) {
  auto d = parse_date(iso);
  if (!d) return iso;
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  std::chrono::year_month_day ymd{*d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string obligation_title(std::string_view id) {
  static const Data data = Data::load_embedded();
  const auto* ob = data.obligation(id);
  return ob ? ob->article + " " + ob->title : std::string(id);
}

std::string obligation_label(std::string_view obligation_id, std::string_view record_id, std::string_view system_id) {
  return obligation_title(obligation_id.empty() ? record_id : obligation_id) + " (" + std::string(system_id) + ")";
}

std::string system_words(const NamedSystem& system) {
  if (!system.found) return system.id + " — system no longer exists";
  if (system.archived) return system.id + " — archived system";
  return system.name.empty() ? system.id : system.name;
}

std::string obligation_label(std::string_view obligation_id, std::string_view record_id, const NamedSystem& system) {
  return obligation_title(obligation_id.empty() ? record_id : obligation_id) + " (" + system_words(system) + ")";
}

std::string with_system_named(std::string_view label, const NamedSystem& system) {
  auto tail = " (" + system.id + ")";
  if (system.id.empty() || label.size() < tail.size() || label.substr(label.size() - tail.size()) != tail) return std::string(label);
  return std::string(label.substr(0, label.size() - tail.size())) + " (" + system_words(system) + ")";
}

}  // namespace aims::euact
