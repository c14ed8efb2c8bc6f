// The demo organization's EU AI Act classifications: a high-risk Annex III system, a
// transparency-only chatbot, one system left unclassified, and obligations with progress.
#include <gtest/gtest.h>

#include "demo_fixture.hpp"

#include <boost/json.hpp>
#include <map>

using namespace aims;
using DemoEuAct = aims::testing::DemoOrg;
namespace json = boost::json;

TEST_F(DemoEuAct, ClassifiesTheDemoSystemsAndRecordsObligationProgress) {
  std::map<std::string, json::object> systems;             // name -> record
  std::map<std::string, json::object> classes;             // name -> classification result
  std::map<std::string, std::vector<json::object>> obligations;  // name -> obligation records
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    auto org = tx.find_org_by_name("Demo Org");
    store::SystemQuery q;
    q.org_id = org->id;
    q.limit = 100;
    for (const auto& row : tx.list_systems(q).items) {
      auto doc = json::parse(row.doc).as_object();
      std::string name(doc.at("name").as_string());
      systems[name] = doc;
      if (auto c = tx.find_record(org->id, "classification", "", row.id))
        classes[name] = json::parse(c->doc).at("result").as_object();
      for (const auto& r : tx.list_records({.org_id = org->id, .kind = "obligation", .parent_id = row.id}))
        obligations[name].push_back(json::parse(r.doc).as_object());
    }
    return ok();
  }));
  EXPECT_EQ(classes.size(), 7u);
  EXPECT_FALSE(classes.count("Insurance claims triage"));
  EXPECT_EQ(systems["Insurance claims triage"].at("eu_ai_act_class").as_string(), "unclassified");

  EXPECT_EQ(classes["Credit scoring model"].at("class").as_string(), "high_risk");
  EXPECT_EQ(classes["Credit scoring model"].at("basis").as_string(), "Annex III point 5(b)");
  EXPECT_EQ(systems["Credit scoring model"].at("eu_ai_act_basis").as_string(), "Annex III point 5(b)");
  EXPECT_EQ(classes["CV screening assistant"].at("basis").as_string(), "Annex III point 4(a)");
  EXPECT_EQ(classes["Customer service chatbot"].at("class").as_string(), "transparency");
  EXPECT_EQ(systems["Customer service chatbot"].at("organization_role").as_string(), "provider");
  EXPECT_EQ(classes["Card fraud detection"].at("class").as_string(), "minimal");
  EXPECT_EQ(classes["Marketing content generator"].at("class").as_string(), "transparency");

  EXPECT_GT(obligations["Credit scoring model"].size(), 15u);
  // A minimal-risk system: only AI literacy (Art. 4) for its provider and deployer.
  ASSERT_EQ(obligations["Card fraud detection"].size(), 1u);
  EXPECT_EQ(obligations["Card fraud detection"][0].at("obligation_id").as_string(), "art4");
  std::map<std::string, std::string> status;
  for (const auto& [name, list] : obligations)
    for (const auto& o : list) status[name + "/" + std::string(o.at("obligation_id").as_string())] = o.at("status").as_string();
  EXPECT_EQ(status["Credit scoring model/art9"], "in_progress");
  EXPECT_EQ(status["Credit scoring model/art12"], "met");
  EXPECT_EQ(status["Credit scoring model/art27"], "in_progress");
  EXPECT_EQ(status["CV screening assistant/art25"], "not_applicable");
  EXPECT_EQ(status["Customer service chatbot/art50-1-disclose"], "met");
  EXPECT_EQ(status["Marketing content generator/art50-4-label"], "not_started");
}
