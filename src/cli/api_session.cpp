#include "cli/api_session.hpp"

#include <iostream>

#include "cli/output.hpp"
#include "core/json_members.hpp"

namespace aims::cli {
namespace json = boost::json;

int fail(std::string_view message) {
  std::cerr << "aims: " << message << "\n";
  return kExitFailed;
}

int usage_error(std::string_view message) {
  std::cerr << "aims: " << message << "\n";
  return kExitUsage;
}

void ApiOptions::add_to(CLI::App* cmd, bool json_flag) {
  cmd->add_option("--url", url, "URL of the aims server")->envname("AIMS_URL")->capture_default_str();
  cmd->add_option("--token", token, "API token (create one with 'aims token create')")->envname("AIMS_TOKEN");
  cmd->add_option("--org", org, "Organization id to act on (default: your first organization)")->envname("AIMS_ORG");
  if (json_flag) cmd->add_flag("--json", json, "Print the server's JSON instead of text");
}

std::optional<ApiSession> ApiSession::open(const ApiOptions& options, int& exit_code) {
  if (options.token.empty()) {
    exit_code = usage_error(
        "an API token is required: pass --token TOKEN or set AIMS_TOKEN (an admin creates one with "
        "'aims token create --email EMAIL --name NAME').");
    return std::nullopt;
  }
  http::ClientOptions co;
  co.base_url = options.url;
  co.default_headers = {{"Authorization", "Bearer " + options.token}, {"User-Agent", "aims-cli/0.1.0"}};
  if (!options.org.empty()) co.default_headers.emplace_back("X-Aims-Org", options.org);
  auto client = http::Client::create(std::move(co));
  if (!client) {
    exit_code = usage_error(client.error().detail);
    return std::nullopt;
  }
  return ApiSession(std::move(*client));
}

std::optional<http::ClientResponse> ApiSession::send(const http::ClientRequest& request) {
  auto r = client_.send(request);
  if (!r) {
    fail(r.error().detail);
    std::cerr << "  Is the aims server running there? Set its URL with --url or AIMS_URL.\n";
    return std::nullopt;
  }
  if (!r->ok()) {
    print_problem(std::cerr, r->status, r->reason, r->media_type(), r->body);
    return std::nullopt;
  }
  return std::move(*r);
}

std::optional<http::ClientResponse> ApiSession::get(std::string target) {
  http::ClientRequest req;
  req.target = std::move(target);
  return send(req);
}

std::optional<json::object> ApiSession::get_object(std::string target) {
  auto r = get(std::move(target));
  if (!r) return std::nullopt;
  return object_of(*r);
}

std::optional<ListResult> ApiSession::list(std::string_view path, http::NameValues query, bool all) {
  ListResult out;
  std::optional<std::string> cursor;
  do {
    auto q = query;
    if (cursor) q.emplace_back("cursor", *cursor);
    auto r = get(http::make_target(path, q));
    if (!r) return std::nullopt;
    auto page = object_of(*r);
    if (!page) return std::nullopt;
    auto items = page->if_contains("items");
    if (!items || !items->is_array()) {
      fail("the server's answer has no list of items.");
      return std::nullopt;
    }
    if (out.first_body.empty()) out.first_body = std::move(r->body);
    for (auto& item : items->get_array()) out.items.push_back(std::move(item));
    if (auto t = int_of(*page, "total")) out.total = t;
    auto next = page->if_contains("next");
    out.next = next && next->is_string() ? std::optional<std::string>(std::string(next->get_string())) : std::nullopt;
    if (out.next && out.next == cursor) {
      fail("the server sent the same page cursor twice; stopping.");
      return std::nullopt;
    }
    cursor = out.next;
  } while (all && cursor);
  return out;
}

std::function<void()> with_session(const ApiOptions& options, int& exit_code, std::function<int(ApiSession&)> body) {
  return [&options, &exit_code, body = std::move(body)] {
    int code = 0;
    auto api = ApiSession::open(options, code);
    exit_code = api ? body(*api) : code;
  };
}

int print_response(const http::ClientResponse& r, bool as_json, const std::function<void(const json::object&)>& text) {
  if (as_json) {
    print_body(std::cout, r.body);
    return 0;
  }
  auto o = object_of(r);
  if (!o) return kExitFailed;
  text(*o);
  return 0;
}

std::optional<json::object> object_of(const http::ClientResponse& response) {
  json::error_code ec;
  auto v = json::parse(response.body, ec);
  if (ec || !v.is_object()) {
    fail("the server's answer is not a JSON object; is the URL that of an aims server?");
    return std::nullopt;
  }
  return std::move(v.get_object());
}

std::string string_of(const json::object& o, std::string_view key) { return string_at(o, key); }

std::optional<std::int64_t> int_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  if (p && p->is_int64()) return p->get_int64();
  if (p && p->is_uint64()) return static_cast<std::int64_t>(p->get_uint64());
  return std::nullopt;
}

bool bool_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_bool() && p->get_bool();
}

}  // namespace aims::cli
