#include "http/router.hpp"

namespace aims::http {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  Route r{std::move(method), pattern, access, std::move(handler), split_path(pattern)};
  routes_.push_back(std::move(r));
}

void Router::add_upload(std::string method, std::string pattern, Access access, Handler handler) {
  add(std::move(method), std::move(pattern), access, std::move(handler));
  routes_.back().streams_body = true;
}

void Router::add_get_without_head(std::string pattern, Access access, Handler handler) {
  add("GET", std::move(pattern), access, std::move(handler));
  routes_.back().answers_head = false;
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  auto segs = split_path(path);
  bool trailing_slash = path.size() > 1 && path.back() == '/';
  if (trailing_slash) return m;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& s = r.segments[i];
      if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
        if (segs[i].empty()) ok = false;
        else params[s.substr(1, s.size() - 2)] = segs[i];
      } else if (s != segs[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    m.path_known = true;
    if (!m.route && (r.method == method || (method == "HEAD" && r.method == "GET" && r.answers_head))) {
      m.route = &r;
      m.params = std::move(params);
    }
    if (m.allowed.find(r.method) == std::string::npos) {
      if (!m.allowed.empty()) m.allowed += ", ";
      m.allowed += r.method;
      if (r.method == "GET" && r.answers_head) m.allowed += ", HEAD";
    }
  }
  return m;
}

}  // namespace aims::http
