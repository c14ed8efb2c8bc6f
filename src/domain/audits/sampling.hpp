// The reproducible draw of an audit sample (docs/internal-audit.md, "Sampling"): splitmix64 as
// the pseudo-random generator, an unbiased bounded draw by rejection, and a partial Fisher–Yates
// shuffle that picks `size` of `population` items. The same seed and population give the same
// items on every machine and version. Pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aims::audits {

/// splitmix64 (Steele, Lea, Flood 2014): a 64-bit state advanced by a fixed odd constant and
/// mixed; every seed is valid.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// A uniform value in [0, bound) (bound > 0), by rejecting the values of the incomplete last block.
  std::uint64_t below(std::uint64_t bound);

 private:
  std::uint64_t state_;
};

/// The indexes (0-based) of `size` items drawn without replacement from `population` items with
/// `seed`, in the order drawn (a partial Fisher–Yates shuffle). `size` ≥ `population` gives every
/// index, shuffled.
std::vector<std::size_t> draw_indexes(std::uint64_t seed, std::size_t population, std::size_t size);

/// The items drawn from `items` by draw_indexes.
std::vector<std::string> draw(std::uint64_t seed, const std::vector<std::string>& items, std::size_t size);

}  // namespace aims::audits
