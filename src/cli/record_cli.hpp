// Patterns the record families' client commands share: command groups, subcommands about one
// record (`get ID` and POST actions), list paging (--limit, --all) with its JSON and summary line,
// bodies read from a file, and changes that send the record's ETag back as If-Match. Registration
// happens once at start-up on the main thread; the commands run one at a time; not thread-safe.
#pragma once
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/api_session.hpp"

namespace aims::cli {

/// Registers the subcommands of one command group under a parent.
using RegisterFn = void (*)(CLI::App* parent, int& exit_code);

/// Adds the group NAME (one subcommand required) to `app` and registers `subcommands` under it.
CLI::App* add_command_group(CLI::App& app, const std::string& name, const std::string& help, int& exit_code,
                            std::initializer_list<RegisterFn> subcommands);

/// The paths of a collection's records: BASE/ID[suffix] with ID encoded, e.g. /api/v1/risks/R-3/history.
struct RecordPath {
  std::string base;  // the collection, e.g. /api/v1/risks
  std::string operator()(const std::string& id, std::string_view suffix = {}) const;
};

/// Options of a subcommand about one record: the API options and the record's ID argument.
struct IdOptions {
  ApiOptions api;
  std::string id;
};

/// Adds NAME under `parent` with the API options (with --json if `json_flag`) and the required
/// positional argument `id_name` described by `id_help`.
CLI::App* add_id_command(CLI::App* parent, const std::string& name, const std::string& help, IdOptions& o,
                         const std::string& id_help, bool json_flag = true, const std::string& id_name = "id");

/// A `NAME ID` subcommand that GETs one record and prints it; without an `id_help`, a `NAME`
/// subcommand of a record of which there is one (path gets "").
struct GetCommand {
  std::string name;     // e.g. "get" or "show"
  std::string help;     // the subcommand's description
  std::string id_help;  // the description of its ID argument
  std::function<std::string(const std::string& id)> path;      // the record's path
  std::function<void(const boost::json::object& record)> print;  // prints it as text (else --json)
  std::string id_name = "id";
};
void register_get_command(CLI::App* parent, int& exit_code, GetCommand spec);

/// A `NAME ID` subcommand that POSTs to an action path of a record without a body and prints the answer.
/// With a `record` path, it reads the record there first and POSTs {} with its ETag as If-Match (a
/// missing ETag is reported as about "NOUN ID").
struct ActionCommand {
  std::string name;
  std::string help;
  std::string id_help;
  std::function<std::string(const std::string& id)> path;  // the action's path
  std::function<int(const http::ClientResponse& r, bool as_json)> done;  // prints the answer; exit code
  std::function<std::string(const std::string& id)> record{};  // the record's path, for its ETag
  std::string noun{};                                          // in messages: "management review"
};
void register_action_command(CLI::App* parent, int& exit_code, ActionCommand spec);

/// A step of a record's workflow: reads the record at `record` for its ETag (a missing one is reported
/// as about "NOUN ID"), then POSTs `body` to `action` with If-Match.
std::optional<http::ClientResponse> post_with_etag(ApiSession& api, const std::string& record, std::string_view noun,
                                                   const std::string& id, const std::string& action,
                                                   const boost::json::object& body);

/// A `NAME` subcommand that GETs the one document at `path` (the organization's settings, its scope)
/// and prints it as `print` does (else --json).
void register_show_command(CLI::App* parent, int& exit_code, std::string name, std::string help, std::string path,
                           std::function<void(const boost::json::object& document)> print);

/// A `set` subcommand of a document the API replaces whole with PUT (the retention periods, the risk
/// criteria): `check` refuses bad flags before anything is read; then the document is read for its
/// ETag (a missing one is reported as about WHAT), `edit` turns it into the body, and the body is
/// PUT back with If-Match; the saved document is printed as `print` does (else --json).
struct SetDocumentCommand {
  std::string help;  // the subcommand's description
  std::string path;  // the document's path
  std::string what;  // in messages: "the risk criteria"
  std::function<void(CLI::App* cmd)> add_flags;         // adds the flags (kept for the program's life)
  std::function<int()> check;                          // 0, or the exit code of a reported usage error
  std::function<int(boost::json::object& doc)> edit;   // 0, or the exit code of a reported failure
  std::function<void(const boost::json::object& saved)> print;
};
void register_set_document_command(CLI::App* parent, int& exit_code, SetDocumentCommand spec);

/// --limit N and --all of a list command.
struct ListPaging {
  int limit = 0;
  bool all = false;

  /// Adds --limit (described by `limit_help`) and --all.
  void add_to(CLI::App* cmd, const std::string& limit_help, const std::string& all_help = "Follow the pages to the end");
  /// Adds `limit` to the query: the one asked for, or 500 with --all.
  void apply(http::NameValues& query) const;
};

/// Whether the JSON of a whole list (--all) carries "total": no, if the server sent one, or always (0 if not).
enum class ListTotal { none, if_known, always };

/// Prints a list as --json asks: the first page as sent or, with `all`, {"items": [...]} and "total" as `total` says.
void print_list_json(ListResult& l, bool all, ListTotal total = ListTotal::none);

/// "\nN of TOTAL NOUN (more with --all)\n" under a printed list.
void print_list_summary(const ListResult& l, std::string_view noun);

/// Sets one --field KEY=VALUE in a request body, typed as the API expects; returns the usage error, if any.
using FieldSetter = std::optional<std::string> (*)(boost::json::object& body, const std::string& key, std::string_view value);

/// --field KEY=VALUE (repeatable) and --file FILE.json of a create or update.
struct FieldOptions {
  std::vector<std::string> fields;
  std::string file;

  /// Adds --field (described by `field_help`) and --file.
  void add_to(CLI::App* cmd, const std::string& field_help);
  /// The body: the JSON object of --file (of WHAT fields), then each --field through `set`; a
  /// malformed one is refused naming `example`. Returns 0 or the exit code of a reported failure.
  int build(boost::json::object& body, std::string_view what, std::string_view example, FieldSetter set) const;
};

/// The record as read before a change: the response and its ETag, to send back as If-Match.
struct CurrentRecord {
  http::ClientResponse response;
  std::string etag;
};

/// GETs `path` for a change; without an ETag reports "the server sent no ETag for WHAT; nothing was changed.".
std::optional<CurrentRecord> read_for_change(ApiSession& api, const std::string& path, std::string_view what);

/// With `expected` > 0: 0 if the record in `current` is still at that version, else reports "NOUN ID is
/// at version N, not EXPECTED; someone changed it. Nothing was changed." and returns kExitFailed.
int check_expected_version(const http::ClientResponse& current, std::int64_t expected, std::string_view noun,
                           const std::string& id);

/// The change every record family makes: reads the record at `path` for its ETag (reporting a
/// missing one as about `id`), checks `expected` as check_expected_version() does for NOUN ID, then
/// PATCHes `body` with If-Match. `before`, if given, receives the record as read.
std::optional<http::ClientResponse> patch_record(ApiSession& api, const std::string& path, const std::string& id,
                                                 std::string_view noun, std::int64_t expected, const boost::json::object& body,
                                                 boost::json::object* before = nullptr);

/// Adds --expect-version N (described by `help`) to an update.
void add_expect_version(CLI::App* cmd, std::int64_t& version, const std::string& help);

/// An `update ID` subcommand: the record family's field flags build a body, --expect-version N
/// guards it, and patch_record() sends it with the record's ETag as If-Match.
struct UpdateCommand {
  std::string help;          // the subcommand's description
  std::string id_help;       // the description of its ID argument
  std::string version_help;  // the description of --expect-version
  std::string noun;          // in messages: "risk"
  std::string nothing;       // the usage error when the flags give no change
  std::function<std::string(const std::string& id)> path;  // the record's path
  /// Prints the answer (`before`: the record as read before the change); the exit code.
  std::function<int(const http::ClientResponse& r, bool as_json, const boost::json::object& before)> done;
  std::function<void(CLI::App* cmd)> add_flags{};         // adds the field flags
  std::function<int(boost::json::object& body)> build{};  // builds the body: 0 or an exit code
};
void register_update_command(CLI::App* parent, int& exit_code, UpdateCommand spec);

/// The same with the field flags `flags` (their add_to(cmd) and build(body); kept for the program's life).
template <class Flags>
void register_update_command(CLI::App* parent, int& exit_code, Flags& flags, UpdateCommand spec) {
  spec.add_flags = [&flags](CLI::App* cmd) { flags.add_to(cmd); };
  spec.build = [&flags](boost::json::object& body) { return flags.build(body); };
  register_update_command(parent, exit_code, std::move(spec));
}

/// Sends `body` as JSON with `method` to `path`, with If-Match `etag` when one is given.
std::optional<http::ClientResponse> send_json(ApiSession& api, std::string method, std::string path,
                                              const boost::json::object& body, std::string_view etag = {});

/// The contents of a file, or of standard input for "-"; reported on stderr when unreadable.
std::optional<std::string> read_text_input(const std::string& path);

/// Reads the JSON object of `file` into `body`. Returns 0, kExitFailed (unreadable, reported) or
/// the usage error "FILE must hold one JSON object of WHAT.".
int read_json_object(const std::string& file, std::string_view what, boost::json::object& body);

}  // namespace aims::cli
