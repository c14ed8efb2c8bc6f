// The risk services on a real SQLite store with a clock the test moves: human ids per
// organization, acceptance lapsing on its date, the residual score withdrawing an acceptance,
// criteria that existing risks no longer fit, and the Statement of Applicability's linked risks.
#include <gtest/gtest.h>

#include "domain/common/test_store.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/criteria_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/soa/soa_service.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;
using accounts::Actor;
using accounts::Role;

namespace {

std::vector<std::string> input_list(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& e : v.as_array()) out.emplace_back(e.as_string());
  return out;
}

/// A clock that stands still until the test moves it.
class TestClock final : public Clock {
 public:
  TimePoint now() const override { return t; }
  TimePoint t = *parse_time("2026-03-02T10:00:00.000Z");
};

class RiskServiceTest : public aims::testing::TempStore {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(open_temp_store());
    ASSERT_NO_FATAL_FAILURE(add_orgs({"org_a", "org_b"}));
    risks_ = std::make_unique<risk::RiskService>(*store_, cat(), clock_);
    criteria_ = std::make_unique<risk::CriteriaService>(*store_, clock_);
  }
  void TearDown() override {
    risks_.reset();
    criteria_.reset();
    TempStore::TearDown();
  }
  static const catalog::Catalog& cat() {
    static catalog::Catalog c = catalog::Catalog::load_embedded();
    return c;
  }
  json::object create(const Actor& a, json::object body) {
    auto r = risks_->create(a, body);
    EXPECT_TRUE(r) << (r ? "" : r.error().detail);
    return r ? json::parse(r->json).as_object() : json::object{};
  }
  json::object get(const Actor& a, const std::string& id) { return json::parse(risks_->get(a, id)->json).as_object(); }
  std::string etag(const json::object& r) { return "\"v" + std::to_string(r.at("version").as_int64()) + "\""; }

  TestClock clock_;
  std::unique_ptr<risk::RiskService> risks_;
  std::unique_ptr<risk::CriteriaService> criteria_;
  Actor admin_{"u1", "admin@a.test", "org_a", "A", Role::admin};
  Actor contributor_{"u2", "contrib@a.test", "org_a", "A", Role::contributor};
  Actor admin_b_{"u3", "admin@b.test", "org_b", "B", Role::admin};
};

}  // namespace

TEST_F(RiskServiceTest, HumanIdsCountPerOrganization) {
  EXPECT_EQ(create(admin_, {{"title", "One"}, {"inherent_likelihood", 2}, {"inherent_impact", 2}}).at("id"), "R-1");
  EXPECT_EQ(create(contributor_, {{"title", "Two"}, {"inherent_likelihood", 2}, {"inherent_impact", 2}}).at("id"), "R-2");
  EXPECT_EQ(create(admin_b_, {{"title", "Other"}, {"inherent_likelihood", 2}, {"inherent_impact", 2}}).at("id"), "R-1");
  EXPECT_EQ(get(admin_b_, "R-1").at("title"), "Other");
  auto missing = risks_->get(admin_b_, "R-2");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, errc::not_found);
}

TEST_F(RiskServiceTest, AnAcceptanceLapsesOnItsExpiryDate) {
  auto r = create(admin_, {{"title", "Drift"}, {"inherent_likelihood", 3}, {"inherent_impact", 3}, {"treatment", "retain"}});
  auto accepted = risks_->accept(admin_, "R-1", json::object{{"rationale", "Within appetite"}, {"expires_on", "2026-04-01"}}, etag(r));
  ASSERT_TRUE(accepted) << accepted.error().detail;
  EXPECT_EQ(get(admin_, "R-1").at("acceptance_state"), "accepted");
  clock_.t = *parse_time("2026-03-31T23:59:59.000Z");
  EXPECT_EQ(get(admin_, "R-1").at("acceptance_state"), "accepted");
  clock_.t = *parse_time("2026-04-01T00:00:00.000Z");
  EXPECT_EQ(get(admin_, "R-1").at("acceptance_state"), "expired");
  auto page = risks_->list(admin_, {{"acceptance", "expired"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, 1);
  auto map = json::parse(*risks_->heatmap(admin_, std::nullopt)).as_object();
  EXPECT_EQ(map.at("expired_acceptances").as_int64(), 1);
  // Renewing it makes it current again.
  auto again = risks_->accept(admin_, "R-1", json::object{{"rationale", "Reviewed"}, {"expires_on", "2027-04-01"}},
                              etag(get(admin_, "R-1")));
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(get(admin_, "R-1").at("acceptance_state"), "accepted");
}

TEST_F(RiskServiceTest, AContributorMayAcceptOnlyWhenTheCriteriaSaySo) {
  auto r = create(admin_, {{"title", "Drift"}, {"inherent_likelihood", 2}, {"inherent_impact", 2}});
  auto refused = risks_->accept(contributor_, "R-1", json::object{{"rationale", "x"}, {"expires_on", "2026-09-01"}}, etag(r));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::forbidden);
  auto crit = json::parse(criteria_->get(admin_)->json).as_object();
  crit["accept_roles"] = json::array{"contributor", "manager", "admin"};
  auto put = criteria_->put(admin_, crit, std::string("\"v0\""));
  ASSERT_TRUE(put) << put.error().detail;
  auto ok = risks_->accept(contributor_, "R-1", json::object{{"rationale", "x"}, {"expires_on", "2026-09-01"}}, etag(r));
  ASSERT_TRUE(ok) << ok.error().detail;
  EXPECT_EQ(json::parse(ok->json).at("acceptance").at("accepted_role"), "contributor");
}

TEST_F(RiskServiceTest, ChangingTheResidualScoreWithdrawsTheAcceptance) {
  auto r = create(admin_, {{"title", "Drift"}, {"inherent_likelihood", 3}, {"inherent_impact", 3}});
  auto a = risks_->accept(admin_, "R-1", json::object{{"rationale", "ok"}, {"expires_on", "2026-12-01"}}, etag(r));
  ASSERT_TRUE(a);
  // Other fields leave it in force.
  auto u = risks_->update(admin_, "R-1", json::object{{"owner", "Risk team"}}, "\"v2\"");
  ASSERT_TRUE(u);
  EXPECT_EQ(json::parse(u->json).at("acceptance_state"), "accepted");
  u = risks_->update(admin_, "R-1", json::object{{"residual_likelihood", 2}}, "\"v3\"");
  ASSERT_TRUE(u) << u.error().detail;
  auto v = json::parse(u->json).as_object();
  EXPECT_EQ(v.at("acceptance_state"), "withdrawn");
  EXPECT_EQ(v.at("acceptance").at("withdrawn_by"), "admin@a.test");
  auto w = risks_->withdraw(admin_, "R-1", json::object{}, "\"v4\"");
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, errc::conflict);
}

TEST_F(RiskServiceTest, CriteriaThatExistingScoresDoNotFitAreRefusedAndLevelsFollowTheCriteria) {
  create(admin_, {{"title", "Big"}, {"inherent_likelihood", 5}, {"inherent_impact", 2}, {"residual_likelihood", 4}});
  EXPECT_EQ(get(admin_, "R-1").at("inherent").at("level").at("id"), "high");
  auto body = json::object{
      {"likelihood", json::array{json::object{{"label", "L1"}}, json::object{{"label", "L2"}}, json::object{{"label", "L3"}}}},
      {"impact", json::array{json::object{{"label", "I1"}}, json::object{{"label", "I2"}}, json::object{{"label", "I3"}}}},
      {"levels", json::array{json::object{{"id", "ok"}, {"name", "OK"}, {"colour", "#00aa00"}},
                             json::object{{"id", "bad"}, {"name", "Bad"}, {"colour", "#aa0000"}}}},
      {"matrix", json::array{json::array{"ok", "ok", "bad"}, json::array{"ok", "bad", "bad"}, json::array{"bad", "bad", "bad"}}},
      {"acceptance_threshold", "ok"},
      {"accept_roles", json::array{"admin"}}};
  auto refused = criteria_->put(admin_, body, std::string("\"v0\""));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::validation);
  ASSERT_EQ(refused.error().errors.size(), 1u);
  EXPECT_EQ(refused.error().errors[0].field, "likelihood");
  EXPECT_NE(refused.error().errors[0].message.find("R-1 uses likelihood 5"), std::string::npos) << refused.error().errors[0].message;
  EXPECT_EQ(criteria_->get(admin_)->version, 0);
  // Re-scored onto the small scale, it fits; its level is derived from the new matrix.
  ASSERT_TRUE(risks_->update(admin_, "R-1", json::object{{"inherent_likelihood", 3}, {"residual_likelihood", 2}}, "\"v1\""));
  auto put = criteria_->put(admin_, body, std::string("\"v0\""));
  ASSERT_TRUE(put) << put.error().detail;
  EXPECT_EQ(put->version, 1);
  auto r = get(admin_, "R-1");
  EXPECT_EQ(r.at("inherent").at("level").at("id"), "bad");
  EXPECT_EQ(r.at("residual").at("level").at("id"), "bad");
  auto stale = criteria_->put(admin_, body, std::string("\"v0\""));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, errc::precondition_failed);
}

TEST_F(RiskServiceTest, TheSoaListsTheRisksATreatmentSelects) {
  soa::SoaService soa(*store_, cat(), clock_);
  auto linked = [&](const char* control) {
    auto working = json::parse(*soa.working(admin_));
    for (const auto& e : working.at("items").as_array())
      if (e.at("control_id") == control) return input_list(e.at("linked_risks"));
    return std::vector<std::string>{};
  };
  create(admin_, {{"title", "A"}, {"inherent_likelihood", 3}, {"inherent_impact", 3}, {"planned_controls", json::array{"A.6.2.4", "Own check"}}});
  for (int i = 2; i <= 12; ++i)
    create(admin_, {{"title", "Filler " + std::to_string(i)}, {"inherent_likelihood", 1}, {"inherent_impact", 1}});
  create(admin_, {{"title", "B"}, {"inherent_likelihood", 3}, {"inherent_impact", 3}, {"planned_controls", json::array{"A.6.2.4"}}});
  EXPECT_EQ(linked("A.6.2.4"), (std::vector<std::string>{"R-1", "R-13"}));
  EXPECT_TRUE(linked("A.2.2").empty());
  ASSERT_TRUE(risks_->update(admin_, "R-1", json::object{{"status", "closed"}}, "\"v1\""));
  EXPECT_EQ(linked("A.6.2.4"), (std::vector<std::string>{"R-13"}));
  ASSERT_TRUE(risks_->update(admin_, "R-13", json::object{{"planned_controls", json::array{"A.7.4"}}}, "\"v1\""));
  EXPECT_TRUE(linked("A.6.2.4").empty());
  EXPECT_EQ(linked("A.7.4"), (std::vector<std::string>{"R-13"}));
  // Another organization's SoA never shows them.
  auto other = json::parse(*soa.working(admin_b_));
  for (const auto& e : other.at("items").as_array()) EXPECT_TRUE(e.at("linked_risks").as_array().empty());
}
