// aims serve: the HTTP server. Opens the store (audited, facets backfilled), loads the signing key,
// catalog and blob store, has ServerApp compose the areas and the API, seeds the demo, and serves.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/serve_command.hpp"
#include "app/notify_worker.hpp"
#include "app/server_app.hpp"
#include "cli/config.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "domain/actions/action_index.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_evidence.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "domain/evidence/text_evidence.hpp"
#include "domain/ledger/audited_store.hpp"
#include "domain/notify/event_scan.hpp"
#include "domain/ledger/signing_key_check.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/record_service.hpp"
#include "cli/audit_key.hpp"
#include "http/server.hpp"
#include "store/database_copy.hpp"
#include "store/store.hpp"

namespace aims::app {
using cli::Config;
using cli::load_signing_key;
namespace fs = std::filesystem;

namespace {

/// The bearer token of GET /metrics from its file (surrounding white space ignored).
result<std::string> read_metrics_token(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(errc::bad_request, "Cannot read metrics_token_file " + path + ".");
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  token = std::string(text::trim(token));
  if (token.size() < 24 || token.size() > 512)
    return make_error(errc::bad_request, "The metrics token in " + path + " must be 24 to 512 characters long.");
  for (char ch : token)
    if (ch <= ' ' || ch == 0x7f)
      return make_error(errc::bad_request, "The metrics token in " + path + " must have no spaces or control characters.");
  return token;
}

std::string default_web_root() {
  std::error_code ec;
  if (fs::exists("web/dist/index.html", ec)) return "web/dist";
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
      if (fs::exists(dir / "web/dist/index.html", ec)) return (dir / "web/dist").string();
  }
  return "web/dist";
}

void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("aims");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":%v})", spdlog::pattern_time_type::utc);
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::flush_on(spdlog::level::info);
}

/// Seeds the demo organization into an empty installation and prints its login.
bool ensure_demo(store::Store& st, const catalog::Catalog& cat, const Clock& clock, IdSource& ids,
                 const std::string& data, evidence::EvidenceService& evidence) {
  bool empty = false;
  (void)st.read([&](store::ReadTx& tx) -> status {
    empty = tx.list_orgs().empty();
    return ok();
  });
  auto file = fs::path(data) / "demo-login.txt";
  if (empty) {
    auto password = crypto::random_base32(16);
    auto r = demo::seed(st, cat, clock, ids, password);
    if (!r) {
      std::cerr << "aims: could not create the demo organization: " << r.error().detail << "\n";
      return false;
    }
    if (auto e = demo::seed_evidence(st, evidence, clock, r->email); !e) {
      std::cerr << "aims: could not create the demo evidence: " << e.error().detail << "\n";
      return false;
    }
    std::ofstream out(file);
    out << r->email << "\n" << r->password << "\n";
    out.close();
    ::chmod(file.c_str(), 0600);
  }
  std::ifstream in(file);
  std::string email, password;
  if (in && std::getline(in, email) && std::getline(in, password)) {
    std::cout << "Demo organization 'Demo Org' — log in as " << email << " with password " << password << "\n"
              << "(kept in " << file.string() << ")" << std::endl;
  }
  return true;
}

}  // namespace

void register_serve_command(CLI::App& app, int& exit_code) {
  static Config cfg;
  static std::string config_file, listen, data, database, web;
  static bool demo = false;
  auto* serve = app.add_subcommand("serve", "Run the HTTP server (web UI and REST API)");
  serve->add_option("--config", config_file, "Configuration file of key = value lines");
  serve->add_option("--listen", listen, "ADDRESS:PORT to listen on (default 127.0.0.1:8042; port 0 picks a free one)");
  serve->add_option("--data", data, "Data directory (default ./data)");
  serve->add_option("--database", database, "Database: default <data>/aims.db (SQLite), or a postgresql:// URL");
  serve->add_option("--web", web, "Directory of the built web UI (default web/dist)");
  serve->add_flag("--demo", demo, "Create a demo organization if the installation is empty, and print its login");
  serve->callback([&exit_code] {
    auto fail = [&](const std::string& msg) {
      std::cerr << "aims: " << msg << "\n";
      exit_code = 1;
    };
    if (!config_file.empty())
      if (auto s = cfg.load_file(config_file); !s) return fail(s.error().detail);
    if (auto s = cfg.load_env(); !s) return fail(s.error().detail);
    if (!listen.empty()) cfg.listen = listen;
    if (!data.empty()) cfg.data = data;
    if (!database.empty()) cfg.database = database;
    if (!web.empty()) cfg.web = web;
    if (auto s = cfg.validate(); !s) return fail(s.error().detail);
    setup_logging(cfg.log_level);
    std::string metrics_token_sha256;  // GET /metrics stays off without a token
    if (!cfg.metrics_token_file.empty()) {
      auto token = read_metrics_token(cfg.metrics_token_file);
      if (!token) return fail(token.error().detail);
      metrics_token_sha256 = crypto::sha256_hex(*token);
    }

    std::error_code ec;
    if (cfg.database.empty()) {
      if (!fs::exists(cfg.data, ec) && !demo)
        return fail(cfg.data + " does not exist; run 'aims init --data " + cfg.data + " ...' or use --demo.");
      fs::create_directories(cfg.data, ec);
    }
    auto st = store::open_store(cfg.database_location());
    if (!st) return fail(st.error().detail);
    SystemClock clock;
    // Every write goes through the audit log's decorator; its signing key stays outside the database.
    ledger::AuditedStore store(**st, clock);
    // Stored records get the list facets of their kind's current rules (rows older than them).
    if (auto b = records::backfill_facets(store, kinds::all_kinds()); !b) return fail(b.error().detail);
    // The action index of records stored before it (or under an older declaration), before serving:
    // a figure cached by the audit log's size (the dashboard's) must never be taken from a half-built
    // index, since the index's own writes are not audit entries (docs/actions.md). Resumable, kind by kind.
    if (auto n = actions::backfill_actions(store); !n) return fail(n.error().detail);
    else if (*n > 0) spdlog::info(boost::json::serialize(boost::json::object{{"event", "action index backfilled"}, {"records", *n}}));
    // Free-text evidence of answers and SoA entries, from before evidence was linked, goes to their notes.
    if (auto m = evidence::move_text_evidence_to_notes(store, clock); !m) return fail(m.error().detail);
    if (cfg.audit_key.empty()) fs::create_directories(cfg.data, ec);
    const bool key_existed = fs::exists(cfg.audit_key_path(), ec);
    auto key = load_signing_key(cfg.audit_key_path(), true);
    if (!key) return fail(key.error().detail);
    ledger::LogSigner signer(std::move(*key), cfg.audit_origin);
    // One signing key per installation, whichever server signs (docs/deployment.md, "The signing
    // key"): on PostgreSQL, where several servers may share the database, the first to start fixes
    // the key by signing every unsigned log; then every server's key must be the one that signed.
    if (store.backend() == "postgres")
      if (auto n = ledger::fix_signing_key(store, signer, clock); !n) {
        if (!key_existed) fs::remove(cfg.audit_key_path(), ec);  // never leave a key that cannot be used
        return fail(n.error().detail);
      }
    if (auto s = ledger::check_signing_key(store, signer); !s) {
      if (!key_existed) fs::remove(cfg.audit_key_path(), ec);
      return fail(s.error().detail);
    }
    RandomIds ids;
    auto catalog = catalog::Catalog::load_embedded();
    // Evidence files live where the records do: in PostgreSQL's tables when the database is
    // PostgreSQL (every server of a deployment sees them), else on disk under <data>/evidence.
    std::unique_ptr<evidence::BlobStore> blobs;
    if (store::is_postgres_location(cfg.database_location())) {
      auto pg_blobs = store::open_database_blob_store(cfg.database_location());
      if (!pg_blobs) return fail(pg_blobs.error().detail);
      blobs = std::move(*pg_blobs);
    } else {
      try {
        blobs = std::make_unique<evidence::FileBlobStore>((fs::path(cfg.data) / "evidence").string());
      } catch (const std::exception& e) {
        return fail(e.what());
      }
    }
    auto web_root = cfg.web.empty() ? default_web_root() : cfg.web;
    auto files = http::StaticFiles::load(web_root);
    if (files.size() == 0)
      spdlog::warn(boost::json::serialize(boost::json::object{{"event", "web UI not found"}, {"dir", web_root}}));
    ServerApp server_app(Infrastructure{store, catalog, clock, ids, signer, *blobs, cfg.max_upload_mib << 20, cfg.notify_max_attempts},
                         std::move(files), http::ApiOptions{1 << 20, cfg.secure_cookies, cfg.trust_forwarded_for, metrics_token_sha256});
    auto& evidence_service = server_app.service<evidence::EvidenceService>();
    if (demo && !ensure_demo(store, catalog, clock, ids, cfg.data, evidence_service)) {
      exit_code = 1;
      return;
    }
    auto& api = server_app.api();
    http::ServerOptions so;
    so.address = cfg.address();
    so.port = cfg.port();
    so.io_threads = cfg.io_threads;
    so.worker_threads = cfg.worker_threads;
    so.max_body = cfg.max_body_mib << 20;
    http::Server server(
        so, [&api](http::Request& r) { return api.handle(r); },
        [&api](const http::Request& r) { return api.streams_body(r); });
    unsigned short port = 0;
    try {
      port = server.bind();
    } catch (const std::exception& e) {
      return fail("cannot listen on " + cfg.listen + ": " + e.what());
    }
    spdlog::info(boost::json::serialize(boost::json::object{{"event", "started"},
                                                            {"address", cfg.address()},
                                                            {"port", port},
                                                            {"store", store.backend()},
                                                            {"web", web_root}}));
    // The notification queue's sender (docs/notifications.md); stopped when the server stops.
    NotifyWorker notify_worker(store, clock,
                               NotifyWorkerOptions{std::chrono::milliseconds(cfg.notify_poll_ms),
                                                   std::chrono::milliseconds(cfg.notify_retry_base_ms),
                                                   std::chrono::seconds(cfg.notify_timeout_seconds), 10,
                                                   std::chrono::seconds(cfg.notify_scan_seconds)});
    notify_worker.set_scan([&] {
      auto n = notify::scan_due_events(store, clock, ids, cfg.notify_max_attempts);
      if (!n) spdlog::warn(boost::json::serialize(boost::json::object{{"event", "notification scan failed"}, {"error", n.error().detail}}));
      else if (*n > 0) spdlog::info(boost::json::serialize(boost::json::object{{"event", "notification scan"}, {"queued", *n}}));
    });
    if (cfg.notify_worker) notify_worker.start();
    server.run();
    notify_worker.stop();
  });
}

}  // namespace aims::app
