#include "domain/ledger/checkpoint.hpp"

#include <charconv>
#include <cstdio>
#include <cstring>

#include <sodium.h>

namespace aims::ledger {

namespace {


}  // namespace

std::string checkpoint_text(const Checkpoint& c) {
  return c.origin + "\n" + std::to_string(c.size) + "\n" + note::base64_encode(merkle::to_bytes(c.root)) + "\n";
}

result<Checkpoint> parse_checkpoint_text(std::string_view text) {
  std::string_view lines[3];
  for (auto& line : lines) {
    auto eol = text.find('\n');
    if (eol == std::string_view::npos) return invalid("the checkpoint needs an origin, a size and a root hash line");
    line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
  }
  Checkpoint c;
  if (lines[0].empty()) return invalid("the checkpoint's origin is empty");
  c.origin = std::string(lines[0]);
  auto size = lines[1];
  auto [p, ec] = std::from_chars(size.data(), size.data() + size.size(), c.size);
  if (size.empty() || ec != std::errc() || p != size.data() + size.size() || c.size < 0 ||
      (size.size() > 1 && size[0] == '0'))
    return invalid("the checkpoint's tree size is not a decimal number without leading zeros");
  std::string root;
  if (!note::base64_decode(lines[2], root) || root.size() != 32)
    return invalid("the checkpoint's root hash is not base64 of 32 bytes");
  std::memcpy(c.root.data(), root.data(), 32);
  return c;
}

result<Checkpoint> open_checkpoint(std::string_view signed_note, const note::Verifier& v) {
  auto text = note::open(signed_note, v);
  if (!text) return text.error();
  auto c = parse_checkpoint_text(*text);
  if (!c) return c.error();
  if (c->origin != v.name)
    return invalid("the checkpoint is of the log '" + c->origin + "', not of '" + v.name + "'");
  return c;
}

note::Seed organization_seed(const note::Seed& installation_seed, std::string_view org_id) {
  std::string msg = "aims audit log key v1\n" + std::string(org_id);
  note::Seed out{};
  crypto_auth_hmacsha256(out.data(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                         installation_seed.data());
  return out;
}

namespace {

note::SigningKey org_key(const note::SigningKey& installation, const std::string& org_id) {
  return note::SigningKey::from_seed(organization_seed(installation.seed(), org_id));
}

}  // namespace

std::string LogSigner::verifier_key(const std::string& org_id) const {
  return note::verifier_key(origin(org_id), org_key(key_, org_id).public_key());
}

note::Verifier LogSigner::verifier(const std::string& org_id) const {
  auto pub = org_key(key_, org_id).public_key();
  return note::Verifier{origin(org_id), note::key_id(origin(org_id), pub), pub};
}

note::Verifier LogSigner::legacy_verifier(const std::string& org_id) const {
  return note::Verifier{origin(org_id), note::key_id(origin(org_id), key_.public_key()), key_.public_key()};
}

std::string LogSigner::key_id_hex(const std::string& org_id) const {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", verifier(org_id).id);
  return buf;
}

std::string LogSigner::sign(const std::string& org_id, std::int64_t size, const merkle::Hash& root) const {
  return sign_text(org_id, checkpoint_text(Checkpoint{origin(org_id), size, root}));
}

std::string LogSigner::sign_text(const std::string& org_id, std::string_view text) const {
  return note::sign(text, origin(org_id), org_key(key_, org_id));
}

std::string LogSigner::cosign(const std::string& org_id, const std::string& signed_note) const {
  if (note::open(signed_note, verifier(org_id))) return signed_note;
  auto text = note::open(signed_note, legacy_verifier(org_id));
  if (!text || !parse_checkpoint_text(*text)) return signed_note;
  auto mine = sign_text(org_id, *text);
  return signed_note + mine.substr(text->size() + 1);  // the new signature line after the old
}

bool LogSigner::signed_it(const std::string& org_id, const std::string& signed_note) const {
  return note::open(signed_note, verifier(org_id)) || note::open(signed_note, legacy_verifier(org_id));
}

}  // namespace aims::ledger
