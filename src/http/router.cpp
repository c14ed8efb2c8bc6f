#include "http/router.hpp"

#include <algorithm>

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

/// True if `s` is a template segment such as {id}.
bool is_param(const std::string& s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

/// Matching order: by segment count, then segment by segment a literal before a {param}.
bool matched_before(const Route& a, const Route& b) {
  if (a.segments.size() != b.segments.size()) return a.segments.size() < b.segments.size();
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    bool pa = is_param(a.segments[i]), pb = is_param(b.segments[i]);
    if (pa != pb) return pb;
  }
  return false;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler, RouteOptions options) {
  Route r{std::move(method), pattern, access, std::move(handler), split_path(pattern), options.streams_body,
          options.answers_head};
  // After every route matched before it or alongside it: equal ones keep the order they were added in.
  auto at = std::upper_bound(routes_.begin(), routes_.end(), r, matched_before);
  routes_.insert(at, std::move(r));
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
      if (is_param(s)) {
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
