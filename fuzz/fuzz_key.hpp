// The fixed signing key of the fuzz targets that sign (audit_pack seals a package again with it,
// signed_note signs checkpoints with it): one seed, so that a saved input replays the same way in
// every run and every build. Never a product key: the targets use it only on their own notes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/crypto.hpp"
#include "core/signed_note.hpp"

namespace aims::fuzz {

inline const note::SigningKey& fixed_key() {
  static const note::SigningKey k = [] {
    crypto::init();
    note::Seed seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(i * 7 + 1);
    return note::SigningKey::from_seed(seed);
  }();
  return k;
}

/// The verifier of the fixed key under a key name (by default the one the targets fall back to
/// when an input's key line is not a key).
inline note::Verifier fixed_verifier(const std::string& name = "aims.invalid/org_fuzz") {
  const auto& k = fixed_key();
  return note::Verifier{name, note::key_id(name, k.public_key()), k.public_key()};
}

}  // namespace aims::fuzz
