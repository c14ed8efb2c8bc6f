#include "domain/audits/sampling.hpp"

#include <numeric>

namespace aims::audits {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
  // The largest multiple of bound that fits: values at or above it would favour the small residues.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
  for (;;) {
    auto v = next();
    if (v <= limit) return v % bound;
  }
}

std::vector<std::size_t> draw_indexes(std::uint64_t seed, std::size_t population, std::size_t size) {
  std::vector<std::size_t> idx(population);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  if (size > population) size = population;
  SplitMix64 rng(seed);
  for (std::size_t i = 0; i < size; ++i) {
    auto j = i + static_cast<std::size_t>(rng.below(population - i));
    std::swap(idx[i], idx[j]);
  }
  idx.resize(size);
  return idx;
}

std::vector<std::string> draw(std::uint64_t seed, const std::vector<std::string>& items, std::size_t size) {
  std::vector<std::string> out;
  for (auto i : draw_indexes(seed, items.size(), size)) out.push_back(items[i]);
  return out;
}

}  // namespace aims::audits
