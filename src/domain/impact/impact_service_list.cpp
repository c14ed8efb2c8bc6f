// ImpactService::list: every impact assessment of the organization (or of one AI system, by the
// indexed ref), with the derived outcome and re-assessment status, filtered, sorted and paged by
// a keyset cursor in memory. Derived values depend on the AI systems and the settings now, so
// they cannot be stored columns; an organization holds one or a few assessments per AI system.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/common/stored.hpp"
#include "domain/impact/impact_common.hpp"
#include "domain/impact/impact_service.hpp"

namespace aims::impact {
namespace json = boost::json;
using accounts::Actor;
using namespace detail;

namespace {

constexpr std::string_view kSorts[] = {"updated_at", "created_at", "title", "ref", "status", "outcome", "next_review_date"};
constexpr std::string_view kStatuses[] = {"draft", "in_review", "approved"};

int rank_in(std::span<const std::string_view> list, std::string_view v) {
  auto it = std::find(list.begin(), list.end(), v);
  return it == list.end() ? 0 : static_cast<int>(it - list.begin());
}

std::string sort_value(const json::object& s, std::string_view key) {
  if (key == "title") return text::lower(str(s, "title"));
  if (key == "ref") {
    char buf[24];
    auto ref = str(s, "ref");
    std::int64_t n = 0;
    if (ref.size() > 3) std::from_chars(ref.data() + 3, ref.data() + ref.size(), n);
    std::snprintf(buf, sizeof buf, "%012lld", static_cast<long long>(n));
    return buf;
  }
  if (key == "status") return std::to_string(rank_in(kStatuses, str(s, "status")));
  if (key == "outcome") return std::to_string(static_cast<int>(parse_level(str(s, "outcome")).value_or(Level::normal)));
  return str(s, key);  // updated_at, created_at, next_review_date ("" when none: first)
}

std::string choices(std::span<const std::string_view> list) {
  std::string out;
  for (auto c : list) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

}  // namespace

result<std::string> ImpactService::list(const Actor& a, const ListParams& p) {
  std::vector<FieldError> errs;
  std::string sort = p.sort.value_or("-updated_at");
  std::string_view key = sort;
  bool desc = !key.empty() && key[0] == '-';
  if (desc) key.remove_prefix(1);
  if (std::find(std::begin(kSorts), std::end(kSorts), key) == std::end(kSorts))
    errs.push_back({"sort", 0, "must be one of " + choices(kSorts) + ", optionally with a leading -"});
  if (p.status && std::find(std::begin(kStatuses), std::end(kStatuses), *p.status) == std::end(kStatuses))
    errs.push_back({"status", 0, "must be one of " + choices(kStatuses)});
  if (p.outcome && !parse_level(*p.outcome)) errs.push_back({"outcome", 0, "must be one of normal, sensitive, restricted"});
  if (p.reassessment_due && *p.reassessment_due != "true" && *p.reassessment_due != "false")
    errs.push_back({"reassessment_due", 0, "must be true or false"});
  std::string q = p.q ? text::lower(text::trim(*p.q)) : "";
  if (q.size() > 200) errs.push_back({"q", 0, "must be at most 200 characters"});
  int limit = 50;
  if (p.limit) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(p.limit->data(), p.limit->data() + p.limit->size(), v);
    if (ec != std::errc() || ptr != p.limit->data() + p.limit->size() || v < 1 || v > 500)
      errs.push_back({"limit", 0, "must be a whole number from 1 to 500"});
    else limit = v;
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (p.cursor) {
    std::string raw;
    bool good = crypto::base64url_decode(*p.cursor, raw);
    if (good) {
      boost::system::error_code ec;
      auto v = json::parse(raw, ec);
      good = !ec && v.is_object() && v.as_object().contains("k") && v.at("k") == json::value(sort) &&
             v.as_object().contains("s") && v.at("s").is_string() && v.as_object().contains("i") && v.at("i").is_string();
      if (good) after = std::pair{std::string(v.at("s").as_string()), std::string(v.at("i").as_string())};
    }
    if (!good) errs.push_back({"cursor", 0, "is not a cursor of this list and sort order; start again without it"});
  }
  if (!errs.empty()) return make_error(errc::bad_request, "The list parameters are not valid.", std::move(errs));

  std::vector<std::pair<std::string, json::object>> rows;  // sort value, summary
  std::vector<json::object> unreadable;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto settings = load_settings(tx, a.org_id);
    auto f = children(kKind, a.org_id, "", p.system_id);
    std::map<std::string, std::optional<json::object>> systems;
    for (const auto& r : tx.list_records(f)) {
      json::object s = stored::row_or_error(kKind, a.org_id, r.id, [&] {
        auto doc = stored::parse_object(r.doc);
        auto sid = str(doc, "system_id");
        auto it = systems.find(sid);
        if (it == systems.end()) {
          auto sys = tx.find_system(a.org_id, sid);
          boost::system::error_code ec;
          auto sv = sys ? json::parse(sys->doc, ec) : json::value();
          it = systems.emplace(sid, !ec && sv.is_object() ? std::optional(sv.as_object()) : std::nullopt).first;
        }
        return summary_of(view_of(doc, it->second ? &*it->second : nullptr, settings));
      });
      if (stored::is_error_row(s)) {  // unreadable records head the first page, whatever the filter
        unreadable.push_back(std::move(s));
        continue;
      }
      if (p.status && str(s, "status") != *p.status) continue;
      if (p.outcome && str(s, "outcome") != *p.outcome) continue;
      if (p.reassessment_due && s.at("reassessment_due").at("due").as_bool() != (*p.reassessment_due == "true")) continue;
      if (!q.empty()) {
        auto hay = text::lower(str(s, "title") + "\n" + str(s, "ref") + "\n" +
                               (s.at("system").is_object() ? str(s.at("system").as_object(), "name") : std::string()));
        if (hay.find(q) == std::string::npos) continue;
      }
      rows.emplace_back(sort_value(s, key), std::move(s));
    }
    return ok();
  });
  if (!st) return st.error();
  auto id_of = [](const json::object& s) { return str(s, "id"); };
  std::sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
    auto kx = std::pair(x.first, id_of(x.second)), ky = std::pair(y.first, id_of(y.second));
    return desc ? ky < kx : kx < ky;
  });
  std::size_t start = 0;
  if (after) {
    while (start < rows.size()) {
      auto k = std::pair(rows[start].first, id_of(rows[start].second));
      if (desc ? k < *after : *after < k) break;
      ++start;
    }
  }
  json::array items;
  if (!after)
    for (auto& e : unreadable) items.push_back(std::move(e));
  std::size_t end = std::min(rows.size(), start + static_cast<std::size_t>(limit));
  for (std::size_t i = start; i < end; ++i) items.push_back(rows[i].second);
  json::object out{{"items", std::move(items)}, {"total", static_cast<std::int64_t>(rows.size())}};
  if (end < rows.size() && end > start) {
    const auto& last = rows[end - 1];
    out["next"] = crypto::base64url_encode(json::serialize(json::object{{"k", sort}, {"s", last.first}, {"i", id_of(last.second)}}));
  }
  return json::serialize(out);
}

}  // namespace aims::impact
