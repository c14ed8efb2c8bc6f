#include "domain/documents/line_diff.hpp"

#include <gtest/gtest.h>

namespace aims::documents {
namespace {

std::string render(const boost::json::array& d) {
  std::string out;
  for (const auto& l : d) {
    auto op = l.at("op").as_string();
    out += op == "same" ? ' ' : op == "added" ? '+' : '-';
    out += std::string(l.at("text").as_string()) + "\n";
  }
  return out;
}

TEST(DocumentLineDiff, KeepsCommonLinesAndShowsRemovedBeforeAdded) {
  EXPECT_EQ(render(line_diff("a\nb\nc\nd", "a\nx\nc\nd\ne")), " a\n-b\n+x\n c\n d\n+e\n");
  EXPECT_EQ(render(line_diff("", "one")), "+one\n");
  EXPECT_EQ(render(line_diff("same\n", "same\n")), " same\n");
  EXPECT_EQ(render(line_diff("a\nb", "b\na")), "-a\n b\n+a\n");
}

}  // namespace
}  // namespace aims::documents
