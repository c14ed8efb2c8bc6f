#include "domain/risk/risk_query.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/scoring.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

constexpr std::string_view kSorts[] = {"number",    "title",    "status",      "owner",     "inherent",
                                       "residual",  "due_date", "review_date", "updated_at"};

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string pad(std::int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  return buf;
}

}  // namespace

result<Query> parse_query(const ListParams& p, const Criteria& c) {
  Query q;
  std::vector<FieldError> errs;
  std::string sort = p.sort.value_or("number");
  q.sort_param = sort;
  std::string_view key = sort;
  if (!key.empty() && key[0] == '-') {
    q.descending = true;
    key.remove_prefix(1);
  }
  if (std::find(std::begin(kSorts), std::end(kSorts), key) == std::end(kSorts))
    errs.push_back({"sort", 0, "must be one of number, title, status, owner, inherent, residual, due_date, review_date, "
                               "updated_at, optionally with a leading -"});
  else
    q.sort = std::string(key);
  if (p.system_id) q.system_id = *p.system_id == "none" ? std::string() : *p.system_id;
  auto choice = [&](const std::optional<std::string>& v, std::span<const std::string_view> set, const char* name) {
    if (!v) return;
    if (std::find(set.begin(), set.end(), *v) == set.end()) {
      std::string all;
      for (auto s : set) all += (all.empty() ? "" : ", ") + std::string(s);
      errs.push_back({name, 0, "must be one of " + all});
    }
  };
  choice(p.status, statuses(), "status");
  q.status = p.status;
  std::vector<std::string_view> treatment_values(treatments().begin(), treatments().end());
  treatment_values.push_back("none");
  choice(p.treatment, treatment_values, "treatment");
  q.treatment = p.treatment;
  choice(p.acceptance, state_names(), "acceptance");
  q.acceptance = p.acceptance;
  std::vector<std::string_view> level_ids;
  for (const auto& l : c.levels) level_ids.push_back(l.id);
  choice(p.inherent_level, level_ids, "inherent_level");
  choice(p.residual_level, level_ids, "residual_level");
  if (p.inherent_level) q.inherent_level = level_index(c, *p.inherent_level);
  if (p.residual_level) q.residual_level = level_index(c, *p.residual_level);
  if (p.owner && !text::trim(*p.owner).empty()) q.owner = text::lower(text::trim(*p.owner));
  if (p.control && !text::trim(*p.control).empty()) q.control = text::trim(*p.control);
  if (p.overdue) {
    if (*p.overdue == "true") q.overdue = true;
    else if (*p.overdue != "false") errs.push_back({"overdue", 0, "must be true or false"});
  }
  auto step = [&](const std::optional<std::string>& v, std::size_t max, const char* name, std::optional<int>& out) {
    if (!v) return;
    auto n = parse_int(*v);
    if (!n || *n < 1 || *n > static_cast<std::int64_t>(max))
      errs.push_back({name, 0, "must be a whole number from 1 to " + std::to_string(max)});
    else
      out = static_cast<int>(*n);
  };
  step(p.inherent_likelihood, c.likelihood.size(), "inherent_likelihood", q.inherent_likelihood);
  step(p.inherent_impact, c.impact.size(), "inherent_impact", q.inherent_impact);
  step(p.residual_likelihood, c.likelihood.size(), "residual_likelihood", q.residual_likelihood);
  step(p.residual_impact, c.impact.size(), "residual_impact", q.residual_impact);
  if (p.q) {
    auto t = text::lower(text::trim(*p.q));
    if (t.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
    else if (!t.empty()) q.text = t;
  }
  if (p.limit) {
    auto n = parse_int(*p.limit);
    if (!n || *n < 1 || *n > 500) errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else q.limit = static_cast<int>(*n);
  }
  if (p.cursor) {
    std::string raw;
    bool good = crypto::base64url_decode(*p.cursor, raw);
    if (good) {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      good = !ec && v.is_object() && v.as_object().contains("k") && v.at("k").is_string() && v.at("k").as_string() == sort &&
             v.as_object().contains("s") && v.at("s").is_string() && v.as_object().contains("n") && v.at("n").is_int64();
      if (good) q.after = std::make_pair(std::string(v.at("s").as_string()), v.at("n").as_int64());
    }
    if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));
  return q;
}

bool matches(const Query& q, const Facts& r) {
  if (q.status && r.status != *q.status) return false;
  if (q.treatment) {
    const auto& t = r.doc->at("treatment");
    if (*q.treatment == "none" ? !t.is_null() : (!t.is_string() || t.as_string() != *q.treatment)) return false;
  }
  if (q.acceptance && state_name(r.acceptance) != *q.acceptance) return false;
  if (q.inherent_level && r.inherent_level != *q.inherent_level) return false;
  if (q.residual_level && r.residual_level != *q.residual_level) return false;
  if (q.owner && text::lower(r.text("owner")) != *q.owner) return false;
  if (q.overdue && !r.review_overdue) return false;
  if (q.inherent_likelihood && r.il != *q.inherent_likelihood) return false;
  if (q.inherent_impact && r.ii != *q.inherent_impact) return false;
  if (q.residual_likelihood && r.rl != *q.residual_likelihood) return false;
  if (q.residual_impact && r.ri != *q.residual_impact) return false;
  if (q.control) {
    const auto& pc = r.doc->at("planned_controls").as_array();
    if (std::find(pc.begin(), pc.end(), json::value(*q.control)) == pc.end()) return false;
  }
  if (q.text) {
    std::string hay = r.row->id;
    for (auto k : {"title", "description", "owner", "treatment_plan"}) (hay += '\n') += r.text(k);
    (hay += '\n') += r.system_name;
    for (auto k : {"planned_controls", "existing_controls", "risk_sources", "objectives"})
      for (const auto& e : r.doc->at(k).as_array()) (hay += '\n') += std::string_view(e.as_string());
    if (text::lower(hay).find(*q.text) == std::string::npos) return false;
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
  json::object c{{"k", q.sort_param}, {"s", sort_value}, {"n", number}};
  return crypto::base64url_encode(json::serialize(c));
}

}  // namespace aims::risk
