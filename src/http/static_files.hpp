// The built web UI (web/dist), read into memory at start-up and served with caching headers and
// an index.html fallback for client-side routes. Immutable after loading; thread-safe.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace aims::http {

class StaticFiles {
 public:
  /// Loads every file under root (missing root: serves a short page saying the UI is not built).
  static StaticFiles load(const std::string& root);
  /// The response for a GET of `path`, or nullopt if the path is not a web path (e.g. /api/...).
  std::optional<Response> serve(const std::string& path) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  std::map<std::string, File> files_;  // "/index.html", "/assets/x.js"
};

}  // namespace aims::http
