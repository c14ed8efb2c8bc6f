// Numbers: the JSON number writer (shortest round-trip form, always a valid number token), the
// RFC 8785 number rule of canonical JSON, the shared number reader, and stored records that cannot
// be read becoming error rows instead of failing a list.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "core/canonical_json.hpp"
#include "core/json_text.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

/// The double a JSON text holds, parsed by the same parser the server uses for request bodies.
double parse_double(const std::string& text) {
  boost::system::error_code ec;
  auto v = parse_json_exact(text, ec);
  EXPECT_FALSE(ec) << text << ": " << ec.message();
  EXPECT_TRUE(v.is_number()) << text;
  return v.is_number() ? v.to_number<double>() : std::nan("");
}

double from_bits(std::uint64_t b) { return std::bit_cast<double>(b); }

}  // namespace

TEST(JsonNumber, WritesTheShortestFormThatReadsBack) {
  struct Case {
    double d;
    const char* want;
  } cases[] = {
      {0.03, "0.03"},
      {90.6, "90.6"},
      {2.0, "2.0"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {1e-300, "1e-300"},
      {1e-80, "1e-80"},
      {5e-324, "5e-324"},
      {1e-310, "1e-310"},
      {1e308, "1e+308"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {-1.7976931348623157e308, "-1.7976931348623157e+308"},
      {0.1000000000000000055511151231257827, "0.1"},
      {123456789012345678901234567890.0, "1.2345678901234568e+29"},
      {1e15, "1e+15"},
      {123456.5, "123456.5"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(json_number(c.d), c.want) << c.want;
    EXPECT_EQ(to_json_text(json::value(c.d)), c.want);
  }
  EXPECT_EQ(json_number(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(json_number(std::nan("")), "null");
  EXPECT_EQ(to_json_text(json::object{{"v", 1e-300}, {"w", json::array{5e-324, 1}}}), R"({"v":1e-300,"w":[5e-324,1]})");
}

TEST(JsonNumber, RandomDoublesRoundTripThroughTheParserBitForBit) {
  std::mt19937_64 rng(20261206);
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    double d = from_bits(rng());
    if (!std::isfinite(d)) continue;
    auto text = to_json_text(json::value(d));
    boost::system::error_code ec;
    auto v = parse_json_exact(text, ec);
    ASSERT_FALSE(ec) << text;
    ASSERT_TRUE(v.is_double()) << text;  // a double stays a double
    ASSERT_EQ(std::bit_cast<std::uint64_t>(v.get_double()), std::bit_cast<std::uint64_t>(d)) << text;
    ++checked;
  }
  EXPECT_GT(checked, 190000);
  // Subnormals and values next to the ends of the range.
  for (std::uint64_t b : {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{0x000fffffffffffff}, std::uint64_t{0x0010000000000000},
                          std::uint64_t{0x7fefffffffffffff}, std::uint64_t{0x7feffffffffffffe}, std::uint64_t{0x8000000000000001}}) {
    double d = from_bits(b);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(parse_double(json_number(d))), b) << json_number(d);
  }
}

TEST(JsonNumber, TheExactParserReadsWhatBoostJsonReadsWithCorrectlyRoundedDoubles) {
  boost::system::error_code ec;
  auto v = parse_json_exact(R"({"a":[1,-2,18446744073709551615,0.5,"x",true,null,{"b":{}}],"c":1e400,"d":-1e-400})", ec);
  ASSERT_FALSE(ec);
  EXPECT_EQ(json::serialize(v.at("a")), json::serialize(json::parse(R"([1,-2,18446744073709551615,0.5,"x",true,null,{"b":{}}])")));
  EXPECT_TRUE(v.at("a").at(2).is_uint64());
  EXPECT_TRUE(std::isinf(v.at("c").as_double()));  // beyond a double: infinity, for the readers to refuse
  EXPECT_EQ(v.at("d").as_double(), 0.0);
  // A value the parser's fast conversion gets one unit in the last place wrong.
  EXPECT_EQ(std::bit_cast<std::uint64_t>(parse_json_exact("-4.3216087776762055e-70", ec).as_double()), 12792435706054247121u);
  for (const char* bad : {"", "{", "[1,]", "{} x", ".0", "1e", "-", "[.0]", "\"\\x\""}) {
    boost::system::error_code e;
    (void)parse_json_exact(bad, e);
    EXPECT_TRUE(e) << bad;
  }
  json::parse_options shallow;
  shallow.max_depth = 2;
  boost::system::error_code deep;
  (void)parse_json_exact("[[[1]]]", deep, shallow);
  EXPECT_TRUE(deep);
}

TEST(CanonicalJson, NumbersFollowRfc8785) {
  // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
  struct Case {
    std::uint64_t bits;
    const char* want;
  } cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& c : cases) EXPECT_EQ(ecmascript_number(from_bits(c.bits)), c.want) << c.want;
  EXPECT_EQ(canonical_json(json::parse("[1e-300, 1e-80, 5e-324, 1e308]")).value(), "[1e-300,1e-80,5e-324,1e+308]");

  std::mt19937_64 rng(8785);
  for (int i = 0; i < 50000; ++i) {
    double d = from_bits(rng());
    if (!std::isfinite(d) || d == 0) continue;
    auto text = ecmascript_number(d);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(parse_double(text)), std::bit_cast<std::uint64_t>(d)) << text;
  }
}

TEST(InputNumber, AcceptsFiniteNumbersWithinTheBoundsOnly) {
  auto body = json::parse(R"({"tiny": 1e-300, "sub": 5e-324, "big": 1e400, "neg": -1, "whole": 7, "huge": 18446744073709551615,
                              "many": 123456789012345678901234567890, "text": "3", "nothing": null, "ok": 0.5})")
                  .as_object();
  input::Reader in(body, {"tiny", "sub", "big", "neg", "whole", "huge", "many", "text", "nothing", "ok"});
  EXPECT_EQ(in.number("tiny", -1e15, 1e15), 1e-300);
  EXPECT_EQ(in.number("sub", -1e15, 1e15), 5e-324);
  EXPECT_EQ(in.number("whole", 0, 10), 7.0);
  EXPECT_EQ(in.number("ok", 0, 1), 0.5);
  EXPECT_TRUE(in.ok());
  EXPECT_FALSE(in.number("big", -1e15, 1e15));     // beyond what a double holds: parsed as infinity
  EXPECT_FALSE(in.number("neg", 0, 1));            // below the bound
  EXPECT_FALSE(in.number("huge", -1e15, 1e15));    // beyond int64
  EXPECT_FALSE(in.number("many", -1e15, 1e15));    // beyond the bound
  EXPECT_FALSE(in.number("text", -1e15, 1e15));    // not a number
  EXPECT_FALSE(in.number("nothing", -1e15, 1e15)); // null where null is not allowed
  bool was_null = false;
  EXPECT_FALSE(in.number("nothing", 0, 1, true, &was_null));
  EXPECT_TRUE(was_null);
  auto e = in.failure("bad");
  ASSERT_EQ(e.errors.size(), 6u);
  EXPECT_EQ(e.errors[0].field, "big");
  EXPECT_EQ(e.errors[0].message, "must be a number from -1e15 to 1e15");
  EXPECT_EQ(e.errors[1].message, "must be a number from 0 to 1");
  EXPECT_EQ(input::number_range(0, 100, true), "must be a number from 0 to 100 (or null)");
  // Integers keep their own reader: beyond int64 or not whole is refused.
  auto ints = json::parse(R"({"a": 18446744073709551615, "b": 2.5, "c": -1, "d": 1e400})").as_object();
  input::Reader ir(ints, {"a", "b", "c", "d"});
  EXPECT_FALSE(ir.integer("a", 1, 5));
  EXPECT_FALSE(ir.integer("b", 1, 5));
  EXPECT_FALSE(ir.integer("c", 1, 5));
  EXPECT_FALSE(ir.integer("d", 1, 5));
  EXPECT_EQ(ir.failure("bad").errors.size(), 4u);
}

TEST(InputNumber, WholeNumbersAreWholeHoweverWrittenAndNegativeZeroIsZero) {
  auto body = json::parse(R"({"two": 2.0, "exp": 2e0, "nz": -0.0, "nzi": -0, "half": 2.5, "sub": 5e-324, "big": 1e308,
                              "beyond": 9007199254740994.0, "u": 18446744073709551615, "max": 9223372036854775807})")
                  .as_object();
  EXPECT_EQ(input::whole_number(body.at("two"), 0, 5), 2);
  EXPECT_EQ(input::whole_number(body.at("exp"), 0, 5), 2);
  EXPECT_EQ(input::whole_number(body.at("nz"), 0, 5), 0);
  EXPECT_EQ(input::whole_number(body.at("nzi"), 0, 5), 0);
  EXPECT_FALSE(input::whole_number(body.at("nz"), 1, 5));    // zero, and out of range
  EXPECT_FALSE(input::whole_number(body.at("half"), 0, 5));
  EXPECT_FALSE(input::whole_number(body.at("sub"), 0, 5));
  EXPECT_FALSE(input::whole_number(body.at("big"), 0, INT64_MAX));
  EXPECT_FALSE(input::whole_number(body.at("beyond"), 0, INT64_MAX));  // not exactly what was sent
  EXPECT_FALSE(input::whole_number(body.at("u"), 0, INT64_MAX));
  EXPECT_EQ(input::whole_number(body.at("max"), 0, INT64_MAX), INT64_MAX);
  input::Reader in(body, {"two", "exp", "nz", "nzi", "half", "sub", "big", "beyond", "u", "max"});
  EXPECT_EQ(in.integer("two", 1, 5), 2);
  EXPECT_EQ(in.integer("nz", 0, 5), 0);
  EXPECT_TRUE(in.ok());
  // A decimal negative zero is read as zero, never kept as -0.
  auto nz = in.number("nz", -1, 1);
  ASSERT_TRUE(nz);
  EXPECT_FALSE(std::signbit(*nz));
}

TEST(StoredRecords, AnUnreadableRecordBecomesAnErrorRow) {
  auto row = stored::row_or_error("objective", "org_1", "obj_1", [] { return stored::parse_object(R"({"v":.0})"); });
  EXPECT_TRUE(stored::is_error_row(row));
  EXPECT_EQ(row.at("id").as_string(), "obj_1");
  EXPECT_EQ(row.at("error").as_string(), stored::kUnreadable);
  auto good = stored::row_or_error("objective", "org_1", "obj_2", [] { return stored::parse_object(R"({"v":1e-300})"); });
  EXPECT_FALSE(stored::is_error_row(good));
  EXPECT_EQ(good.at("v").as_double(), 1e-300);
  EXPECT_THROW(stored::parse_object("[1]"), std::exception);

  EXPECT_EQ(stored::object_or_error_text("system", "org_1", "sys_1", R"({"a":1})"), R"({"a":1})");
  auto text = stored::object_or_error_text("system", "org_1", "sys_1", R"({"a":.0})");
  auto parsed = json::parse(text).as_object();
  EXPECT_TRUE(stored::is_error_row(parsed));
  EXPECT_EQ(parsed.at("id").as_string(), "sys_1");

  EXPECT_TRUE(stored::readable("system", "org_1", "sys_1", R"({"a":1})"));
  auto bad = stored::readable("system", "org_1", "sys_1", "not json");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::internal);
}
