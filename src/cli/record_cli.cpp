#include "cli/record_cli.hpp"

#include <cerrno>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/output.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace json = boost::json;

CLI::App* add_command_group(CLI::App& app, const std::string& name, const std::string& help, int& exit_code,
                            std::initializer_list<RegisterFn> subcommands) {
  auto* group = app.add_subcommand(name, help)->require_subcommand(1);
  for (auto fn : subcommands) fn(group, exit_code);
  return group;
}

std::string RecordPath::operator()(const std::string& id, std::string_view suffix) const {
  return base + "/" + http::encode_segment(id) + std::string(suffix);
}

CLI::App* add_id_command(CLI::App* parent, const std::string& name, const std::string& help, IdOptions& o,
                         const std::string& id_help, bool json_flag, const std::string& id_name) {
  auto* cmd = parent->add_subcommand(name, help);
  o.api.add_to(cmd, json_flag);
  cmd->add_option(id_name, o.id, id_help)->required();
  return cmd;
}

namespace {
/// CLI11 keeps pointers to the options, so each command's options live as long as the program.
IdOptions& new_id_options() {
  static std::deque<IdOptions> all_options;
  return all_options.emplace_back();
}
}  // namespace

void register_get_command(CLI::App* parent, int& exit_code, GetCommand spec) {
  auto& o = new_id_options();
  auto* cmd = parent->add_subcommand(spec.name, spec.help);
  o.api.add_to(cmd);
  if (!spec.id_help.empty()) cmd->add_option(spec.id_name, o.id, spec.id_help)->required();
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    auto r = api.get(spec.path(o.id));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, spec.print);
  }));
}

void register_action_command(CLI::App* parent, int& exit_code, ActionCommand spec) {
  auto& o = new_id_options();
  auto* cmd = add_id_command(parent, spec.name, spec.help, o, spec.id_help);
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    auto r = spec.record ? post_with_etag(api, spec.record(o.id), spec.noun, o.id, spec.path(o.id), json::object{})
                         : api.send({"POST", spec.path(o.id), {}, {}, {}});
    return r ? spec.done(*r, o.api.json) : kExitFailed;
  }));
}

std::optional<http::ClientResponse> post_with_etag(ApiSession& api, const std::string& record, std::string_view noun,
                                                   const std::string& id, const std::string& action, const json::object& body) {
  auto current = read_for_change(api, record, std::string(noun) + " " + id);
  if (!current) return std::nullopt;
  return send_json(api, "POST", action, body, current->etag);
}

void register_show_command(CLI::App* parent, int& exit_code, std::string name, std::string help, std::string path,
                           std::function<void(const json::object& document)> print) {
  register_get_command(parent, exit_code,
                       {std::move(name), std::move(help), "", [path = std::move(path)](const std::string&) { return path; },
                        std::move(print)});
}

void register_set_document_command(CLI::App* parent, int& exit_code, SetDocumentCommand spec) {
  static std::deque<ApiOptions> all_options;  // kept for the program's life, as CLI11 needs
  auto& o = all_options.emplace_back();
  auto* cmd = parent->add_subcommand("set", spec.help);
  o.add_to(cmd);
  spec.add_flags(cmd);
  cmd->callback(with_session(o, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    if (int rc = spec.check()) return rc;
    // The ETag read now makes the server refuse the change if someone else changes the document meanwhile.
    auto current = read_for_change(api, spec.path, spec.what);
    if (!current) return kExitFailed;
    auto doc = object_of(current->response);
    if (!doc) return kExitFailed;
    if (int rc = spec.edit(*doc)) return rc;
    auto r = send_json(api, "PUT", spec.path, *doc, current->etag);
    return r ? print_response(*r, o.json, spec.print) : kExitFailed;
  }));
}

void ListPaging::add_to(CLI::App* cmd, const std::string& limit_help, const std::string& all_help) {
  cmd->add_option("--limit", limit, limit_help)->check(CLI::Range(1, 500));
  cmd->add_flag("--all", all, all_help);
}

void ListPaging::apply(http::NameValues& query) const {
  if (limit > 0) query.emplace_back("limit", std::to_string(limit));
  else if (all) query.emplace_back("limit", "500");
}

void print_list_json(ListResult& l, bool all, ListTotal total) {
  if (!all) {
    print_body(std::cout, l.first_body);
    return;
  }
  json::object out{{"items", std::move(l.items)}};
  if (total == ListTotal::always || (total == ListTotal::if_known && l.total)) out["total"] = l.total.value_or(0);
  print_body(std::cout, json::serialize(out));
}

void print_list_summary(const ListResult& l, std::string_view noun) {
  std::cout << "\n" << l.items.size() << " of " << l.total.value_or(static_cast<std::int64_t>(l.items.size())) << " "
            << noun << (l.next ? " (more with --all)" : "") << "\n";
}

std::optional<CurrentRecord> read_for_change(ApiSession& api, const std::string& path, std::string_view what) {
  auto current = api.get(path);
  if (!current) return std::nullopt;
  auto etag = current->header("etag");
  if (!etag) {
    fail("the server sent no ETag for " + std::string(what) + "; nothing was changed.");
    return std::nullopt;
  }
  return CurrentRecord{std::move(*current), std::move(*etag)};
}

int check_expected_version(const http::ClientResponse& current, std::int64_t expected, std::string_view noun,
                           const std::string& id) {
  if (expected <= 0) return 0;
  auto record = object_of(current);
  if (!record) return kExitFailed;
  auto version = int_of(*record, "version").value_or(0);
  if (version == expected) return 0;
  return fail(std::string(noun) + " " + id + " is at version " + std::to_string(version) + ", not " + std::to_string(expected) +
              "; someone changed it. Nothing was changed.");
}

std::optional<http::ClientResponse> patch_record(ApiSession& api, const std::string& path, const std::string& id,
                                                 std::string_view noun, std::int64_t expected, const json::object& body,
                                                 json::object* before) {
  auto current = read_for_change(api, path, id);
  if (!current) return std::nullopt;
  if (before) {
    auto record = object_of(current->response);
    if (!record) return std::nullopt;
    *before = std::move(*record);
  }
  if (check_expected_version(current->response, expected, noun, id)) return std::nullopt;
  return send_json(api, "PATCH", path, body, current->etag);
}

void add_expect_version(CLI::App* cmd, std::int64_t& version, const std::string& help) {
  cmd->add_option("--expect-version", version, help)->check(CLI::PositiveNumber);
}

void register_update_command(CLI::App* parent, int& exit_code, UpdateCommand spec) {
  struct Options : IdOptions {
    std::int64_t expect_version = 0;
  };
  static std::deque<Options> all_options;  // kept for the program's life, as CLI11 needs
  auto& o = all_options.emplace_back();
  auto* cmd = add_id_command(parent, "update", spec.help, o, spec.id_help);
  spec.add_flags(cmd);
  add_expect_version(cmd, o.expect_version, spec.version_help);
  cmd->callback(with_session(o.api, exit_code, [&o, spec = std::move(spec)](ApiSession& api) {
    json::object body;
    if (int rc = spec.build(body)) return rc;
    if (body.empty()) return usage_error(spec.nothing);
    // The ETag read now makes the server refuse the change if someone else changes it meanwhile.
    json::object before;
    auto r = patch_record(api, spec.path(o.id), o.id, spec.noun, o.expect_version, body, &before);
    return r ? spec.done(*r, o.api.json, before) : kExitFailed;
  }));
}

std::optional<http::ClientResponse> send_json(ApiSession& api, std::string method, std::string path,
                                              const json::object& body, std::string_view etag) {
  http::NameValues headers;
  if (!etag.empty()) headers.emplace_back("If-Match", std::string(etag));
  return api.send({std::move(method), std::move(path), std::move(headers), "application/json", json::serialize(body)});
}

void FieldOptions::add_to(CLI::App* cmd, const std::string& field_help) {
  cmd->add_option("--field", fields, field_help)->allow_extra_args(false);
  cmd->add_option("--file", file, "JSON object of fields ('-' for standard input)");
}

int FieldOptions::build(json::object& body, std::string_view what, std::string_view example, FieldSetter set) const {
  if (!file.empty())
    if (int rc = read_json_object(file, std::string(what) + " fields", body)) return rc;
  for (const auto& f : fields) {
    auto eq = f.find('=');
    if (eq == std::string::npos || text::trim(f.substr(0, eq)).empty())
      return usage_error("--field takes KEY=VALUE, e.g. --field " + std::string(example) + "; got '" + f + "'.");
    if (auto err = set(body, text::trim(f.substr(0, eq)), std::string_view(f).substr(eq + 1))) return usage_error(*err);
  }
  return 0;
}

std::optional<std::string> read_text_input(const std::string& path) {
  std::ostringstream s;
  if (path == "-") {
    s << std::cin.rdbuf();
    return s.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot read " + path + ": " + std::strerror(errno));
    return std::nullopt;
  }
  s << in.rdbuf();
  return s.str();
}

int read_json_object(const std::string& file, std::string_view what, json::object& body) {
  auto content = read_text_input(file);
  if (!content) return kExitFailed;
  json::error_code ec;
  auto v = json::parse(*content, ec);
  if (ec || !v.is_object()) return usage_error(file + " must hold one JSON object of " + std::string(what) + ".");
  body = std::move(v.get_object());
  return 0;
}

}  // namespace aims::cli
