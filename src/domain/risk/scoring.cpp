#include "domain/risk/scoring.hpp"

namespace aims::risk {
namespace json = boost::json;

json::object score_json(const Criteria& c, int likelihood, int impact) {
  const auto& lv = c.levels[static_cast<std::size_t>(level_of(c, likelihood, impact))];
  return json::object{{"likelihood", likelihood},
                      {"impact", impact},
                      {"score", likelihood * impact},
                      {"level", json::object{{"id", lv.id}, {"name", lv.name}, {"colour", lv.colour}}}};
}

std::string_view state_name(AcceptanceState s) {
  switch (s) {
    case AcceptanceState::none: return "none";
    case AcceptanceState::accepted: return "accepted";
    case AcceptanceState::expired: return "expired";
    case AcceptanceState::withdrawn: return "withdrawn";
    case AcceptanceState::exceeds_threshold: return "exceeds_threshold";
  }
  return "none";
}

const std::vector<std::string_view>& state_names() {
  static const std::vector<std::string_view> names{"none", "accepted", "expired", "withdrawn", "exceeds_threshold"};
  return names;
}

AcceptanceState acceptance_state(const json::value& acceptance, const Criteria& c, int residual_likelihood,
                                 int residual_impact, Date today) {
  if (!acceptance.is_object()) return AcceptanceState::none;
  const auto& a = acceptance.as_object();
  if (auto w = a.if_contains("withdrawn_at"); w && w->is_string()) return AcceptanceState::withdrawn;
  if (auto e = a.if_contains("expires_on"); e && e->is_string()) {
    auto d = parse_date(std::string(e->as_string()));
    if (d && today >= *d) return AcceptanceState::expired;
  }
  if (level_of(c, residual_likelihood, residual_impact) > c.acceptance_threshold) return AcceptanceState::exceeds_threshold;
  return AcceptanceState::accepted;
}

status check_acceptance(const Criteria& c, accounts::Role role, int residual_likelihood, int residual_impact,
                        std::string_view risk_status) {
  if (!may_accept(c, role)) {
    std::string roles;
    for (auto r : c.accept_roles) roles += (roles.empty() ? "" : ", ") + std::string(accounts::role_name(r));
    return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(role)) +
                                           ") may not accept risks; the risk criteria allow " + roles + ".");
  }
  if (risk_status == "closed")
    return make_error(errc::validation, "A closed risk cannot be accepted.",
                      {{"status", 0, "the risk is closed; reopen it before accepting it"}});
  int level = level_of(c, residual_likelihood, residual_impact);
  if (level > c.acceptance_threshold) {
    const auto& lv = c.levels[static_cast<std::size_t>(level)];
    const auto& th = c.levels[static_cast<std::size_t>(c.acceptance_threshold)];
    auto cell = std::to_string(residual_likelihood) + " × " + std::to_string(residual_impact);
    return make_error(errc::validation,
                      "The residual level is " + lv.name + " (likelihood × impact " + cell +
                          "); the risk criteria allow accepting risks up to " + th.name +
                          ". Treat the risk further, or have the criteria reviewed.",
                      {{"residual", 0, "level " + lv.name + " is above the acceptance threshold " + th.name}});
  }
  return ok();
}

}  // namespace aims::risk
