// Fuzz target: signed notes and checkpoints of the audit log (the checkpoints a client or an
// auditor hands to `aims audit verify`, and verifier key strings): note::parse_verifier_key,
// note::open, ledger::parse_checkpoint_text, ledger::open_checkpoint, note::base64_decode.
// Input: a verifier key line, then the note. Properties: nothing crashes; a checkpoint read
// from text, written again, reads back the same; signed by a key, it opens with that key's
// verifier and no other; base64 reads back what it writes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "core/signed_note.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "fuzz_key.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& key = fuzz::fixed_key();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string_view key_line = nl == std::string_view::npos ? in : in.substr(0, nl);
  std::string_view text = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

  note::Verifier v = fuzz::fixed_verifier();
  if (auto parsed = note::parse_verifier_key(key_line)) {
    if (note::verifier_key(parsed->name, parsed->key) != key_line) {
      // Accepted in another spelling: it must at least name the same key.
      auto again = note::parse_verifier_key(note::verifier_key(parsed->name, parsed->key));
      if (!again || again->id != parsed->id || again->key != parsed->key) std::abort();
    }
    v = *parsed;
  }
  (void)note::open(text, v);
  (void)ledger::open_checkpoint(text, v);

  if (auto c = ledger::parse_checkpoint_text(text)) {
    auto written = ledger::checkpoint_text(*c);
    auto back = ledger::parse_checkpoint_text(written);
    if (!back || back->origin != c->origin || back->size != c->size || back->root != c->root) std::abort();
    if (note::valid_key_name(c->origin) && c->size >= 0) {
      note::Verifier mine = fuzz::fixed_verifier(c->origin);
      auto signed_note = note::sign(written, c->origin, key);
      auto opened = ledger::open_checkpoint(signed_note, mine);
      if (!opened || opened->size != c->size || opened->root != c->root) std::abort();  // our own signature refused
      note::Verifier other = mine;
      other.key[0] ^= 1;
      if (ledger::open_checkpoint(signed_note, other)) std::abort();  // another key accepted
    }
  }

  std::string raw;
  if (note::base64_decode(text, raw)) {
    std::string twice;
    if (!note::base64_decode(note::base64_encode(raw), twice) || twice != raw) std::abort();
  }
  return 0;
}
