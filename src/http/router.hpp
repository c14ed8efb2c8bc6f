// Matches method + path against route templates like /api/v1/systems/{id}. Built once at
// start-up, then read-only: thread-safe for concurrent matching.
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

struct Route {
  std::string method;
  std::string pattern;  // e.g. /api/v1/systems/{id}
  Access access = Access::member;
  Handler handler;
  std::vector<std::string> segments;
  bool streams_body = false;  // the handler sees the header only and answers with Response::upload
  bool answers_head = true;   // a GET route also answers HEAD (without its body)
};

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  /// A route whose body is streamed: the handler runs on the header alone (authentication, role
  /// and validation before any body byte is read) and accepts the body with Response::upload.
  void add_upload(std::string method, std::string pattern, Access access, Handler handler);
  /// A GET route that does not answer HEAD (405, Allow: GET): for a body whose headers cannot be
  /// known without making all of it.
  void add_get_without_head(std::string pattern, Access access, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    bool path_known = false;  // some route has this path (for 405)
    std::string allowed;      // methods of this path, comma separated (for Allow)
  };
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace aims::http
