// The server's configuration: one struct with documented defaults, read from an optional file
// (key = value lines), then AIMS_* environment variables, then command-line flags; validated at
// start-up. A value; thread-safe as values are.
#pragma once
#include <string>

#include "core/error.hpp"

namespace aims::cli {

struct Config {
  std::string listen = "127.0.0.1:8042";  // AIMS_LISTEN, listen =
  std::string data = "./data";            // AIMS_DATA, data =: the data directory
  std::string database;                   // AIMS_DATABASE, database =: empty = <data>/aims.db (SQLite);
                                          //   or a postgresql:// connection string
  std::string web = "";                   // AIMS_WEB, web =: built UI; empty = web/dist beside the binary's repo or cwd
  int io_threads = 2;                     // AIMS_IO_THREADS
  int worker_threads = 8;                 // AIMS_WORKER_THREADS
  std::size_t max_body_mib = 8;           // AIMS_MAX_BODY_MIB
  std::size_t max_upload_mib = 50;        // AIMS_MAX_UPLOAD_MIB: largest evidence file (streamed, not held in memory)
  bool secure_cookies = false;            // AIMS_SECURE_COOKIES=1 behind TLS
  bool trust_forwarded_for = false;       // AIMS_TRUST_FORWARDED_FOR=1 behind one reverse proxy: the
                                          //   log-in throttle takes the client address from the last
                                          //   X-Forwarded-For entry instead of the socket peer
  std::string log_level = "info";         // AIMS_LOG_LEVEL: debug, info, warn, error
  std::string audit_key;                  // AIMS_AUDIT_KEY: the audit log's signing key file;
                                          //   empty = <data>/audit-signing.key (created if missing)
  std::string audit_origin = "aims.invalid";  // AIMS_AUDIT_ORIGIN: checkpoints name the log of
                                              //   organization X "<audit_origin>/X"
  std::string metrics_token_file;         // AIMS_METRICS_TOKEN_FILE: a file holding the bearer token
                                          //   GET /metrics asks for (at least 24 characters); empty = off
  // Notifications (docs/notifications.md).
  bool notify_worker = true;              // AIMS_NOTIFY_WORKER=0: this server sends no notifications
  int notify_poll_ms = 1000;              // AIMS_NOTIFY_POLL_MS: how often the queue is looked at
  int notify_retry_base_ms = 30000;       // AIMS_NOTIFY_RETRY_BASE_MS: the first retry's delay
  int notify_max_attempts = 8;            // AIMS_NOTIFY_MAX_ATTEMPTS: attempts before a delivery fails
  int notify_timeout_seconds = 10;        // AIMS_NOTIFY_TIMEOUT_SECONDS: per connect, send and receive
  int notify_scan_seconds = 60;           // AIMS_NOTIFY_SCAN_SECONDS: how often time-based events are looked for

  /// Reads `key = value` lines (# comments) into the struct.
  status load_file(const std::string& path);
  /// Applies AIMS_* environment variables.
  status load_env();
  /// Checks every value; the error names the setting.
  status validate() const;
  /// Splits listen into address and port.
  std::string address() const;
  unsigned short port() const;
  std::string database_location() const;
  std::string audit_key_path() const;
};

}  // namespace aims::cli
