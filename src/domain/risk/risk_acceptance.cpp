// RiskService: formal acceptance of residual risks and its withdrawal (ISO/IEC 42001 6.1.3 f,
// 8.3: risk owners approve the treatment plan and accept residual risks).
#include <chrono>

#include "core/date.hpp"
#include "domain/common/input.hpp"
#include "domain/org/org_settings.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/risk_records.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/risk/scoring.hpp"

namespace aims::risk {
namespace json = boost::json;
using accounts::Actor;

namespace {

constexpr int kMaxAcceptanceDays = 5 * 366;

status require_acceptor(const Actor& a, const Criteria& c, std::string_view what) {
  if (may_accept(c, a.role)) return ok();
  std::string roles;
  for (auto r : c.accept_roles) roles += (roles.empty() ? "" : ", ") + std::string(accounts::role_name(r));
  return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " + std::string(what) +
                                         "; the risk criteria allow " + roles + ".");
}

/// Whether `a` wrote the risk as it stands: created it, or made the last change to its content
/// (acceptances and withdrawals are not content).
bool authored_by(store::ReadTx& tx, const Actor& a, const store::RecordRow& row) {
  auto doc = json::parse(row.doc).as_object();
  if (auto c = doc.if_contains("created_by"); c && c->is_string() && c->as_string() == a.email) return true;
  constexpr int kPage = 50;
  std::optional<std::int64_t> before;
  for (;;) {
    auto rows = tx.list_history(a.org_id, kRiskKind, row.id, kPage, before);
    for (const auto& h : rows)
      if (h.operation == "create" || h.operation == "update") return h.actor == a.email;
    if (rows.size() < static_cast<std::size_t>(kPage)) return false;
    before = rows.back().version;
  }
}

}  // namespace

result<Versioned> RiskService::accept(const Actor& a, const std::string& id, const json::value& body,
                                      const std::optional<std::string>& if_match) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = find_risk(tx, a.org_id, id);
    if (!row) return row.error();
    auto crit = load_criteria(tx, a.org_id);
    if (auto s = require_acceptor(a, crit.criteria, "accept risks"); !s) return s;
    if (auto s = org::require_segregation(tx, a, org::Duty::risk_acceptance, authored_by(tx, a, *row),
                                          "you created or last edited risk " + id + "; another person the risk criteria allow must accept it.");
        !s)
      return s;
    if (auto s = check_if_match(*row, if_match); !s) return s;
    input::Reader in(body.as_object(), {"rationale", "expires_on"});
    auto rationale = in.text("rationale", 2000, true, true);
    auto expires = in.date("expires_on");
    auto today = date_of(clock_.now());
    if (!body.as_object().contains("expires_on"))
      in.error("expires_on", "is required: the date the acceptance lapses (YYYY-MM-DD), so that it is reviewed");
    if (expires) {
      auto d = *parse_date(*expires);
      if (d <= today) in.error("expires_on", "must be after today");
      else if (d > today + std::chrono::days(kMaxAcceptanceDays)) in.error("expires_on", "must be within five years");
    }
    auto before = json::parse(row->doc).as_object();
    int rl = static_cast<int>(before.at("residual_likelihood").as_int64());
    int ri = static_cast<int>(before.at("residual_impact").as_int64());
    std::string detail = "The acceptance is not valid.";
    if (auto s = check_acceptance(crit.criteria, a.role, rl, ri, before.at("status").as_string()); !s) {
      if (s.error().code != errc::validation) return s;
      detail = s.error().detail;
      for (const auto& e : s.error().errors) in.error(e.field, e.message);
    }
    if (!in.ok()) return in.failure(detail);
    auto now = clock_.now_text();
    auto after = before;
    const auto& level = crit.criteria.levels[static_cast<std::size_t>(level_of(crit.criteria, rl, ri))];
    after["acceptance"] = json::object{{"accepted_by", a.email},
                                       {"accepted_role", accounts::role_name(a.role)},
                                       {"accepted_at", now},
                                       {"rationale", *rationale},
                                       {"expires_on", *expires},
                                       {"residual_likelihood", rl},
                                       {"residual_impact", ri},
                                       {"residual_level", level.id}};
    auto changes = diff(before, after);
    auto saved = save_risk(tx, a, *row, std::move(after), "accept", std::move(changes), crit.criteria, today, now);
    if (!saved) return saved.error();
    out = std::move(*saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> RiskService::withdraw(const Actor& a, const std::string& id, const json::value& body,
                                        const std::optional<std::string>& if_match) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = find_risk(tx, a.org_id, id);
    if (!row) return row.error();
    auto crit = load_criteria(tx, a.org_id);
    if (auto s = require_acceptor(a, crit.criteria, "withdraw acceptances"); !s) return s;
    if (auto s = check_if_match(*row, if_match); !s) return s;
    input::Reader in(body.as_object(), {"reason"});
    auto reason = in.text("reason", 2000, true);
    if (!in.ok()) return in.failure("The withdrawal is not valid.");
    auto before = json::parse(row->doc).as_object();
    const auto& acc = before.at("acceptance");
    if (!acc.is_object() || acc.as_object().contains("withdrawn_at"))
      return make_error(errc::conflict, "Risk " + id + " has no acceptance in force to withdraw.");
    auto now = clock_.now_text();
    auto after = before;
    auto& o = after["acceptance"].as_object();
    o["withdrawn_at"] = now;
    o["withdrawn_by"] = a.email;
    o["withdrawn_reason"] = reason && !reason->empty() ? *reason : std::string("Withdrawn by ") + a.email + ".";
    auto changes = diff(before, after);
    auto saved = save_risk(tx, a, *row, std::move(after), "withdraw_acceptance", std::move(changes), crit.criteria,
                           date_of(clock_.now()), now);
    if (!saved) return saved.error();
    out = std::move(*saved);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::risk
