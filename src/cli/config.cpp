#include "cli/config.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>

#include "core/signed_note.hpp"
#include "core/text.hpp"

namespace aims::cli {

namespace {

status set(Config& c, const std::string& key, const std::string& value) {
  auto to_int = [&](int& out) -> status {
    int v = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || p != value.data() + value.size())
      return make_error(errc::bad_request, "Setting " + key + " must be a whole number, not '" + value + "'.");
    out = v;
    return ok();
  };
  if (key == "listen") c.listen = value;
  else if (key == "data") c.data = value;
  else if (key == "database") c.database = value;
  else if (key == "web") c.web = value;
  else if (key == "io_threads") return to_int(c.io_threads);
  else if (key == "worker_threads") return to_int(c.worker_threads);
  else if (key == "max_body_mib") {
    int v = 0;
    if (auto s = to_int(v); !s) return s;
    c.max_body_mib = static_cast<std::size_t>(v < 0 ? 0 : v);
  } else if (key == "max_upload_mib") {
    int v = 0;
    if (auto s = to_int(v); !s) return s;
    c.max_upload_mib = static_cast<std::size_t>(v < 0 ? 0 : v);
  } else if (key == "secure_cookies") c.secure_cookies = value == "1" || value == "true";
  else if (key == "trust_forwarded_for") c.trust_forwarded_for = value == "1" || value == "true";
  else if (key == "log_level") c.log_level = value;
  else if (key == "audit_key") c.audit_key = value;
  else if (key == "audit_origin") c.audit_origin = value;
  else if (key == "metrics_token_file") c.metrics_token_file = value;
  else if (key == "notify_worker") c.notify_worker = !(value == "0" || value == "false");
  else if (key == "notify_poll_ms") return to_int(c.notify_poll_ms);
  else if (key == "notify_retry_base_ms") return to_int(c.notify_retry_base_ms);
  else if (key == "notify_max_attempts") return to_int(c.notify_max_attempts);
  else if (key == "notify_timeout_seconds") return to_int(c.notify_timeout_seconds);
  else if (key == "notify_scan_seconds") return to_int(c.notify_scan_seconds);
  else return make_error(errc::bad_request, "Unknown setting '" + key + "'.");
  return ok();
}

}  // namespace

status Config::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(errc::bad_request, "Cannot read the configuration file " + path + ".");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto t = text::trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto eq = t.find('=');
    if (eq == std::string::npos)
      return make_error(errc::bad_request, path + ":" + std::to_string(n) + ": expected key = value.");
    if (auto s = set(*this, text::trim(t.substr(0, eq)), text::trim(t.substr(eq + 1))); !s) return s;
  }
  return ok();
}

status Config::load_env() {
  for (const char* key : {"listen", "data", "database", "web", "io_threads", "worker_threads", "max_body_mib",
                          "max_upload_mib", "secure_cookies", "log_level", "audit_key", "audit_origin",
                          "trust_forwarded_for", "metrics_token_file", "notify_worker", "notify_poll_ms",
                          "notify_retry_base_ms", "notify_max_attempts", "notify_timeout_seconds",
                          "notify_scan_seconds"}) {
    std::string env = "AIMS_";
    for (const char* p = key; *p; ++p) env += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    if (const char* v = std::getenv(env.c_str())) {
      if (auto s = set(*this, key, v); !s) return s;
    }
  }
  return ok();
}

std::string Config::address() const { return listen.substr(0, listen.rfind(':')); }

unsigned short Config::port() const {
  auto p = listen.substr(listen.rfind(':') + 1);
  int v = 0;
  std::from_chars(p.data(), p.data() + p.size(), v);
  return static_cast<unsigned short>(v);
}

std::string Config::database_location() const { return database.empty() ? data + "/aims.db" : database; }

std::string Config::audit_key_path() const { return audit_key.empty() ? data + "/audit-signing.key" : audit_key; }

status Config::validate() const {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return make_error(errc::bad_request, "listen must be ADDRESS:PORT, e.g. 127.0.0.1:8042, not '" + listen + "'.");
  auto p = listen.substr(colon + 1);
  int v = -1;
  auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
  if (ec != std::errc() || ptr != p.data() + p.size() || v < 0 || v > 65535)
    return make_error(errc::bad_request, "The port in listen must be 0 to 65535, not '" + p + "'.");
  if (data.empty()) return make_error(errc::bad_request, "data must name a directory.");
  if (io_threads < 1 || io_threads > 64) return make_error(errc::bad_request, "io_threads must be 1 to 64.");
  if (worker_threads < 1 || worker_threads > 256) return make_error(errc::bad_request, "worker_threads must be 1 to 256.");
  if (max_body_mib < 1 || max_body_mib > 1024) return make_error(errc::bad_request, "max_body_mib must be 1 to 1024.");
  if (max_upload_mib < 1 || max_upload_mib > 65536) return make_error(errc::bad_request, "max_upload_mib must be 1 to 65536.");
  if (notify_poll_ms < 10 || notify_poll_ms > 600000) return make_error(errc::bad_request, "notify_poll_ms must be 10 to 600000.");
  if (notify_retry_base_ms < 10 || notify_retry_base_ms > 3600000)
    return make_error(errc::bad_request, "notify_retry_base_ms must be 10 to 3600000.");
  if (notify_max_attempts < 1 || notify_max_attempts > 30) return make_error(errc::bad_request, "notify_max_attempts must be 1 to 30.");
  if (notify_timeout_seconds < 1 || notify_timeout_seconds > 120)
    return make_error(errc::bad_request, "notify_timeout_seconds must be 1 to 120.");
  if (notify_scan_seconds < 1 || notify_scan_seconds > 86400) return make_error(errc::bad_request, "notify_scan_seconds must be 1 to 86400.");
  if (log_level != "debug" && log_level != "info" && log_level != "warn" && log_level != "error")
    return make_error(errc::bad_request, "log_level must be debug, info, warn or error.");
  if (audit_origin.empty() || !note::valid_key_name(audit_origin + "/x"))
    return make_error(errc::bad_request,
                      "audit_origin must be a name without spaces or '+', such as aims.example.com, not '" + audit_origin + "'.");
  return ok();
}

}  // namespace aims::cli
