// Matches method + path against route templates like /api/v1/systems/{id}. Filled once at start-up
// (by the route table, routes.hpp), then read-only: thread-safe for concurrent matching.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace aims::http {

/// Who may call a route.
enum class Access {
  open,          // anyone
  user,          // an authenticated caller
  member,        // an authenticated caller acting in one of their organizations
};

struct Context;  // defined in api.hpp
using Handler = std::function<Response(Context&)>;

/// How a route reads its request and answers HEAD.
struct RouteOptions {
  bool streams_body = false;  // the handler sees the header only and answers with Response::upload
  bool answers_head = true;   // a GET route also answers HEAD (without its body)
};

struct Route {
  std::string method;
  std::string pattern;  // e.g. /api/v1/systems/{id}
  Access access = Access::member;
  Handler handler;
  std::vector<std::string> segments;
  bool streams_body = false;
  bool answers_head = true;
};

class Router {
 public:
  /// Adds a route. The order of adding does not matter: a path is matched against the routes with
  /// a literal segment before those with a {param} in its place (/risks/heatmap before /risks/{id}).
  void add(std::string method, std::string pattern, Access access, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;  // some route has this path (for 405)
    std::string allowed;      // methods of this path, comma separated (for Allow)
  };
  Match match(const std::string& method, const std::string& path) const;
  /// Every route, in the order paths are matched against them.
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace aims::http
