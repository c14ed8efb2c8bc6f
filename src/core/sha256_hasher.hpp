// Incremental SHA-256 (OpenSSL) for data that arrives in pieces, e.g. a streamed upload.
// One hasher per stream, owned by its user; not thread-safe (use from one thread at a time).
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace aims::crypto {

class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept;

  void update(std::string_view data);
  /// Lower-case hex digest of everything given to update(); the hasher cannot be used afterwards.
  std::string finish_hex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aims::crypto
