#include "domain/risk/heatmap.hpp"

namespace aims::risk {
namespace json = boost::json;

json::object heatmap(const Criteria& c, const std::vector<Facts>& risks) {
  const std::size_t nl = c.likelihood.size(), ni = c.impact.size();
  std::vector<std::vector<std::int64_t>> inherent(nl, std::vector<std::int64_t>(ni, 0)), residual = inherent;
  std::vector<std::int64_t> by_inherent(c.levels.size(), 0), by_residual(c.levels.size(), 0);
  std::int64_t total = 0, overdue = 0, expired = 0;
  for (const auto& r : risks) {
    if (r.status == "closed") continue;
    ++total;
    ++inherent[static_cast<std::size_t>(r.il - 1)][static_cast<std::size_t>(r.ii - 1)];
    ++residual[static_cast<std::size_t>(r.rl - 1)][static_cast<std::size_t>(r.ri - 1)];
    ++by_inherent[static_cast<std::size_t>(r.inherent_level)];
    ++by_residual[static_cast<std::size_t>(r.residual_level)];
    if (r.review_overdue) ++overdue;
    if (r.acceptance == AcceptanceState::expired) ++expired;
  }
  auto by_json = [&](const std::vector<std::int64_t>& counts) {
    json::object o;
    for (std::size_t k = 0; k < c.levels.size(); ++k) o[c.levels[k].id] = counts[k];
    return o;
  };
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
  out["by_level"] = json::object{{"inherent", by_json(by_inherent)}, {"residual", by_json(by_residual)}};
  out["overdue_reviews"] = overdue;
  out["expired_acceptances"] = expired;
  return out;
}

}  // namespace aims::risk
