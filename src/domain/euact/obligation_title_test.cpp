// How an obligation is named wherever it is listed (action tracker, management review pack): the
// embedded data's article and title, the id itself when the data has no such obligation; its AI
// system by name, or by id and why (archived, gone).
#include <gtest/gtest.h>

#include "domain/euact/eu_data.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims::euact;

TEST(ObligationTitle, ArticleAndTitleOfTheEmbeddedData) {
  const auto& data = aims::euact::testing::data();
  ASSERT_FALSE(data.obligations().empty());
  for (const auto& ob : data.obligations()) EXPECT_EQ(obligation_title(ob.id), ob.article + " " + ob.title) << ob.id;
  EXPECT_EQ(obligation_title("art4"), "Art. 4 AI literacy");
}

TEST(ObligationTitle, UnknownIdIsShownAsIs) {
  EXPECT_EQ(obligation_title("art999"), "art999");
  EXPECT_EQ(obligation_title(""), "");
}

TEST(ObligationTitle, LabelNamesTheObligationAndItsSystem) {
  EXPECT_EQ(obligation_label("art4", "ob_1", "sys_a"), "Art. 4 AI literacy (sys_a)");
  EXPECT_EQ(obligation_label("", "art4", "sys_a"), "Art. 4 AI literacy (sys_a)");
  EXPECT_EQ(obligation_label("", "art999", "sys_a"), "art999 (sys_a)");
}

TEST(ObligationTitle, LabelNamesTheSystemByItsNameOrSaysWhyNot) {
  NamedSystem live{"sys_a", "Ranker", true, false};
  NamedSystem archived{"sys_b", "Old ranker", true, true};
  NamedSystem gone{"sys_c", "", false, false};
  EXPECT_EQ(system_words(live), "Ranker");
  EXPECT_EQ(system_words(archived), "sys_b — archived system");
  EXPECT_EQ(system_words(gone), "sys_c — system no longer exists");
  EXPECT_EQ(obligation_label("art4", "ob_1", live), "Art. 4 AI literacy (Ranker)");
  EXPECT_EQ(obligation_label("", "art4", archived), "Art. 4 AI literacy (sys_b — archived system)");
  EXPECT_EQ(obligation_label("", "art999", gone), "art999 (sys_c — system no longer exists)");
  EXPECT_EQ(system_words(NamedSystem{"sys_d", "", true, false}), "sys_d") << "a live system without a name: its id";
}

TEST(ObligationTitle, StoredLabelGetsItsSystemNamed) {
  NamedSystem live{"sys_a", "Ranker", true, false};
  EXPECT_EQ(with_system_named(obligation_label("art4", "ob_1", "sys_a"), live), obligation_label("art4", "ob_1", live));
  EXPECT_EQ(with_system_named("Art. 4 AI literacy (sys_a)", NamedSystem{"sys_a", "", false, false}),
            "Art. 4 AI literacy (sys_a — system no longer exists)");
  EXPECT_EQ(with_system_named("Art. 4 AI literacy (sys_b)", live), "Art. 4 AI literacy (sys_b)") << "another system's label stays";
  EXPECT_EQ(with_system_named("Risk treatment", live), "Risk treatment");
  EXPECT_EQ(with_system_named("", live), "");
  EXPECT_EQ(with_system_named("Art. 4 AI literacy (sys_a)", NamedSystem{}), "Art. 4 AI literacy (sys_a)");
}
