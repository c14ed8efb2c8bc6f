// ListCache: a page is served only at the generation it was read at; memory stays bounded.
#include "domain/inventory/list_cache.hpp"

#include <gtest/gtest.h>

using aims::inventory::CachedPage;
using aims::inventory::ListCache;

TEST(ListCache, ServesOnlyTheGenerationItWasReadAt) {
  ListCache c;
  c.put("k", 7, CachedPage{"[1]", 1, std::nullopt});
  ASSERT_TRUE(c.get("k", 7));
  EXPECT_EQ(c.get("k", 7)->items_json, "[1]");
  EXPECT_FALSE(c.get("k", 8));
  EXPECT_FALSE(c.get("other", 7));
  c.put("k", 8, CachedPage{"[2]", 1, "next"});
  EXPECT_FALSE(c.get("k", 7));
  EXPECT_EQ(c.get("k", 8)->next, "next");
}

TEST(ListCache, EvictsLeastRecentlyUsedBeyondItsBound) {
  ListCache c(4096);
  std::string big(700, 'x');
  c.put("a", 1, CachedPage{big, 1, std::nullopt});
  c.put("b", 1, CachedPage{big, 1, std::nullopt});
  c.put("c", 1, CachedPage{big, 1, std::nullopt});
  ASSERT_TRUE(c.get("a", 1));  // a is now the most recent
  for (int i = 0; i < 4; ++i) c.put("n" + std::to_string(i), 1, CachedPage{big, 1, std::nullopt});
  EXPECT_FALSE(c.get("b", 1));
  EXPECT_FALSE(c.get("c", 1));
  c.put("huge", 1, CachedPage{std::string(2000, 'y'), 1, std::nullopt});
  EXPECT_FALSE(c.get("huge", 1));  // over a quarter of the bound: not kept
}
