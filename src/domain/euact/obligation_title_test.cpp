// How an obligation is named wherever it is listed (action tracker, management review pack): the
// embedded data's article and title, the id itself when the data has no such obligation.
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
