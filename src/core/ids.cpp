#include "core/ids.hpp"

#include "core/crypto.hpp"

namespace aims {

std::string RandomIds::next(std::string_view prefix) {
  std::string id(prefix);
  id += '_';
  id += crypto::random_base32(16);
  return id;
}

}  // namespace aims
