#include "domain/objectives/objective_list.hpp"

#include <algorithm>
#include <cstdio>

#include "core/crypto.hpp"
#include "core/json_text.hpp"
#include "core/text.hpp"
#include "domain/inventory/system_service.hpp"

namespace aims::objectives {
namespace json = boost::json;

namespace {

constexpr std::string_view kSorts[] = {"key", "title", "due_date", "status", "derived_status", "owner", "updated_at", "created_at"};

std::string str(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

std::string rank(const std::string& v, std::initializer_list<std::string_view> order) {
  int i = 0;
  for (auto o : order) {
    if (o == v) return std::to_string(i);
    ++i;
  }
  return std::to_string(i);
}

const json::object& derived_of(const json::object& view) {
  static const json::object empty;
  auto p = view.if_contains("derived");
  return p && p->is_object() ? p->as_object() : empty;
}

std::string number_key(const json::object& v) {
  char buf[24];
  auto n = v.if_contains("number");
  std::snprintf(buf, sizeof buf, "%012lld", n && n->is_int64() ? static_cast<long long>(n->as_int64()) : 0LL);
  return buf;
}

/// The value a row sorts by; rows with equal values follow their number (OBJ-2 before OBJ-11).
std::string sort_value(const json::object& v, const std::string& key) {
  if (key == "key") return number_key(v);
  std::string s;
  if (key == "title" || key == "owner") s = text::lower(str(v, key));
  else if (key == "status") s = rank(str(v, "status"), {"active", "achieved", "retired"});
  else if (key == "derived_status") s = rank(str(derived_of(v), "status"), {"off_track", "at_risk", "no_data", "on_track"});
  else s = str(v, key);
  return s + '\x1f' + number_key(v);
}

}  // namespace

result<ListQuery> parse_list_query(const ListParams& p, const catalog::Catalog& cat, int max_limit) {
  ListQuery q;
  std::vector<FieldError> errs;
  q.sort = p.sort.value_or("key");
  std::string_view key = q.sort;
  if (!key.empty() && key[0] == '-') {
    q.descending = true;
    key.remove_prefix(1);
  }
  if (std::find(std::begin(kSorts), std::end(kSorts), key) == std::end(kSorts))
    errs.push_back({"sort", 0,
                    "must be one of key, title, due_date, status, derived_status, owner, updated_at, created_at, "
                    "optionally with a leading -"});
  else
    q.sort_key = std::string(key);
  if (p.q) {
    auto t = text::lower(text::trim(*p.q));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q.text = t;
  }
  if (p.system_id && !text::trim(*p.system_id).empty()) q.system_id = text::trim(*p.system_id);
  if (p.status) {
    if (*p.status != "active" && *p.status != "achieved" && *p.status != "retired")
      errs.push_back({"status", 0, "must be one of active, achieved, retired"});
    else q.status = *p.status;
  }
  if (p.derived_status) {
    auto& d = *p.derived_status;
    if (d != "on_track" && d != "at_risk" && d != "off_track" && d != "no_data")
      errs.push_back({"derived_status", 0, "must be one of on_track, at_risk, off_track, no_data"});
    else q.derived_status = d;
  }
  if (p.owner && !text::trim(*p.owner).empty()) q.owner_key = text::lower(text::trim(*p.owner));
  if (p.annex_c_objective) {
    const auto* item = cat.find("iso42001", *p.annex_c_objective);
    if (!item || item->kind != "ai_objective")
      errs.push_back({"annex_c_objective", 0, "must be an Annex C objective, C.2.1 to C.2.11"});
    else q.annex_c_objective = item->id;
  }
  if (p.overdue) {
    if (*p.overdue == "true") q.overdue = true;
    else if (*p.overdue == "false") q.overdue = false;
    else errs.push_back({"overdue", 0, "must be true or false"});
  }
  auto lim = inventory::parse_limit(p.limit, max_limit);
  if (!lim) {
    auto e = lim.error();  // a copy: error() returns by value
    errs.insert(errs.end(), e.errors.begin(), e.errors.end());
  }
  else q.limit = *lim;
  if (p.cursor) {
    std::string raw;
    bool good = crypto::base64url_decode(*p.cursor, raw);
    if (good) {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      if (!ec && v.is_object() && v.as_object().if_contains("k") && v.as_object().if_contains("s") &&
          v.as_object().if_contains("i") && v.at("k").is_string() && v.at("s").is_string() && v.at("i").is_string() &&
          v.at("k").as_string() == q.sort)
        q.after = {std::string(v.at("s").as_string()), std::string(v.at("i").as_string())};
      else
        good = false;
    }
    if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

bool matches(const json::object& v, const ListQuery& q) {
  if (q.status && str(v, "status") != *q.status) return false;
  if (q.annex_c_objective && str(v, "annex_c_objective") != *q.annex_c_objective) return false;
  if (q.system_id) {
    auto s = v.if_contains("system_id");
    bool org_wide = !s || !s->is_string();
    if (*q.system_id == "none" ? !org_wide : org_wide || s->as_string() != *q.system_id) return false;
  }
  if (q.owner_key && text::lower(str(v, "owner")) != *q.owner_key) return false;
  const auto& d = derived_of(v);
  if (q.derived_status && str(d, "status") != *q.derived_status) return false;
  if (q.overdue) {
    auto o = d.if_contains("reading_overdue");
    bool overdue = o && o->is_bool() && o->as_bool();
    if (overdue != *q.overdue) return false;
  }
  if (q.text) {
    std::string hay;
    for (auto k : {"key", "title", "description", "measure", "owner", "system_name", "annex_c_title"})
      hay += text::lower(str(v, k)) + '\n';
    if (hay.find(*q.text) == std::string::npos) return false;
  }
  return true;
}

ListPage select_page(std::vector<json::object> views, const ListQuery& q) {
  struct Keyed {
    std::string s, id;
    json::object* v;
  };
  std::vector<Keyed> rows;
  for (auto& v : views)
    if (matches(v, q)) rows.push_back({sort_value(v, q.sort_key), str(v, "id"), &v});
  auto less = [](const Keyed& a, const Keyed& b) { return a.s != b.s ? a.s < b.s : a.id < b.id; };
  if (q.descending) std::sort(rows.begin(), rows.end(), [&](const Keyed& a, const Keyed& b) { return less(b, a); });
  else std::sort(rows.begin(), rows.end(), less);
  ListPage page;
  page.total = static_cast<std::int64_t>(rows.size());
  auto it = rows.begin();
  if (q.after) {
    Keyed mark{q.after->first, q.after->second, nullptr};
    it = std::find_if(rows.begin(), rows.end(), [&](const Keyed& r) { return q.descending ? less(r, mark) : less(mark, r); });
  }
  for (; it != rows.end() && static_cast<int>(page.items.size()) < q.limit; ++it) page.items.push_back(*it->v);
  if (it != rows.end() && !page.items.empty()) {
    const auto& last = *(it - 1);
    page.next = crypto::base64url_encode(to_json_text(json::object{{"k", q.sort}, {"s", last.s}, {"i", last.id}}));
  }
  return page;
}

}  // namespace aims::objectives
