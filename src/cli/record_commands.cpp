// API client commands of every field-driven record kind of the registry: aims <cli>
// list|get|create|update|history|archive|restore, with one option per field (--title,
// --review-date, a repeated --system-id for a refs field …) and one per list filter. They talk to
// a running server with an API token (see api_session.hpp) and print text, or the server's JSON
// with --json. The option values live in per-command state made once at start-up; not thread-safe.
#include <charconv>
#include <deque>
#include <iostream>
#include <memory>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "domain/kinds/registry.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using records::KindSpec;

/// "review_date" → "review-date"; a refs field "system_ids" → "system-id" (repeated).
std::string option_name(const FieldSpec& f) {
  std::string n = f.name;
  if (f.type == FieldType::refs && n.size() > 1 && n.back() == 's') n.pop_back();
  for (auto& c : n)
    if (c == '_') c = '-';
  return "--" + n;
}

std::string record_path(const KindSpec& k, const std::string& id = {}, std::string_view suffix = {}) {
  std::string p = "/api/v1/" + k.path;
  if (!id.empty()) p += "/" + http::encode_segment(id);
  return p + std::string(suffix);
}

/// The values of one command's field options; `set` tells which were given.
struct FieldValues {
  std::deque<std::string> text;                     // one per field (refs: unused)
  std::deque<std::vector<std::string>> lists;       // one per field (refs only)
  std::vector<CLI::Option*> options;                // one per field
  std::vector<std::string> clear;                   // --clear FIELD

  void add_to(CLI::App* cmd, const KindSpec& k) {
    for (const auto& f : k.fields) {
      text.emplace_back();
      lists.emplace_back();
      std::string help = f.label + ": " + f.help;
      if (f.type == FieldType::enumeration) {
        help += " (";
        for (std::size_t i = 0; i < f.values.size(); ++i) help += (i ? ", " : "") + f.values[i].value;
        help += ")";
      }
      if (f.type == FieldType::date) help += " (YYYY-MM-DD)";
      options.push_back(f.type == FieldType::refs ? cmd->add_option(option_name(f), lists.back(), help + " (repeatable)")
                                                  : cmd->add_option(option_name(f), text.back(), help));
    }
    cmd->add_option("--clear", clear, "A field to empty (repeatable), e.g. --clear review_date");
  }

  /// The JSON body of the options given; a usage error message otherwise.
  std::optional<std::string> body(const KindSpec& k, json::object& out) const {
    for (std::size_t i = 0; i < k.fields.size(); ++i) {
      const auto& f = k.fields[i];
      if (options[i]->count() == 0) continue;
      const auto& v = text[i];
      switch (f.type) {
        case FieldType::refs: {
          json::array a;
          for (const auto& s : lists[i]) a.emplace_back(s);
          out[f.name] = std::move(a);
          break;
        }
        case FieldType::integer: {
          std::int64_t n = 0;
          auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
          if (ec != std::errc() || p != v.data() + v.size()) return option_name(f) + " must be a whole number.";
          out[f.name] = n;
          break;
        }
        case FieldType::boolean:
          if (v != "true" && v != "false") return option_name(f) + " must be true or false.";
          out[f.name] = v == "true";
          break;
        default: out[f.name] = v;
      }
    }
    for (const auto& name : clear) {
      if (!records::field_named(k.fields, name)) return "--clear " + name + ": the " + k.noun + " has no such field.";
      out[name] = nullptr;
    }
    return std::nullopt;
  }
};

void print_record(const KindSpec& k, const json::object& r) {
  std::vector<std::pair<std::string, std::string>> rows{{"id", string_of(r, "id")}};
  for (const auto& f : k.fields) rows.emplace_back(f.label, r.contains(f.name) ? display(r.at(f.name)) : "");
  rows.emplace_back("archived", r.contains("archived") ? display(r.at("archived")) : "");
  rows.emplace_back("version", std::to_string(int_of(r, "version").value_or(0)));
  rows.emplace_back("updated", string_of(r, "updated_at") + " by " + string_of(r, "updated_by"));
  print_fields(std::cout, rows);
}

int print_done(const KindSpec& k, const http::ClientResponse& r, bool as_json, std::string_view what) {
  return print_response(r, as_json, [&](const json::object& o) {
    std::cout << what << " " << k.noun << " " << string_of(o, "id") << ": " << string_of(o, "title") << " (version "
              << int_of(o, "version").value_or(0) << ")\n";
  });
}

/// GET of the record for its ETag, then `request` with If-Match (and the version check).
int send_if_match(ApiSession& api, const KindSpec& k, const std::string& id, std::int64_t expect_version,
                  http::ClientRequest request, bool as_json, std::string_view what) {
  auto current = read_for_change(api, record_path(k, id), id);
  if (!current || check_expected_version(current->response, expect_version, k.noun, id)) return kExitFailed;
  request.headers.emplace_back("If-Match", current->etag);
  auto r = api.send(request);
  return r ? print_done(k, *r, as_json, what) : kExitFailed;
}

/// The list's filter options: one per filter of the kind, then --q (if it has a text search), --sort,
/// --cursor and --archived.
std::vector<ListFilter> list_filters(const KindSpec& k) {
  std::vector<ListFilter> out;
  for (const auto& f : k.filters) {
    const auto* field = records::field_named(k.fields, f.name);
    std::string n = f.name;
    for (auto& c : n)
      if (c == '_') c = '-';
    out.push_back({"--" + n, f.name, "Only records with this " + (field ? field->label : f.name), f.values});
  }
  if (k.text_search) out.push_back({"--q", "q", "Search the text of the records"});
  std::string sorts;
  for (const auto& so : k.sorts) sorts += (sorts.empty() ? "" : ", ") + so.name;
  out.push_back({"--sort", "sort", sorts + " (a leading - descends)"});
  out.push_back({"--cursor", "cursor", "The next page (the cursor a --json list printed)"});
  out.push_back({"--archived", "archived", "false (default), true or all", {"false", "true", "all"}});
  return out;
}

/// The records of a list as a table of the kind's columns, or why there are none.
void print_records(const KindSpec& k, const ListResult& l, const http::NameValues& filters) {
  if (l.items.empty()) {
    std::cout << "No " << k.noun << " records"
              << (filters.empty() ? " yet; create one with 'aims " + k.cli + " create'." : " match these filters.") << "\n";
    return;
  }
  std::vector<std::string> headers{"id"};
  for (const auto& f : k.fields)
    if (f.column) headers.push_back(f.name);
  Table t(headers);
  t.set_max_width(1, 44);
  for (const auto& r : objects_in(l.items)) {
    std::vector<std::string> row{string_of(r, "id")};
    for (const auto& f : k.fields)
      if (f.column) row.push_back(r.contains(f.name) ? display(r.at(f.name)) : "");
    t.add_row(std::move(row));
  }
  t.print(std::cout);
  print_list_summary(l, k.noun + " records");
}

/// The state of one kind's commands (CLI11 keeps pointers into it).
struct KindCommands {
  const KindSpec* k;
  ApiOptions get_api, create_api, update_api, history_api, archive_api, restore_api;
  std::string get_id, update_id, history_id, history_cursor, archive_id, restore_id;
  int history_limit = 0;
  std::int64_t expect_version = 0, archive_version = 0, restore_version = 0;
  FieldValues create_values, update_values;
};

void register_kind(CLI::App& app, KindCommands& s, int& exit_code) {
  const KindSpec& k = *s.k;
  auto* top = app.add_subcommand(k.cli, k.plural + " (clause " + k.clause + ", API client)")->require_subcommand(1);

  register_list_command(top, exit_code,
                        {"List " + k.plural + " with their columns", record_path(k), "Records per page, 1 to 500 (server default 50)",
                         list_filters(k),
                         [&k](const ListResult& l, const http::NameValues& filters) { print_records(k, l, filters); },
                         ListTotal::always});

  auto* get = top->add_subcommand("get", "Show one " + k.noun);
  s.get_api.add_to(get);
  get->add_option("id", s.get_id, "The id, e.g. " + k.prefix + "3")->required();
  get->callback(with_session(s.get_api, exit_code, [&s](ApiSession& api) {
    auto r = api.get(record_path(*s.k, s.get_id));
    if (!r) return kExitFailed;
    return print_response(*r, s.get_api.json, [&](const json::object& o) { print_record(*s.k, o); });
  }));

  auto* create = top->add_subcommand("create", "Create a " + k.noun + " from the field options");
  s.create_api.add_to(create);
  s.create_values.add_to(create, k);
  create->callback(with_session(s.create_api, exit_code, [&s](ApiSession& api) {
    json::object body;
    if (auto err = s.create_values.body(*s.k, body)) return usage_error(*err);
    auto r = api.send({"POST", record_path(*s.k), {}, "application/json", json::serialize(body)});
    return r ? print_done(*s.k, *r, s.create_api.json, "Created") : kExitFailed;
  }));

  auto* update = top->add_subcommand("update", "Change fields of a " + k.noun + " (only the options given)");
  s.update_api.add_to(update);
  update->add_option("id", s.update_id, "The id, e.g. " + k.prefix + "3")->required();
  s.update_values.add_to(update, k);
  update->add_option("--expect-version", s.expect_version, "Change nothing unless the record is still at this version")
      ->check(CLI::PositiveNumber);
  update->callback(with_session(s.update_api, exit_code, [&s](ApiSession& api) {
    json::object body;
    if (auto err = s.update_values.body(*s.k, body)) return usage_error(*err);
    if (body.empty()) return usage_error("nothing to change: give a field option or --clear FIELD.");
    return send_if_match(api, *s.k, s.update_id, s.expect_version,
                         {"PATCH", record_path(*s.k, s.update_id), {}, "application/json", json::serialize(body)},
                         s.update_api.json, "Updated");
  }));

  auto* history = top->add_subcommand("history", "Who changed what and when, newest first");
  s.history_api.add_to(history);
  history->add_option("id", s.history_id, "The id, e.g. " + k.prefix + "3")->required();
  history->add_option("--limit", s.history_limit, "Entries per page, 1 to 500")->check(CLI::Range(1, 500));
  history->add_option("--cursor", s.history_cursor, "The next page (the cursor a --json history printed)");
  history->callback(with_session(s.history_api, exit_code, [&s](ApiSession& api) {
    http::NameValues q;
    if (s.history_limit > 0) q.emplace_back("limit", std::to_string(s.history_limit));
    if (!s.history_cursor.empty()) q.emplace_back("cursor", s.history_cursor);
    auto r = api.get(http::make_target(record_path(*s.k, s.history_id, "/history"), q));
    if (!r) return kExitFailed;
    return print_response(*r, s.history_api.json, [](const json::object& o) {
      Table t({"version", "at", "actor", "operation", "changes", "audit entry"});
      t.set_max_width(4, 60);
      if (auto items = o.if_contains("items"); items && items->is_array())
        for (const auto& v : items->as_array()) {
          if (!v.is_object()) continue;
          const auto& h = v.as_object();
          std::string fields;
          if (auto c = h.if_contains("changes"); c && c->is_array())
            for (const auto& ch : c->as_array())
              if (ch.is_object()) fields += (fields.empty() ? "" : ", ") + string_of(ch.as_object(), "field");
          auto seq = h.if_contains("audit_seq");
          t.add_row({std::to_string(int_of(h, "version").value_or(0)), string_of(h, "at"), string_of(h, "actor"),
                     string_of(h, "operation"), fields, seq && seq->is_int64() ? std::to_string(seq->as_int64()) : ""});
        }
      t.print(std::cout);
    });
  }));

  for (bool archive : {true, false}) {
    auto* cmd = top->add_subcommand(archive ? "archive" : "restore",
                                    archive ? "Archive a " + k.noun + " (kept, left out of lists, read-only)"
                                            : "Restore an archived " + k.noun);
    auto& api_opts = archive ? s.archive_api : s.restore_api;
    auto& id = archive ? s.archive_id : s.restore_id;
    auto& version = archive ? s.archive_version : s.restore_version;
    api_opts.add_to(cmd);
    cmd->add_option("id", id, "The id, e.g. " + k.prefix + "3")->required();
    cmd->add_option("--expect-version", version, "Change nothing unless the record is still at this version")
        ->check(CLI::PositiveNumber);
    cmd->callback(with_session(api_opts, exit_code, [&s, &api_opts, &id, &version, archive](ApiSession& api) {
      return send_if_match(api, *s.k, id, version, {"POST", record_path(*s.k, id, archive ? "/archive" : "/restore")},
                           api_opts.json, archive ? "Archived" : "Restored");
    }));
  }
}

}  // namespace

void register_record_commands(CLI::App& app, int& exit_code) {
  static std::deque<KindCommands> state;  // lives as long as the parsed command line
  for (const auto* k : kinds::generic_kinds()) {
    state.push_back(KindCommands{k});
    register_kind(app, state.back(), exit_code);
  }
}

}  // namespace aims::cli
