#include "domain/euact/obligation_query.hpp"

#include <algorithm>
#include <map>

#include "core/date.hpp"
#include "core/text.hpp"
#include "domain/euact/obligation_kind.hpp"
#include "domain/inventory/system_fields.hpp"
#include "core/json_members.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

constexpr std::string_view kStatuses[] = {"not_started", "in_progress", "met", "not_applicable"};
constexpr std::string_view kRoleValues[] = {"provider", "deployer", "importer", "distributor", "product_manufacturer",
                                       "authorised_representative"};

std::string listed(std::span<const std::string_view> set) {
  std::string out;
  for (auto s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

bool one_of(const std::string& v, std::span<const std::string_view> set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

bool flag(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p && p->is_bool() && p->as_bool();
}

}  // namespace

std::span<const std::string_view> obligation_statuses() { return kStatuses; }

ObligationFilters read_filters(const records::Params& params, std::vector<FieldError>& errs) {
  std::map<std::string, std::string> p;
  for (const auto& [k, v] : params) p[k] = v;
  auto get = [&](const char* name) -> const std::string* {
    auto it = p.find(name);
    return it == p.end() ? nullptr : &it->second;
  };
  ObligationFilters f;
  if (auto v = get("article")) {
    if (v->empty() || v->size() > 100) errs.push_back({"article", 0, "must be 1 to 100 characters"});
    else f.article = *v;
  }
  if (auto v = get("role")) {
    if (one_of(*v, kRoleValues)) f.role = *v;
    else errs.push_back({"role", 0, "must be one of " + listed(kRoleValues)});
  }
  for (auto [name, out] : {std::pair{"due_before", &f.due_before}, std::pair{"applies_from", &f.applies_from}}) {
    auto v = get(name);
    if (!v) continue;
    if (parse_date(*v)) *out = *v;
    else errs.push_back({name, 0, "must be a date as YYYY-MM-DD"});
  }
  if (auto v = get("overdue")) {
    if (*v == "true") f.overdue = true;
    else if (*v != "false") errs.push_back({"overdue", 0, "must be true or false"});
  }
  if (auto v = get("recheck")) {
    if (*v == "true" || *v == "false") f.recheck = *v == "true";
    else errs.push_back({"recheck", 0, "must be true or false"});
  }
  if (auto v = get("system_class")) {
    if (one_of(*v, inventory::eu_ai_act_classes())) f.system_class = *v;
    else errs.push_back({"system_class", 0, "must be one of " + listed(inventory::eu_ai_act_classes())});
  }
  if (auto v = get("retired")) {
    if (*v == "false" || *v == "true" || *v == "all") f.retired = *v;
    else errs.push_back({"retired", 0, "must be false, true or all"});
  }
  return f;
}

std::vector<std::string> article_ids(const Data& data, const std::string& want) {
  auto w = text::lower(want);
  std::vector<std::string> out{w};  // an id not in the data still matches itself
  for (const auto& ob : data.obligations()) {
    auto a = text::lower(ob.article);
    bool prefix = a.size() > w.size() && a.compare(0, w.size(), w) == 0 && a[w.size()] == '(';
    bool listed = std::find(out.begin(), out.end(), ob.id) != out.end();  // once: one value is one index walk
    if (!listed && (w == text::lower(ob.id) || w == a || prefix)) out.push_back(ob.id);
  }
  return out;
}

void add_conditions(const ObligationFilters& f, const Data& data, const std::string& today, store::RecordQuery& sql) {
  using store::FacetSlot;
  if (f.retired != "all") sql.filters.push_back({FacetSlot::text2, {f.retired == "true" ? "true" : ""}});
  if (f.article) sql.filters.push_back({FacetSlot::text3, article_ids(data, *f.article)});
  if (f.role) sql.text = role_token(*f.role);
  if (f.applies_from) sql.filters.push_back({FacetSlot::text4, {*f.applies_from}});
  std::optional<std::string> below = f.due_before;
  if (f.overdue) {
    sql.filters.push_back({FacetSlot::text2, {""}});
    sql.filters.push_back({FacetSlot::text1, {"not_started", "in_progress"}});
    if (!below || today < *below) below = today;
  }
  if (below) sql.below = std::make_pair(FacetSlot::text6, *below);
}

bool is_overdue(const json::object& doc, const std::string& today) {
  auto status = string_at(doc, "status");
  return !flag(doc, "retired") && (status == "not_started" || status == "in_progress") && string_at(doc, "due") < today;
}

}  // namespace aims::euact
