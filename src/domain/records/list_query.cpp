#include "domain/records/list_query.hpp"

#include <algorithm>
#include <charconv>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace aims::records {
namespace json = boost::json;

namespace {

std::string one_of(const std::vector<std::string>& values) {
  std::string all;
  for (const auto& v : values) all += (all.empty() ? "" : ", ") + v;
  return "must be one of " + all;
}

}  // namespace

std::optional<std::string> ListQuery::get(const std::string& name) const {
  if (auto it = memory.find(name); it != memory.end()) return it->second;
  if (auto it = extra.find(name); it != extra.end()) return it->second;
  return std::nullopt;
}

KindSpec list_params_spec(std::string kind, std::string noun, std::string title, SortSpec sort, bool text_search) {
  KindSpec k;
  k.kind = std::move(kind);
  k.noun = std::move(noun);
  k.title = std::move(title);
  k.sorts = {std::move(sort)};
  k.text_search = text_search;
  return k;
}

result<ListQuery> parse_list(const KindSpec& spec, const Params& params) {
  ListQuery q;
  q.sql.kind = spec.kind;
  std::vector<FieldError> errs;
  std::map<std::string, std::string> given;
  for (const auto& [k, v] : params) given[k] = v;
  for (const auto& [name, value] : given) {
    bool known = name == "sort" || name == "limit" || name == "cursor" || (name == "q" && spec.text_search) ||
                 std::any_of(spec.filters.begin(), spec.filters.end(), [&](const FilterSpec& f) { return f.name == name; }) ||
                 std::find(spec.extra_params.begin(), spec.extra_params.end(), name) != spec.extra_params.end();
    if (!known) errs.push_back({name, 0, "is not a parameter of this list"});
    if (std::find(spec.extra_params.begin(), spec.extra_params.end(), name) != spec.extra_params.end())
      q.extra[name] = value;
  }
  // Sort.
  q.sort_param = given.count("sort") ? given["sort"] : spec.sorts.front().name;
  std::string_view key = q.sort_param;
  if (!key.empty() && key[0] == '-') {
    q.descending = true;
    key.remove_prefix(1);
  }
  auto sort = std::find_if(spec.sorts.begin(), spec.sorts.end(), [&](const SortSpec& s) { return s.name == key; });
  if (sort == spec.sorts.end()) {
    std::string all;
    for (const auto& s : spec.sorts) all += (all.empty() ? "" : ", ") + s.name;
    errs.push_back({"sort", 0, "must be one of " + all + ", optionally with a leading -"});
  } else {
    q.sort = sort->name;
    q.sort_in_sql = sort->where == Where::sql;
    q.sql.sort = sort->slot;
    q.sql.descending = q.descending;
  }
  // Filters.
  for (const auto& f : spec.filters) {
    auto it = given.find(f.name);
    if (it == given.end()) continue;
    const std::string& v = it->second;
    if (!f.values.empty() && std::find(f.values.begin(), f.values.end(), v) == f.values.end()) {
      errs.push_back({f.name, 0, one_of(f.values)});
      continue;
    }
    if (f.where == Where::memory) {
      q.memory[f.name] = v;
      continue;
    }
    std::string facet = f.to_facet ? f.to_facet(v) : v;
    if (f.skip_blank && facet.empty()) continue;
    if (f.on_ref) q.sql.ref = facet;
    else q.sql.filters.push_back({f.slot, {facet}});
  }
  // Text.
  if (auto it = given.find("q"); it != given.end() && spec.text_search) {
    auto t = text::lower(text::trim(it->second));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q.text = q.sql.text = t;
  }
  // Limit.
  if (auto it = given.find("limit"); it != given.end()) {
    int n = 0;
    const auto& s = it->second;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size() || n < 1 || n > 500)
      errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else
      q.limit = n;
  }
  q.sql.limit = q.limit;
  // Cursor.
  if (auto it = given.find("cursor"); it != given.end()) {
    q.after = decode_cursor(q.sort_param, it->second);
    if (!q.after) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
    q.sql.after = q.after;
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

std::string encode_cursor(const std::string& sort_param, const store::RecordPosition& p) {
  json::object c{{"k", sort_param}, {"s", p.text}, {"n", p.number}, {"i", p.id}, {"p", p.parent_id}};
  return crypto::base64url_encode(json::serialize(c));
}

std::optional<store::RecordPosition> decode_cursor(const std::string& sort_param, const std::string& cursor) {
  std::string raw;
  if (!crypto::base64url_decode(cursor, raw)) return std::nullopt;
  boost::system::error_code ec;
  auto v = json::parse(raw, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto str = [&](const char* k) { return o.contains(k) && o.at(k).is_string(); };
  if (!str("k") || o.at("k").as_string() != sort_param || !str("s") || !str("i") || !str("p") || !o.contains("n") ||
      !o.at("n").is_int64())
    return std::nullopt;
  return store::RecordPosition{std::string(o.at("s").as_string()), o.at("n").as_int64(), std::string(o.at("i").as_string()),
                               std::string(o.at("p").as_string())};
}

store::RecordPosition position_of(const store::RecordRow& row, store::FacetSlot slot) {
  store::RecordPosition p{"", 0, row.id, row.parent_id};
  using store::FacetSlot;
  switch (slot) {
    case FacetSlot::number: p.number = row.facets.number; break;
    case FacetSlot::position: p.number = row.position; break;
    case FacetSlot::created_at: p.text = row.created_at; break;
    case FacetSlot::updated_at: p.text = row.updated_at; break;
    default: p.text = row.facets.text[static_cast<std::size_t>(slot)]; break;
  }
  return p;
}

}  // namespace aims::records
