#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace aims::http {
namespace fs = std::filesystem;

namespace {

std::string type_of(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

}  // namespace

StaticFiles StaticFiles::load(const std::string& root) {
  StaticFiles s;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return s;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    auto rel = "/" + fs::relative(it->path(), root).generic_string();
    s.files_[rel] = File{type_of(it->path()), buf.str()};
  }
  return s;
}

std::optional<Response> StaticFiles::serve(const std::string& path) const {
  if (path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz") return std::nullopt;
  Response r;
  r.set_header("Content-Security-Policy", kCsp);
  auto it = files_.find(path == "/" ? "/index.html" : path);
  bool fallback = false;
  if (it == files_.end()) {
    // Client-side routes (e.g. /catalog/iso42001/A.6.2.4) get index.html; a missing asset or a
    // missing top-level file such as /favicon.ico is a real 404.
    bool top_level_file = path.find('/', 1) == std::string::npos && path.find('.') != std::string::npos;
    if (path.rfind("/assets/", 0) == 0 || top_level_file) {
      r.status = 404;
      r.content_type = "text/plain; charset=utf-8";
      r.body = "Not found\n";
      return r;
    }
    it = files_.find("/index.html");
    fallback = true;
  }
  if (it == files_.end()) {
    r.status = 200;
    r.content_type = "text/html; charset=utf-8";
    r.body = "<!doctype html><title>aims</title><p>The web UI is not built. Run <code>make run</code>.</p>";
    r.set_header("Cache-Control", "no-store");
    return r;
  }
  r.content_type = it->second.content_type;
  r.body = it->second.body;
  if (!fallback && path.rfind("/assets/", 0) == 0) r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  else r.set_header("Cache-Control", "no-cache");
  return r;
}

}  // namespace aims::http
