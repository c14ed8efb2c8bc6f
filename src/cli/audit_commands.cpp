// aims audit checkpoint|public-key|consistency|export talk to a running server (API client);
// aims audit verify checks an exported log offline, with nothing but the file, a checkpoint and the
// verifier key (docs/formats/audit-log.md).
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "domain/ledger/pack_verifier.hpp"
#include "domain/ledger/verifier.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

const std::string kAudit = "/api/v1/audit";

/// Writes `text` to `output` ("" or "-": standard output).
int emit(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text << std::flush;
    return 0;
  }
  if (!write_file(output, text)) return kExitFailed;
  std::cout << "Wrote " << output << "\n";
  return 0;
}

std::optional<std::string> read_text(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot read the " + what + " " + path + ".");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A subcommand that GETs `kAudit + path` and writes its string member `member` (followed by
/// `end`) to -o FILE or standard output; with --json, the server's JSON.
void register_text_command(CLI::App* parent, int& exit_code, const std::string& name, const std::string& help,
                           const std::string& output_help, const std::string& path, const std::string& member,
                           const std::string& end = "") {
  struct Options {
    ApiOptions api;
    std::string output;
  };
  static std::deque<Options> all_options;  // CLI11 keeps pointers to the options
  auto& o = all_options.emplace_back();
  auto* cmd = parent->add_subcommand(name, help);
  o.api.add_to(cmd);
  cmd->add_option("-o,--output", o.output, output_help);
  cmd->callback(with_session(o.api, exit_code, [&o, path, member, end](ApiSession& api) {
    auto r = api.get(kAudit + path);
    if (!r) return kExitFailed;
    if (o.api.json) return (print_body(std::cout, r->body), 0);
    auto c = object_of(*r);
    if (!c) return kExitFailed;
    return emit(string_of(*c, member) + end, o.output);
  }));
}

void register_checkpoint(CLI::App* parent, int& exit_code) {
  register_text_command(parent, exit_code, "checkpoint",
                        "The signed checkpoint of the log at its current size (a C2SP signed note)",
                        "Write the checkpoint to FILE (default: standard output)", "/checkpoint", "checkpoint");
}

void register_public_key(CLI::App* parent, int& exit_code) {
  register_text_command(parent, exit_code, "public-key", "The verifier key of the organization's log (what verify --key takes)",
                        "Write the key to FILE (default: standard output)", "/public-key", "verifier_key", "\n");
}

void register_consistency(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::int64_t from = 0;
    std::optional<std::int64_t> to;
    std::string output;
  } o;
  auto* cmd = parent->add_subcommand("consistency", "The consistency proof between two sizes of the log, as JSON");
  o.api.add_to(cmd, false);
  cmd->add_option("--from", o.from, "The older size")->required()->check(CLI::NonNegativeNumber);
  cmd->add_option("--to", o.to, "The newer size (default: the current checkpoint's)")->check(CLI::NonNegativeNumber);
  cmd->add_option("-o,--output", o.output, "Write the proof to FILE (default: standard output)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    std::string target = kAudit + "/consistency?from=" + std::to_string(o.from);
    if (o.to) target += "&to=" + std::to_string(*o.to);
    auto r = api.get(target);
    if (!r) return kExitFailed;
    return emit(r->body.ends_with('\n') ? r->body : r->body + "\n", o.output);
  }));
}

void register_audit_export(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string output;
  } o;
  auto* cmd = parent->add_subcommand("export", "The whole log with its checkpoints, for offline verification (JSON Lines)");
  o.api.add_to(cmd, false);
  cmd->add_option("-o,--output", o.output, "Write the log to FILE (default: standard output)");
  cmd->callback(with_session(o.api, exit_code,
                             [](ApiSession& api) { return download(api, kAudit + "/export", "audit log", o.output); }));
}

void print_report(std::ostream& out, const ledger::VerifyResult& r) {
  for (const auto& d : r.details) out << "  - " << d << "\n";
}

void register_verify(CLI::App* parent, int& exit_code) {
  static struct {
    std::string log, checkpoint, old_checkpoint, key, proof, pack;
  } o;
  auto* cmd = parent->add_subcommand("verify", "Check an exported log against a signed checkpoint, offline");
  cmd->add_option("--log", o.log, "The exported log (aims audit export)");
  cmd->add_option("--pack", o.pack, "An auditor package (aims export audit-pack): its files, evidence and log");
  cmd->add_option("--checkpoint", o.checkpoint, "The signed checkpoint to check against (default: the log's last)");
  cmd->add_option("--old-checkpoint", o.old_checkpoint, "An earlier checkpoint the log must extend");
  cmd->add_option("--key", o.key, "The verifier key (aims audit public-key), or a file holding it")->required();
  cmd->add_option("--proof", o.proof, "Without --log: a consistency proof (aims audit consistency) between "
                                      "--old-checkpoint and --checkpoint");
  cmd->callback([&exit_code] {
    exit_code = [&]() -> int {
      std::string key_text = o.key;
      std::error_code ec;
      if (std::filesystem::is_regular_file(o.key, ec)) {
        auto t = read_text(o.key, "key file");
        if (!t) return kExitFailed;
        key_text = *t;
        while (!key_text.empty() && (key_text.back() == '\n' || key_text.back() == '\r')) key_text.pop_back();
      }
      auto key = note::parse_verifier_key(key_text);
      if (!key) return usage_error("--key: " + key.error().detail + ".");
      std::optional<std::string> checkpoint, old;
      if (!o.checkpoint.empty()) {
        if (!(checkpoint = read_text(o.checkpoint, "checkpoint"))) return kExitFailed;
      }
      if (!o.old_checkpoint.empty()) {
        if (!(old = read_text(o.old_checkpoint, "old checkpoint"))) return kExitFailed;
      }
      if (!o.pack.empty()) {
        if (!o.log.empty() || checkpoint || old || !o.proof.empty())
          return usage_error("--pack checks the package's own log and checkpoint; give only --key with it.");
        auto bytes = read_text(o.pack, "package");
        if (!bytes) return kExitFailed;
        auto p = ledger::verify_pack(*bytes, *key);
        if (p.ok) {
          std::cout << "OK: the auditor package of " << (p.org_name.empty() ? p.org_id : p.org_name) << " (" << p.org_id
                    << "): its manifest is signed, " << p.files << " files match it, " << p.evidence
                    << " evidence files match their records, " << p.reports
                    << " reports match the records they are made from, " << p.records
                    << " records match their latest log entry, and the " << p.log.entries
                    << " log entries match the checkpoint of size " << p.log.checkpoint_size << " (root "
                    << p.log.root_hash << "), signed by " << key->name << ".\n";
          if (p.unlogged > 0)
            std::cout << "Note: " << p.unlogged << " records have no entry in the log, which does not start with the "
                      << "organization's creation: they were written before the log existed.\n";
          return 0;
        }
        std::cerr << "aims: the auditor package does not verify. " << p.summary << "\n";
        if (!p.bad_file.empty()) std::cerr << "  first file that does not match: " << p.bad_file << "\n";
        if (p.log.first_bad) std::cerr << "  first log entry that does not match: " << *p.log.first_bad << "\n";
        print_report(std::cerr, p.log);
        return kExitFailed;
      }
      ledger::VerifyResult r;
      if (o.log.empty()) {
        if (!checkpoint || !old || o.proof.empty())
          return usage_error("give --log FILE, or --old-checkpoint, --checkpoint and --proof to check two checkpoints.");
        auto text = read_text(o.proof, "proof");
        if (!text) return kExitFailed;
        json::error_code jec;
        auto v = json::parse(*text, jec);
        auto* list = !jec && v.is_object() ? v.get_object().if_contains("consistency_proof") : nullptr;
        if (!list || !list->is_array()) return fail("the proof file is not a consistency proof of aims.");
        std::vector<std::string> hashes;
        for (const auto& h : list->get_array()) hashes.emplace_back(h.is_string() ? h.get_string() : "");
        r = ledger::verify_checkpoints(*old, *checkpoint, hashes, *key);
        if (r.ok) {
          std::cout << "OK: the log of " << r.origin << " at size " << *r.old_size << " is a prefix of the log at size "
                    << r.checkpoint_size << "; both checkpoints are signed by " << key->name << ".\n";
          return 0;
        }
      } else {
        if (!o.proof.empty()) return usage_error("--proof is for checking two checkpoints without --log.");
        std::ifstream in(o.log, std::ios::binary);
        if (!in) return fail("cannot read the log " + o.log + ".");
        r = ledger::verify_export(in, ledger::VerifyOptions{*key, checkpoint, old});
        if (r.ok) {
          std::cout << "OK: the " << r.entries << " entries of " << r.origin << " match the checkpoint of size "
                    << r.checkpoint_size << " (root " << r.root_hash << "), signed by " << key->name << ".\n";
          if (r.old_size) std::cout << "The old checkpoint of size " << *r.old_size << " is a prefix of it.\n";
          if (r.file_checkpoints > 0)
            std::cout << "Every checkpoint in the file (" << r.file_checkpoints << ") verifies and agrees with the entries.\n";
          for (const auto& d : r.details) std::cout << "Note: " << d << ".\n";
          return 0;
        }
      }
      std::cerr << "aims: the audit log does not verify. " << r.summary << "\n";
      if (r.first_bad) std::cerr << "  first entry that does not match: " << *r.first_bad << "\n";
      else if (r.bad_range)
        std::cerr << "  the first entry that does not match is one of " << r.bad_range->first << " to "
                  << r.bad_range->second << "\n";
      print_report(std::cerr, r);
      return kExitFailed;
    }();
  });
}

}  // namespace

void register_audit_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "audit", "The tamper-evident audit log: checkpoints, export and offline verification", exit_code,
                    {register_checkpoint, register_public_key, register_consistency, register_audit_export,
                     register_verify});
}

void register_export_commands(CLI::App& app, int& exit_code) {
  auto* exp = app.add_subcommand("export", "Packages for people outside aims")->require_subcommand(1);
  static struct {
    ApiOptions api;
    std::string output;
  } o;
  auto* cmd = exp->add_subcommand("audit-pack", "The auditor package of the organization: records, evidence files, "
                                                 "audit log, checkpoint and manifest in one ZIP (auditor, manager, admin)");
  o.api.add_to(cmd, false);
  cmd->add_option("-o,--output", o.output, "Write the ZIP to FILE")->required();
  cmd->callback(with_session(o.api, exit_code,
                             [](ApiSession& api) { return download(api, kAudit + "/pack", "zip", o.output); }));
}

}  // namespace aims::cli
