// Fuzz target: the offline verifier of auditor packages (`aims audit verify --pack`), which reads
// a ZIP anyone may hand it: ledger::verify_pack (manifest signature, files, hashes, the log, the
// records, evidence and reports) and the ZIP reader under it. Input: a first line, then the
// archive. A first line "seal" seals the archive again before verifying, as the server would
// have: every file's size and hash in manifest.json, audit/public-key.txt, audit/checkpoint.txt,
// the log's checkpoints and manifest.sig signed by a fixed key, so that a changed record,
// evidence file or report gets past the signatures to the checks that read it. Any other first
// line is a verifier key (or, when it is not one, the fixed key). Properties: nothing crashes,
// leaks or runs away; a refused package says why.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "core/crypto.hpp"
#include "core/json_text.hpp"
#include "core/signed_note.hpp"
#include "core/zip.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/pack_verifier.hpp"
#include "fuzz_key.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

/// A signed note's text re-signed by the fuzz key under `name` ("" if it has no text part).
std::string resign(std::string_view signed_note, const std::string& name) {
  auto cut = signed_note.find("\n\n");
  if (cut == std::string_view::npos) return "";
  return note::sign(signed_note.substr(0, cut + 1), name, fuzz::fixed_key());
}

zip::Entry* entry_named(std::vector<zip::Entry>& entries, std::string_view name) {
  for (auto& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

/// The archive sealed again by the fuzz key, and the key's verifier; nullopt if it cannot be.
std::optional<std::pair<std::string, note::Verifier>> seal(std::string_view archive) {
  auto entries = zip::read(archive);
  if (!entries) return std::nullopt;
  auto* manifest = entry_named(*entries, "manifest.json");
  if (!manifest) return std::nullopt;
  boost::system::error_code ec;
  auto mv = json::parse(manifest->data, ec);
  if (ec || !mv.is_object()) return std::nullopt;
  auto& m = mv.as_object();
  auto* cp = m.if_contains("checkpoint");
  auto* org = m.if_contains("org");
  if (!cp || !cp->is_object() || !org || !org->is_object()) return std::nullopt;
  auto* origin = cp->as_object().if_contains("origin");
  auto* org_id = org->as_object().if_contains("id");
  if (!origin || !origin->is_string() || !org_id || !org_id->is_string()) return std::nullopt;
  std::string name(origin->as_string());
  if (!note::valid_key_name(name)) return std::nullopt;
  auto v = fuzz::fixed_verifier(name);
  // The checkpoints: the package's and every one in the log.
  if (auto* c = entry_named(*entries, "audit/checkpoint.txt")) c->data = resign(c->data, name);
  if (auto* k = entry_named(*entries, "audit/public-key.txt")) k->data = note::verifier_key(name, v.key) + "\n";
  if (auto* log = entry_named(*entries, "audit/log.jsonl")) {
    std::string out;
    std::string_view rest = log->data;
    while (!rest.empty()) {
      auto end = rest.find('\n');
      auto line = rest.substr(0, end);
      auto parsed = ledger::parse_line(line);
      if (parsed && std::holds_alternative<ledger::ExportCheckpoint>(*parsed))
        out += ledger::checkpoint_line({resign(std::get<ledger::ExportCheckpoint>(*parsed).note, name)});
      else
        out += std::string(line) + (end == std::string_view::npos ? "" : "\n");
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
    log->data = std::move(out);
  }
  // The manifest: every file's size and hash as they are now.
  if (auto* files = m.if_contains("files"); files && files->is_array()) {
    for (auto& fv : files->as_array()) {
      if (!fv.is_object()) continue;
      auto& f = fv.as_object();
      auto* path = f.if_contains("path");
      if (!path || !path->is_string()) continue;
      if (auto* e = entry_named(*entries, std::string_view(path->as_string()))) {
        f["size"] = e->data.size();
        f["sha256"] = crypto::sha256_hex(e->data);
      }
    }
  }
  manifest->data = json::serialize(m);
  // manifest.sig over this manifest and the checkpoint it names.
  auto cpt = entry_named(*entries, "audit/checkpoint.txt");
  auto opened = cpt ? ledger::open_checkpoint(cpt->data, v) : result<ledger::Checkpoint>(make_error(errc::validation, ""));
  if (!opened) return std::nullopt;
  auto statement = ledger::manifest_statement_text(
      ledger::ManifestStatement{std::string(org_id->as_string()), opened->size, opened->root, crypto::sha256_hex(manifest->data)});
  if (auto* sig = entry_named(*entries, "manifest.sig")) sig->data = note::sign(statement, name, fuzz::fixed_key());
  for (auto& e : *entries) e.crc_ok = true;
  auto sealed = zip::write(*entries);
  if (!sealed) return std::nullopt;
  return std::make_pair(std::move(*sealed), v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const note::Verifier fallback = fuzz::fixed_verifier();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string_view first = nl == std::string_view::npos ? std::string_view() : in.substr(0, nl);
  std::string_view archive = nl == std::string_view::npos ? in : in.substr(nl + 1);
  (void)zip::read(archive);
  if (first == "seal") {
    auto sealed = seal(archive);
    if (!sealed) return 0;
    auto r = ledger::verify_pack(sealed->first, sealed->second);
    if (!r.ok && r.summary.empty()) std::abort();  // a refusal must say why
    return 0;
  }
  auto parsed = note::parse_verifier_key(first);
  auto r = ledger::verify_pack(archive, parsed ? *parsed : fallback);
  if (!r.ok && r.summary.empty()) std::abort();  // a refusal must say why
  return 0;
}
