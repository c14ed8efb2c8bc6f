// The aims REST API as the client commands see it: connection options from flags and AIMS_*
// environment variables, authenticated requests whose failures are reported on stderr, and lists
// that follow `next` cursors.
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>

#include "core/json_members.hpp"
#include "http/client.hpp"

namespace aims::cli {

/// Exit codes of the client commands (as in commands.hpp).
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

/// Prints "aims: MESSAGE" on stderr and returns kExitFailed.
int fail(std::string_view message);
/// Prints "aims: MESSAGE" on stderr and returns kExitUsage.
int usage_error(std::string_view message);

/// Connection options shared by every client command.
struct ApiOptions {
  std::string url = "http://127.0.0.1:8042";
  std::string token;
  std::string org;
  bool json = false;

  /// Adds --url, --token and --org (or AIMS_URL, AIMS_TOKEN, AIMS_ORG) and, if `json_flag`, --json.
  void add_to(CLI::App* cmd, bool json_flag = true);
};

/// Items of a list endpoint: one page, or all pages when asked.
struct ListResult {
  boost::json::array items;
  std::optional<std::int64_t> total;  // the server's count of matches on all pages, if it sends one
  std::optional<std::string> next;    // cursor of the page after the last one fetched
  std::string first_body;             // the server's JSON of the first page, as sent
};

/// An authenticated connection to the aims API for one command. Every method that returns an
/// empty optional has already reported why on stderr. Owned by the running command; not thread-safe.
class ApiSession {
 public:
  /// Checks the options (a token is required) and prepares the connection; on failure reports it
  /// and stores the exit code in `exit_code`.
  static std::optional<ApiSession> open(const ApiOptions& options, int& exit_code);

  /// The response if the server answered 2xx.
  std::optional<http::ClientResponse> send(const http::ClientRequest& request);
  std::optional<http::ClientResponse> get(std::string target);
  /// GET of a JSON object.
  std::optional<boost::json::object> get_object(std::string target);
  /// GET of a list endpoint (`{"items": [...], "next": ...}`); with `all`, follows `next` to the end.
  std::optional<ListResult> list(std::string_view path, http::NameValues query, bool all);

 private:
  explicit ApiSession(http::Client client) : client_(std::move(client)) {}
  http::Client client_;
};

/// A command callback: opens a session from `options` and stores the exit code of `body` (or of
/// the failure to open the session) in `exit_code`.
std::function<void()> with_session(const ApiOptions& options, int& exit_code, std::function<int(ApiSession&)> body);

/// With `as_json`, prints the response body as sent; else calls `text` with its JSON object.
/// Returns the exit code (kExitFailed, reported, if the body is not a JSON object).
int print_response(const http::ClientResponse& r, bool as_json, const std::function<void(const boost::json::object&)>& text);

/// The JSON object of a response body; reports on stderr if the body is not one.
std::optional<boost::json::object> object_of(const http::ClientResponse& response);

/// A string member of a JSON object ("" if absent or not a string).
std::string string_of(const boost::json::object& o, std::string_view key);
/// An integer member of a JSON object.
std::optional<std::int64_t> int_of(const boost::json::object& o, std::string_view key);
/// A boolean member of a JSON object (false if absent or not a boolean).
bool bool_of(const boost::json::object& o, std::string_view key);

/// The objects among `items` (anything else there is passed over), e.g. the items of a list, for a range-for.
inline auto objects_in(const boost::json::array& items) {
  return items | std::views::filter([](const boost::json::value& v) { return v.is_object(); }) |
         std::views::transform([](const boost::json::value& v) -> const boost::json::object& { return v.get_object(); });
}

}  // namespace aims::cli
