// Record ids minted by the domain: a short type prefix and 16 random base32 characters
// (e.g. sys_7k2m9q4x1d8f3h6z). IdSource implementations are thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace aims {

class IdSource {
 public:
  virtual ~IdSource() = default;
  virtual std::string next(std::string_view prefix) = 0;
};

/// Ids from libsodium's random generator.
class RandomIds final : public IdSource {
 public:
  std::string next(std::string_view prefix) override;
};

}  // namespace aims
