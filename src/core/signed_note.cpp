#include "core/signed_note.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/canonical_json.hpp"
#include "core/merkle.hpp"

namespace aims::note {

namespace {

constexpr std::uint8_t kEd25519 = 0x01;
constexpr std::string_view kDash = "\xe2\x80\x94 ";  // U+2014 EM DASH, space

Error invalid(std::string detail) { return make_error(errc::validation, std::move(detail)); }

std::string hex8(std::uint32_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kHex[v & 0xf];
  return out;
}

std::uint32_t be32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | std::uint32_t{p[3]};
}

/// Unicode white space as Go's unicode.IsSpace sees it, for key names.
bool has_space(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= 0x09 && c <= 0x0d)) return true;
    if (c == 0xc2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) == 0x85 || static_cast<unsigned char>(s[i + 1]) == 0xa0))
      return true;
    if (c == 0xe1 && s.substr(i, 3) == "\xe1\x9a\x80") return true;                       // U+1680
    if (c == 0xe2 && i + 2 < s.size()) {
      auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0x80 && (b2 <= 0x8a || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf)) return true;  // U+2000-200A, 2028, 2029, 202F
      if (b1 == 0x81 && b2 == 0x9f) return true;                                                // U+205F
    }
    if (c == 0xe3 && s.substr(i, 3) == "\xe3\x80\x80") return true;                       // U+3000
  }
  return false;
}

}  // namespace

SigningKey SigningKey::generate() {
  Seed seed;
  randombytes_buf(seed.data(), seed.size());
  return from_seed(seed);
}

SigningKey SigningKey::from_seed(const Seed& seed) {
  SigningKey k;
  k.seed_ = seed;
  crypto_sign_seed_keypair(k.public_.data(), k.secret_.data(), seed.data());
  return k;
}

std::string SigningKey::sign(std::string_view message) const {
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret_.data());
  return sig;
}

bool ed25519_verify(const PublicKey& key, std::string_view message, std::string_view signature) {
  if (signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     key.data()) == 0;
}

std::uint32_t key_id(std::string_view name, const PublicKey& key) {
  std::string data(name);
  data += '\n';
  data += static_cast<char>(kEd25519);
  data.append(reinterpret_cast<const char*>(key.data()), key.size());
  auto h = merkle::sha256(data);
  return be32(h.data());
}

bool valid_key_name(std::string_view name) {
  // No control character either: open() refuses a note holding one, so a key of such a name could
  // sign nothing that verifies.
  bool control = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  return !name.empty() && is_valid_utf8(name) && name.find('+') == std::string_view::npos && !has_space(name) && !control;
}

std::string verifier_key(std::string_view name, const PublicKey& key) {
  std::string raw(1, static_cast<char>(kEd25519));
  raw.append(reinterpret_cast<const char*>(key.data()), key.size());
  return std::string(name) + "+" + hex8(key_id(name, key)) + "+" + base64_encode(raw);
}

result<Verifier> parse_verifier_key(std::string_view text) {
  auto p1 = text.find('+');
  auto p2 = p1 == std::string_view::npos ? p1 : text.find('+', p1 + 1);
  if (p2 == std::string_view::npos)  // the key itself (base64) may contain '+'
    return invalid("a verifier key has the form NAME+KEYID+KEY");
  Verifier v;
  v.name = std::string(text.substr(0, p1));
  if (!valid_key_name(v.name)) return invalid("the verifier key's name is not a valid key name");
  auto id_hex = text.substr(p1 + 1, p2 - p1 - 1);
  if (id_hex.size() != 8 || id_hex.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return invalid("the verifier key's ID is not 8 lower-case hex digits");
  std::string raw;
  if (!base64_decode(text.substr(p2 + 1), raw) || raw.size() != 33)
    return invalid("the verifier key's key is not base64 of 33 bytes");
  if (static_cast<std::uint8_t>(raw[0]) != kEd25519) return invalid("the verifier key is not an Ed25519 key");
  std::memcpy(v.key.data(), raw.data() + 1, 32);
  v.id = key_id(v.name, v.key);
  if (hex8(v.id) != id_hex) return invalid("the verifier key's ID does not match its name and key");
  return v;
}

std::string sign(std::string_view text, std::string_view name, const SigningKey& key) {
  std::string sig(4, '\0');
  auto id = key_id(name, key.public_key());
  for (int i = 0; i < 4; ++i) sig[static_cast<std::size_t>(i)] = static_cast<char>(id >> (24 - 8 * i));
  sig += key.sign(text);
  std::string out(text);
  out += '\n';
  out += kDash;
  out += name;
  out += ' ';
  out += base64_encode(sig);
  out += '\n';
  return out;
}

result<std::string> open(std::string_view note, const Verifier& v) {
  if (!is_valid_utf8(note)) return invalid("the checkpoint is not valid UTF-8");
  for (char c : note)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return invalid("the checkpoint contains control characters");
  if (note.empty() || note.back() != '\n') return invalid("the checkpoint does not end with a line break");
  auto split = note.rfind("\n\n");
  if (split == std::string_view::npos) return invalid("the checkpoint has no signature lines after a blank line");
  std::string_view text = note.substr(0, split + 1);
  std::string_view sigs = note.substr(split + 2);
  bool found = false;
  std::size_t count = 0;
  while (!sigs.empty()) {
    auto eol = sigs.find('\n');
    std::string_view line = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (++count > 100) return invalid("the checkpoint has too many signature lines");
    if (!line.starts_with(kDash)) return invalid("a signature line does not start with an em dash and a space");
    line.remove_prefix(kDash.size());
    auto sp = line.find(' ');
    if (sp == std::string_view::npos) return invalid("a signature line has no signature");
    std::string_view name = line.substr(0, sp);
    std::string raw;
    if (!valid_key_name(name) || !base64_decode(line.substr(sp + 1), raw) || raw.size() < 5)
      return invalid("a signature line is malformed");
    auto id = be32(reinterpret_cast<const std::uint8_t*>(raw.data()));
    if (name != v.name || id != v.id) continue;  // another key's signature: ignored
    if (!ed25519_verify(v.key, text, std::string_view(raw).substr(4)))
      return invalid("the signature by " + v.name + " does not verify: the checkpoint was altered or forged");
    found = true;
  }
  if (!found) return invalid("the checkpoint carries no signature by the key " + v.name);
  return std::string(text);
}

std::string base64_encode(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool base64_decode(std::string_view text, std::string& out) {
  if (text.size() % 4 != 0) return false;
  out.assign(text.size() / 4 * 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return false;
  out.resize(len);
  // Canonical form only: re-encoding must give the same text (no stray bits in the padding).
  return base64_encode(out) == text;
}

}  // namespace aims::note
