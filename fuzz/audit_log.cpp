// Fuzz target: the offline verifier of exported audit logs (`aims audit verify --log`), which
// reads a file anyone may hand it: ledger::verify_export, and each line through
// ledger::parse_line. Input: a verifier key line, then the export (JSON Lines). A key line that
// is not a key gives a fixed key, so that any bytes reach the verifier. Properties: nothing
// crashes, leaks or runs away (the run's -timeout and -rss_limit_mb); a log the verifier accepts
// has as many entries as its header says up to the checkpoint.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "core/signed_note.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/verifier.hpp"
#include "fuzz_key.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const note::Verifier fallback = fuzz::fixed_verifier();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string_view key_line = nl == std::string_view::npos ? in : in.substr(0, nl);
  std::string body(nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1));

  ledger::VerifyOptions options;
  auto parsed = note::parse_verifier_key(key_line);
  options.key = parsed ? *parsed : fallback;
  std::istringstream stream(body);
  auto r = ledger::verify_export(stream, options);
  if (r.ok && (r.checkpoint_size < 0 || r.checkpoint_size > r.entries)) std::abort();
  if (!r.ok && r.summary.empty()) std::abort();  // a refusal must say why

  std::string_view rest = body;
  while (!rest.empty()) {
    auto end = rest.find('\n');
    (void)ledger::parse_line(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return 0;
}
