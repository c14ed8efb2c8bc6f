// CSV parsing and writing, and AI system field validation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "domain/inventory/csv.hpp"
#include "domain/inventory/system_fields.hpp"

namespace json = boost::json;
using namespace aims;

TEST(Csv, ParsesQuotesNewlinesAndBom) {
  auto r = csv::parse("\xEF\xBB\xBFname,purpose\r\n\"A, b\",\"line1\nline2 \"\"q\"\"\"\n\nc,d");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1][0], "A, b");
  EXPECT_EQ((*r)[1][1], "line1\nline2 \"q\"");
  EXPECT_EQ((*r)[2][1], "d");
}

TEST(Csv, RejectsUnclosedQuote) {
  auto r = csv::parse("a,b\n\"x,y\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::bad_request);
}

TEST(Csv, RoundTrips) {
  std::string out;
  csv::append_row(out, {"plain", "with,comma", "with \"quote\"", "multi\nline", ""});
  auto back = csv::parse(out);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0], (csv::Row{"plain", "with,comma", "with \"quote\"", "multi\nline", ""}));
}

TEST(Csv, FormulaGuardIsUndoneExactlyOnce) {
  for (std::string v : {"=1+1", "'=quoted", "''x", "-5", "'-5", "@x", "+x", "\t=t", "\r=c", "'", "''", "'plain", "plain",
                        "", "\xC3\xBC"}) {
    EXPECT_EQ(csv::unguard(csv::guard(v)), v) << v;
  }
  EXPECT_EQ(csv::guard("=x"), "'=x");
  EXPECT_EQ(csv::guard("'=x"), "''=x");
  EXPECT_EQ(csv::guard("'a"), "''a");
  EXPECT_EQ(csv::guard("a=b"), "a=b");
  EXPECT_EQ(csv::unguard("'a"), "'a");  // not something an export writes: left as it is
  EXPECT_EQ(csv::unguard("'"), "'");
}

TEST(SystemFields, RequiresNameAndPurposeOnCreate) {
  std::vector<FieldError> errs;
  inventory::normalize(json::object{}, true, errs);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_EQ(errs[0].field, "name");
  EXPECT_EQ(errs[1].field, "purpose");
}

TEST(SystemFields, ValidatesTypesChoicesAndLimits) {
  std::vector<FieldError> errs;
  json::object in{{"name", "  Spaced  "},
                  {"purpose", "p"},
                  {"lifecycle_stage", "launch"},
                  {"gpai", "yes"},
                  {"tags", json::array{"a", "a", " b "}},
                  {"version", 3},
                  {"colour", "red"},
                  {"owner", std::string(201, 'x')}};
  auto out = inventory::normalize(in, true, errs);
  std::set<std::string> bad;
  for (const auto& e : errs) bad.insert(e.field);
  EXPECT_EQ(bad, (std::set<std::string>{"lifecycle_stage", "gpai", "version", "colour", "owner"}));
  EXPECT_EQ(out.at("name").as_string(), "Spaced");
  EXPECT_EQ(out.at("tags").as_array().size(), 2u);  // de-duplicated and trimmed
}

TEST(SystemFields, ScopeMembershipIsNotAFieldOfTheSystem) {
  // in_scope is refused with a message pointing to the scope record; the derived scope is read-only.
  for (const auto& v : {json::value(true), json::value(false)}) {
    std::vector<FieldError> errs;
    auto out = inventory::normalize(json::object{{"name", "n"}, {"purpose", "p"}, {"in_scope", v}}, true, errs);
    ASSERT_EQ(errs.size(), 1u);
    EXPECT_EQ(errs[0].field, "in_scope");
    EXPECT_EQ(errs[0].message, inventory::scope_flag_message());
    EXPECT_NE(errs[0].message.find("PUT /api/v1/scope"), std::string::npos);
    EXPECT_FALSE(out.contains("in_scope"));
  }
  std::vector<FieldError> errs;
  inventory::normalize(json::object{{"scope", json::object{{"placement", "in"}}}}, false, errs);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].message, "is read-only");
  EXPECT_EQ(inventory::find_field("in_scope"), nullptr);
  EXPECT_FALSE(inventory::with_defaults({}).contains("in_scope"));
}

TEST(SystemFields, RejectsControlCharactersInOneLineFields) {
  std::vector<FieldError> errs;
  inventory::normalize(json::object{{"name", "a\nb"}}, false, errs);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].field, "name");
}

TEST(SystemFields, CellsGuardAgainstFormulasAndRoundTrip) {
  json::object rec{{"name", "=HYPERLINK(\"x\")"}, {"tags", json::array{"a", "b"}}, {"gpai", true}};
  const auto* name = inventory::find_field("name");
  auto cell = inventory::to_cell(rec, *name);
  EXPECT_EQ(cell, "'=HYPERLINK(\"x\")");
  std::string err;
  EXPECT_EQ(inventory::from_cell(cell, *name, err).as_string(), "=HYPERLINK(\"x\")");
  EXPECT_EQ(inventory::to_cell(rec, *inventory::find_field("tags")), "a; b");
  auto tags = inventory::from_cell("a; b;;", *inventory::find_field("tags"), err);
  EXPECT_EQ(tags.as_array().size(), 2u);
  inventory::from_cell("maybe", *inventory::find_field("gpai"), err);
  EXPECT_FALSE(err.empty());
}

TEST(SystemFields, DiffListsChangedFields) {
  json::object a{{"name", "x"}, {"purpose", "p"}};
  json::object b{{"name", "y"}, {"purpose", "p"}};
  auto d = inventory::diff(a, b);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].at("field").as_string(), "name");
  EXPECT_EQ(d[0].at("from").as_string(), "x");
  EXPECT_EQ(d[0].at("to").as_string(), "y");
}

TEST(SystemFields, EuAiActFieldsAreReadOnlyButTheirCurrentValueIsAccepted) {
  json::object current{{"eu_ai_act_class", "high_risk"}, {"eu_ai_act_basis", "Annex III point 4(a)"}, {"eu_ai_act_rationale", ""}};
  struct Case {
    json::object input;
    std::vector<std::string> refused;  // fields named in errors
  };
  const Case cases[] = {
      {{{"name", "x"}, {"eu_ai_act_class", "high_risk"}, {"eu_ai_act_basis", "Annex III point 4(a)"}}, {}},
      {{{"eu_ai_act_class", "minimal"}}, {"eu_ai_act_class"}},
      {{{"eu_ai_act_basis", "Art. 50(1)"}, {"eu_ai_act_rationale", "mine"}}, {"eu_ai_act_basis", "eu_ai_act_rationale"}},
  };
  for (const auto& c : cases) {
    std::vector<FieldError> errs;
    auto changes = inventory::normalize(c.input, false, errs);
    ASSERT_TRUE(errs.empty());
    inventory::drop_derived(changes, current, errs, 3);
    std::vector<std::string> named;
    for (const auto& e : errs) {
      named.push_back(e.field);
      EXPECT_EQ(e.row, 3);
      EXPECT_NE(e.message.find("classification"), std::string::npos) << e.message;
    }
    EXPECT_EQ(named, c.refused);
    for (auto f : inventory::derived_fields()) EXPECT_FALSE(changes.contains(f)) << f;  // never passed on
  }
}

TEST(SystemFields, ClassRanksKeepStoredValuesAndSortBySeverity) {
  auto rank = [](std::string_view cls) {
    json::object r = inventory::with_defaults({{"name", "x"}, {"purpose", "p"}, {"eu_ai_act_class", json::string(cls)}});
    r["id"] = "sys_1";
    r["version"] = 1;
    r["archived"] = false;
    return inventory::to_row(r, "org").class_rank;
  };
  // Rows stored before the GPAI and derogation classes keep their sort keys.
  EXPECT_EQ(rank("unclassified"), "0");
  EXPECT_EQ(rank("minimal"), "1");
  EXPECT_EQ(rank("transparency"), "2");
  EXPECT_EQ(rank("high_risk"), "3");
  EXPECT_EQ(rank("prohibited"), "4");
  // Every class sorts (as text, as the store does) after the one before it.
  auto classes = inventory::eu_ai_act_classes();
  for (std::size_t i = 1; i < classes.size(); ++i) EXPECT_LT(rank(classes[i - 1]), rank(classes[i])) << classes[i];
  EXPECT_EQ(classes.size(), 8u);
}
