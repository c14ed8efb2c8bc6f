// Suggested maturity levels: the rule table's own consistency, and the rules run on a real store
// (the demo organization, and an organization with nothing recorded), through to an answer that
// accepts a suggestion and keeps its basis in the answer and its history.
#include <gtest/gtest.h>

#include <set>

#include "demo_fixture.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/assessment/suggestions.hpp"

using namespace aims;
using namespace aims::assessment;
namespace json = boost::json;

namespace {

class Suggestions : public aims::testing::DemoOrg {
 protected:
  std::vector<Suggestion> run(const std::string& org) {
    std::vector<Suggestion> out;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      out = suggest(tx, org, assessment::scope(cat_, "both"));
      return ok();
    }));
    return out;
  }
  static const Suggestion* find(const std::vector<Suggestion>& all, const std::string& item) {
    for (const auto& s : all)
      if (s.item_id == item) return &s;
    return nullptr;
  }
};

}  // namespace

TEST_F(Suggestions, RulesNameRealItemsLevelsAndConditions) {
  std::set<std::string_view> ids;
  bool inactive = false;
  for (const auto& r : suggestion_rules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << "rule id twice: " << r.id;
    EXPECT_GE(r.level, 0);
    EXPECT_LE(r.level, 5);
    EXPECT_FALSE(r.needs.empty()) << r.id;
    EXPECT_FALSE(r.basis.empty()) << r.id;
    for (auto item : r.items) {
      if (item == "*" || item == "A.*") continue;
      const auto* it = cat_.find("iso42001", std::string(item));
      ASSERT_TRUE(it) << r.id << " names " << item;
      EXPECT_TRUE(it->leaf && (it->kind == "clause" || it->kind == "control")) << r.id << " names " << item;
    }
    for (const auto& n : r.needs) {
      EXPECT_GE(n.min, 1) << r.id;
      if (n.kind.empty()) {
        inactive = true;
        EXPECT_FALSE(n.wanted.empty()) << r.id << ": a rule without a record kind says what it waits for";
      }
    }
  }
  EXPECT_TRUE(inactive) << "the AI policy rule waits for a record kind";
  auto table = rules_json();
  ASSERT_EQ(table.size(), suggestion_rules().size());
  for (const auto& r : table)
    if (r.at("id") == "ai-policy") EXPECT_FALSE(r.at("active").as_bool());
}

TEST_F(Suggestions, NothingRecordedSuggestsNothing) {
  EXPECT_TRUE(run("org_with_nothing").empty());
}

TEST_F(Suggestions, DemoRecordsGiveCitedLevels) {
  auto all = run(org_.id);
  ASSERT_FALSE(all.empty());
  // Every suggestion cites records that exist in the organization, with a kind and a title.
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    for (const auto& s : all) {
      EXPECT_FALSE(s.records.empty()) << s.item_id;
      for (const auto& c : s.records) {
        EXPECT_FALSE(c.title.empty()) << s.item_id << " " << c.kind << " " << c.id;
        bool exists = c.kind == "soa_entry" ? tx.find_soa_entry(org_.id, c.id).has_value()
                                            : tx.find_record(org_.id, c.kind, c.parent_id, c.id).has_value();
        EXPECT_TRUE(exists) << s.item_id << " cites " << c.kind << " " << c.id;
      }
    }
    return ok();
  }));
  // The risk register: the demo keeps the default risk criteria (never stored), so its risks give 2.
  const auto* r612 = find(all, "6.1.2");
  ASSERT_TRUE(r612);
  EXPECT_EQ(r612->rule, "risks-recorded");
  EXPECT_EQ(r612->level, 2);
  for (const auto& c : r612->records) {
    EXPECT_EQ(c.kind, "risk");
    EXPECT_EQ(c.label.rfind("R-", 0), 0u) << c.label;
  }
  // Once the organization records its own criteria, risks with a treatment give 3, citing both.
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) {
    return tx.put_record(store::RecordRow{"risk_criteria", org_.id, "", "current", 1, 0, "", "2026-01-01T00:00:00Z",
                                          "2026-01-01T00:00:00Z", R"({"likelihood_scale":5})"},
                         0);
  }));
  all = run(org_.id);
  r612 = find(all, "6.1.2");
  ASSERT_TRUE(r612);
  EXPECT_EQ(r612->rule, "risks-against-criteria");
  EXPECT_EQ(r612->level, 3);
  bool risk_cited = false, criteria_cited = false;
  for (const auto& c : r612->records) {
    risk_cited |= c.kind == "risk";
    criteria_cited |= c.kind == "risk_criteria";
  }
  EXPECT_TRUE(risk_cited);
  EXPECT_TRUE(criteria_cited);
  // Objectives with readings.
  const auto* r62 = find(all, "6.2");
  ASSERT_TRUE(r62);
  EXPECT_EQ(r62->level, 3);
  EXPECT_EQ(r62->rule, "objectives-measured");
  // No record kind for an AI policy yet: no suggestion for 5.2 from that rule.
  const auto* r52 = find(all, "5.2");
  EXPECT_TRUE(!r52 || r52->rule != "ai-policy");
}

TEST_F(Suggestions, TheSoaStatusOfAControlGivesItsLevel) {
  auto put_soa = [&](const std::string& status, std::int64_t version) {
    json::object doc{{"control_id", "A.6.2.4"}, {"applicable", true}, {"implementation_status", status}};
    store::RecordRow r{"", org_.id, "", "A.6.2.4", version + 1, 0, "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z",
                       json::serialize(doc)};
    ASSERT_TRUE(store_->write([&](store::WriteTx& tx) { return tx.put_soa_entry(r, version); }));
  };
  auto level_of = [&]() -> std::optional<std::pair<int, std::string>> {
    std::optional<Suggestion> s;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      s = suggest_item(tx, "org_soa_only", "A.6.2.4");
      return ok();
    }));
    if (!s) return std::nullopt;
    return std::make_pair(s->level, s->rule);
  };
  // In an organization of its own, so that no demo evidence is linked.
  ASSERT_TRUE(store_->write([&](store::WriteTx& tx) {
    return tx.insert_org(store::Organization{"org_soa_only", "SoA only", "2026-01-01T00:00:00Z"});
  }));
  org_.id = "org_soa_only";
  EXPECT_FALSE(level_of());
  put_soa("planned", 0);
  EXPECT_EQ(level_of(), std::make_pair(1, std::string("soa-planned")));
  put_soa("partial", 1);
  EXPECT_EQ(level_of(), std::make_pair(2, std::string("soa-partial")));
  put_soa("implemented", 2);
  EXPECT_EQ(level_of(), std::make_pair(2, std::string("soa-implemented")));
}

TEST_F(Suggestions, AcceptingASuggestionKeepsItsBasisInTheAnswerAndHistory) {
  AssessmentService svc(*store_, cat_, clock_, ids_);
  auto created = svc.create(admin_, json::object{{"name", "Keyboard check"}});
  ASSERT_TRUE(created) << created.error().detail;
  auto id = std::string(json::parse(created->json).at("id").as_string());
  auto listed = svc.suggestions(admin_, id);
  ASSERT_TRUE(listed) << listed.error().detail;
  auto doc = json::parse(*listed).as_object();
  const json::object* s612 = nullptr;
  for (const auto& s : doc.at("items").as_array())
    if (s.at("item_id") == "6.1.2") s612 = &s.as_object();
  ASSERT_TRUE(s612);
  auto level = s612->at("level").as_int64();

  // Another level than the suggested one is refused, and nothing is stored.
  auto wrong = svc.put_answer(admin_, id, "6.1.2", json::object{{"from_suggestion", true}, {"maturity", (level + 1) % 6}}, {});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, errc::validation);
  EXPECT_EQ(json::parse(svc.answer(admin_, id, "6.1.2")->json).at("version").as_int64(), 0);
  // An item without a suggestion cannot be answered "from the suggestion".
  auto none = svc.put_answer(admin_, id, "5.2", json::object{{"from_suggestion", true}}, {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, errc::validation);

  auto saved = svc.put_answer(admin_, id, "6.1.2", json::object{{"from_suggestion", true}}, {});
  ASSERT_TRUE(saved) << saved.error().detail;
  auto ans = json::parse(saved->json).as_object();
  EXPECT_EQ(ans.at("maturity").as_int64(), level);
  ASSERT_TRUE(ans.contains("suggestion"));
  EXPECT_EQ(ans.at("suggestion").at("rule"), s612->at("rule"));
  EXPECT_EQ(ans.at("suggestion").at("records"), s612->at("records"));
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    auto h = tx.list_history(org_.id, "answer", id + "/6.1.2", 10, std::nullopt);
    EXPECT_EQ(h.size(), 1u);
    if (!h.empty()) EXPECT_TRUE(json::parse(h.front().changes).as_object().contains("suggestion"));
    return ok();
  }));
  // Answering again by hand drops the suggestion: the answer is the user's own now.
  auto own = svc.put_answer(admin_, id, "6.1.2", json::object{{"maturity", 1}}, {});
  ASSERT_TRUE(own);
  EXPECT_FALSE(json::parse(own->json).as_object().contains("suggestion"));
}
