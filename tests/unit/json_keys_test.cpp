// Repeated keys in a JSON body are found at every nesting level, after escapes are decoded.
#include <gtest/gtest.h>

#include "http/json_keys.hpp"

using aims::http::find_duplicate_key;

TEST(JsonKeys, DistinctKeysPass) {
  EXPECT_FALSE(find_duplicate_key(R"({"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]})"));
  EXPECT_FALSE(find_duplicate_key(R"([1,"a",{"x":null}])"));
  EXPECT_FALSE(find_duplicate_key(R"("just a string")"));
  EXPECT_FALSE(find_duplicate_key(R"({"A":1,"a":2})"));  // keys are case-sensitive
}

TEST(JsonKeys, TopLevelDuplicate) {
  auto d = find_duplicate_key(R"({"name":"x","name":"y"})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->key, "name");
  EXPECT_EQ(d->object_pointer, "");
}

TEST(JsonKeys, NestedDuplicateNamesItsObject) {
  auto d = find_duplicate_key(R"({"a":{"b":[1,{"c":1}],"d":[{"x":1},{"y":1,"y":2}]}})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->key, "y");
  EXPECT_EQ(d->object_pointer, "/a/d/1");
}

TEST(JsonKeys, EscapesAreDecodedBeforeComparing) {
  auto d = find_duplicate_key(R"({"a":1,"\u0061":2})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->key, "a");
  auto e = find_duplicate_key(R"({"x/y":{"\u00e9":1,"é":2}})");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->key, "é");
  EXPECT_EQ(e->object_pointer, "/x~1y");
}

TEST(JsonKeys, SameKeyInSiblingObjectsIsFine) {
  EXPECT_FALSE(find_duplicate_key(R"([{"a":1},{"a":1}])"));
  EXPECT_FALSE(find_duplicate_key(R"({"a":{"k":1},"b":{"k":1}})"));
}
