#include "domain/risk/risk_query.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/scoring.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

std::string pad(std::int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  return buf;
}

}  // namespace

result<Query> parse_query(const records::ListQuery& lq, const Criteria& c) {
  Query q;
  std::vector<FieldError> errs;
  q.sort = lq.sort;
  q.sort_param = lq.sort_param;
  q.descending = lq.descending;
  q.limit = lq.limit;
  if (lq.after) q.after = std::make_pair(lq.after->text, lq.after->number);
  q.in_memory = !lq.sort_in_sql;
  for (const auto& [name, value] : lq.memory)
    if (name != "overdue") q.in_memory = true;
  auto choice = [&](const char* name, std::span<const std::string_view> set) -> std::optional<std::string> {
    auto v = lq.get(name);
    if (!v) return std::nullopt;
    if (std::find(set.begin(), set.end(), *v) == set.end()) {
      std::string all;
      for (auto s : set) all += (all.empty() ? "" : ", ") + std::string(s);
      errs.push_back({name, 0, "must be one of " + all});
      return std::nullopt;
    }
    return v;
  };
  q.acceptance = choice("acceptance", state_names());
  std::vector<std::string_view> level_ids;
  for (const auto& l : c.levels) level_ids.push_back(l.id);
  if (auto v = choice("inherent_level", level_ids)) q.inherent_level = level_index(c, *v);
  if (auto v = choice("residual_level", level_ids)) q.residual_level = level_index(c, *v);
  if (auto v = lq.get("control"); v && !text::trim(*v).empty()) q.control = text::trim(*v);
  q.overdue = lq.get("overdue") == std::optional<std::string>("true");
  auto step = [&](const char* name, std::size_t max, std::optional<int>& out) {
    auto v = lq.get(name);
    if (!v) return;
    auto n = text::to_int64(*v);
    if (!n || *n < 1 || *n > static_cast<std::int64_t>(max))
      errs.push_back({name, 0, "must be a whole number from 1 to " + std::to_string(max)});
    else
      out = static_cast<int>(*n);
  };
  step("inherent_likelihood", c.likelihood.size(), q.inherent_likelihood);
  step("inherent_impact", c.impact.size(), q.inherent_impact);
  step("residual_likelihood", c.likelihood.size(), q.residual_likelihood);
  step("residual_impact", c.impact.size(), q.residual_impact);
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

bool matches(const Query& q, const Facts& r) {
  if (q.acceptance && state_name(r.acceptance) != *q.acceptance) return false;
  if (q.inherent_level && r.inherent_level != *q.inherent_level) return false;
  if (q.residual_level && r.residual_level != *q.residual_level) return false;
  if (q.overdue && !r.review_overdue) return false;
  if (q.inherent_likelihood && r.il != *q.inherent_likelihood) return false;
  if (q.inherent_impact && r.ii != *q.inherent_impact) return false;
  if (q.residual_likelihood && r.rl != *q.residual_likelihood) return false;
  if (q.residual_impact && r.ri != *q.residual_impact) return false;
  if (q.control) {
    const auto& pc = r.doc->at("planned_controls").as_array();
    if (std::find(pc.begin(), pc.end(), json::value(*q.control)) == pc.end()) return false;
  }
  return true;
}

std::string sort_value(const Query& q, const Facts& r) {
  if (q.sort == "title") return text::lower(r.text("title"));
  if (q.sort == "owner") return text::lower(r.text("owner"));
  if (q.sort == "status") {
    auto all = statuses();
    return pad(std::find(all.begin(), all.end(), r.status) - all.begin(), 1);
  }
  if (q.sort == "inherent") return pad(r.inherent_level, 1) + ":" + pad(r.il * r.ii, 4);
  if (q.sort == "residual") return pad(r.residual_level, 1) + ":" + pad(r.rl * r.ri, 4);
  if (q.sort == "due_date" || q.sort == "review_date") {
    auto d = r.text(q.sort);
    return d.empty() ? "9999-99-99" : std::string(d);  // risks without the date come last
  }
  if (q.sort == "updated_at") return r.row->updated_at;
  return pad(r.number, 12);
}

std::string cursor_after(const Query& q, const std::string& sort_value, std::int64_t number) {
  return records::encode_cursor(q.sort_param, store::RecordPosition{sort_value, number, "", ""});
}

}  // namespace aims::risk
