// The sample draw with fixed seeds: splitmix64's published first output for seed 0, fixed draws
// (the same on every machine), no repeats, a size above the population, and the bounded draw's range.
#include "domain/audits/sampling.hpp"

#include <gtest/gtest.h>

#include <set>

namespace aims::audits {
namespace {

TEST(Sampling, SplitMix64KnownValues) {
  SplitMix64 zero(0);
  EXPECT_EQ(zero.next(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(zero.next(), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(zero.next(), 0x06c45d188009454fULL);
  SplitMix64 other(1234567);
  EXPECT_EQ(other.next(), 0x599ed017fb08fc85ULL);
  EXPECT_EQ(other.next(), 0x2c73f08458540fa5ULL);
}

TEST(Sampling, FixedSeedsGiveFixedDraws) {
  EXPECT_EQ(draw_indexes(42, 47, 5), (std::vector<std::size_t>{31, 26, 20, 15, 5}));
  EXPECT_EQ(draw_indexes(2026, 6, 3), (std::vector<std::size_t>{1, 2, 4}));
  EXPECT_EQ(draw_indexes(42, 47, 5), draw_indexes(42, 47, 5));
  EXPECT_NE(draw_indexes(42, 47, 5), draw_indexes(43, 47, 5));
  EXPECT_EQ(draw(2026, {"a", "b", "c", "d", "e", "f"}, 3), (std::vector<std::string>{"b", "c", "e"}));
}

TEST(Sampling, WholePopulationIsAShuffleWithoutRepeats) {
  auto all = draw_indexes(42, 10, 10);
  EXPECT_EQ(all, (std::vector<std::size_t>{3, 2, 4, 5, 8, 7, 0, 9, 6, 1}));
  EXPECT_EQ(std::set<std::size_t>(all.begin(), all.end()).size(), 10u);
  EXPECT_EQ(draw_indexes(7, 3, 5), (std::vector<std::size_t>{0, 1, 2}));  // size above the population
  EXPECT_TRUE(draw_indexes(7, 0, 5).empty());
  EXPECT_TRUE(draw_indexes(7, 5, 0).empty());
}

TEST(Sampling, BoundedDrawStaysInRange) {
  SplitMix64 rng(99);
  for (std::uint64_t bound : {1ULL, 2ULL, 3ULL, 7ULL, 1000ULL, (1ULL << 63) + 1})
    for (int i = 0; i < 200; ++i) EXPECT_LT(rng.below(bound), bound);
}

}  // namespace
}  // namespace aims::audits
