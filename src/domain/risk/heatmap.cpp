#include "domain/risk/heatmap.hpp"

namespace aims::risk {
namespace json = boost::json;

json::object heatmap(const Criteria& c, const std::vector<json::object>& risks) {
  const std::size_t nl = c.likelihood.size(), ni = c.impact.size();
  std::vector<std::vector<std::int64_t>> inherent(nl, std::vector<std::int64_t>(ni, 0)), residual = inherent;
  json::object by_inherent, by_residual;
  for (const auto& l : c.levels) {
    by_inherent[l.id] = 0;
    by_residual[l.id] = 0;
  }
  std::int64_t total = 0, overdue = 0, expired = 0;
  for (const auto& r : risks) {
    if (r.at("status").as_string() == "closed") continue;
    ++total;
    auto place = [&](std::string_view which, std::vector<std::vector<std::int64_t>>& grid, json::object& by) {
      const auto& s = r.at(which).as_object();
      auto l = static_cast<std::size_t>(s.at("likelihood").as_int64()), i = static_cast<std::size_t>(s.at("impact").as_int64());
      if (l >= 1 && l <= nl && i >= 1 && i <= ni) ++grid[l - 1][i - 1];
      auto& n = by[s.at("level").at("id").as_string()];
      n = n.as_int64() + 1;
    };
    place("inherent", inherent, by_inherent);
    place("residual", residual, by_residual);
    if (r.at("review_overdue").as_bool()) ++overdue;
    if (r.at("acceptance_state").as_string() == "expired") ++expired;
  }
  auto grid_json = [](const std::vector<std::vector<std::int64_t>>& g) {
    json::array a;
    for (const auto& row : g) {
      json::array r;
      for (auto n : row) r.emplace_back(n);
      a.push_back(std::move(r));
    }
    return a;
  };
  auto out = to_json(c);
  out.erase("accept_roles");
  out["inherent"] = grid_json(inherent);
  out["residual"] = grid_json(residual);
  out["total"] = total;
  out["by_level"] = json::object{{"inherent", std::move(by_inherent)}, {"residual", std::move(by_residual)}};
  out["overdue_reviews"] = overdue;
  out["expired_acceptances"] = expired;
  return out;
}

}  // namespace aims::risk
