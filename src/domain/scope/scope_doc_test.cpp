#include "domain/scope/scope_doc.hpp"

#include <gtest/gtest.h>

namespace aims::scope {
namespace {
namespace json = boost::json;

Systems systems() {
  return {{"s1", {"Loan scoring", "active", false}},
          {"s2", {"Chatbot", "active", false}},
          {"s3", {"Old model", "retired", false}},
          {"s4", {"Archived model", "active", true}}};
}

json::object doc(const char* text) { return read_scope(json::parse(text), systems()).value(); }

TEST(ScopeStatement, NamesSystemsSitesUnitsAndRoles) {
  auto d = doc(R"({"units":["Retail","HR"],"sites":["Berlin"],"ai_roles":["provider","deployer"],"in_scope":["s1","s2"]})");
  EXPECT_EQ(statement("Acme", d, systems()),
            "The AI management system of Acme covering the development and use of 2 AI systems (Loan scoring and "
            "Chatbot) at Berlin by Retail and HR, in the roles of provider and deployer.");
}

TEST(ScopeStatement, EmptyScopeAndOneRole) {
  EXPECT_EQ(statement("Acme", doc("{}"), systems()), "The AI management system of Acme covering the use of no AI systems yet.");
  EXPECT_EQ(statement("Acme", doc(R"({"ai_roles":["importer"],"in_scope":["s1"]})"), systems()),
            "The AI management system of Acme covering the supply of 1 AI system (Loan scoring), in the role of importer.");
}

TEST(ScopeStatement, NamesFiveSystemsThenCounts) {
  Systems many;
  json::array ids;
  for (int i = 1; i <= 7; ++i) {
    many["m" + std::to_string(i)] = {"S" + std::to_string(i), "active", false};
    ids.push_back(json::value("m" + std::to_string(i)));
  }
  json::object d{{"in_scope", ids}};
  EXPECT_EQ(statement("Acme", d, many),
            "The AI management system of Acme covering the use of 7 AI systems (S1, S2, S3, S4, S5 and 2 more).");
}

TEST(ScopeRead, RefusesExclusionWithoutReasonUnknownArchivedAndBoth) {
  auto check = [](const char* text, const std::string& field) {
    auto r = read_scope(json::parse(text), systems());
    ASSERT_FALSE(r) << text;
    bool named = false;
    for (const auto& e : r.error().errors) named = named || e.field == field;
    EXPECT_TRUE(named) << text << " should name " << field;
  };
  check(R"({"out_of_scope":[{"system_id":"s1"}]})", "out_of_scope[0].reason");
  check(R"({"in_scope":["nope"]})", "in_scope[0]");
  check(R"({"in_scope":["s4"]})", "in_scope[0]");
  check(R"({"in_scope":["s1"],"out_of_scope":[{"system_id":"s1","reason":"x"}]})", "out_of_scope[0].system_id");
  check(R"({"out_of_scope":[{"system_id":"s2","reason":"x"},{"system_id":"s2","reason":"y"}]})", "out_of_scope[1].system_id");
  check(R"({"ai_roles":["king"]})", "ai_roles");
}

TEST(ScopeDrift, UnplacedLiveSystemsAndRetiredOrGoneInScope) {
  auto d = doc(R"({"in_scope":["s1"]})");
  d["in_scope"].as_array().push_back("gone");
  d["in_scope"].as_array().push_back("s3");
  auto items = drift(d, systems());
  std::vector<std::string> got;
  for (const auto& i : items) got.push_back(std::string(i.at("system_id").as_string()) + ":" + std::string(i.at("problem").as_string()));
  EXPECT_EQ(got, (std::vector<std::string>{"gone:missing", "s3:retired", "s2:unplaced"}));
  EXPECT_EQ(placement(d, "s1").where, "in");
  EXPECT_EQ(placement(d, "s2").where, "unplaced");
}

TEST(ScopeMembership, PlacementsAreTheOneReadingOfInAndOut) {
  auto d = doc(R"({"in_scope":["s1"],"out_of_scope":[{"system_id":"s2","reason":"Run by a supplier"}]})");
  auto p = placements(d);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.at("s1").where, "in");
  EXPECT_EQ(p.at("s1").reason, "");
  EXPECT_EQ(p.at("s2").where, "out");
  EXPECT_EQ(p.at("s2").reason, "Run by a supplier");
  EXPECT_FALSE(p.contains("s3"));
  EXPECT_EQ(placement(d, "s3").where, "unplaced");
  // Drift names as unplaced exactly the live systems placements() does not hold.
  for (const auto& i : drift(d, systems())) EXPECT_FALSE(p.contains(std::string(i.at("system_id").as_string())));
  EXPECT_TRUE(placements(json::object{}).empty());
  // A stored document that names a system both ways (read_scope refuses it) reads it as in.
  json::object both{{"in_scope", json::array{"s1"}}, {"out_of_scope", json::array{json::object{{"system_id", "s1"}, {"reason", "x"}}}}};
  EXPECT_EQ(placements(both).at("s1").where, "in");
}

}  // namespace
}  // namespace aims::scope
