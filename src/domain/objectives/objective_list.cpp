#include "domain/objectives/objective_list.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "core/json_members.hpp"

namespace aims::objectives {
namespace json = boost::json;

namespace {

const json::object& derived_of(const json::object& view) {
  static const json::object empty;
  auto p = view.if_contains("derived");
  return p && p->is_object() ? p->as_object() : empty;
}

/// The value an objective sorts by under derived_status: worst first, then by number.
std::string derived_sort_value(const json::object& v, std::int64_t number) {
  int i = 0;
  auto s = string_at(derived_of(v), "status");
  for (std::string_view o : {"off_track", "at_risk", "no_data", "on_track"}) {
    if (o == s) break;
    ++i;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%d\x1f%012lld", i, static_cast<long long>(number));
  return buf;
}

}  // namespace

bool matches(const json::object& v, const records::ListQuery& q, bool text_in_memory) {
  const auto& d = derived_of(v);
  if (auto want = q.get("derived_status"); want && string_at(d, "status") != *want) return false;
  if (auto want = q.get("overdue")) {
    auto o = d.if_contains("reading_overdue");
    bool overdue = o && o->is_bool() && o->as_bool();
    if (overdue != (*want == "true")) return false;
  }
  if (text_in_memory && q.text) {
    std::string hay;
    for (auto k : {"key", "title", "description", "measure", "owner", "system_name", "annex_c_title"})
      hay += text::lower(string_at(v, k)) + '\n';
    if (hay.find(*q.text) == std::string::npos) return false;
  }
  return true;
}

records::MemoryPage select_page(std::vector<Listed> rows, const records::ListQuery& q, bool text_in_memory) {
  std::vector<records::Positioned> kept;
  for (auto& r : rows) {
    if (!matches(r.view, q, text_in_memory)) continue;
    auto pos = q.sort_in_sql ? records::position_of(r.row, q.sql.sort)
                             : store::RecordPosition{derived_sort_value(r.view, r.row.position), 0, r.row.id, r.row.parent_id};
    kept.push_back({std::move(pos), std::move(r.view)});
  }
  return records::page_in_memory(std::move(kept), q);
}

}  // namespace aims::objectives
