// API client commands for people and pipelines: aims me, aims systems list|get|create|update|
// archive|restore|history|import|export|overview, aims catalog list|show. They talk to a running server
// with an API token (see api_session.hpp) and print text, or the server's JSON with --json.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/history_command.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"
#include "core/text.hpp"
#include "domain/inventory/system_fields.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

const std::string kSystems = "/api/v1/systems";
const RecordPath system_path{kSystems};

/// Sets one `KEY=VALUE` of --field in `body`, typed as the API expects: list fields split on ';',
/// booleans true/false, everything else text. Unknown keys are sent as text for the server to judge.
std::optional<std::string> set_field_client(json::object& body, const std::string& key, std::string_view value) {
  const auto* f = inventory::find_field(key);
  if (f && f->type == inventory::FieldType::list) {
    json::array items;
    for (auto& item : text::split_list(value, ';')) items.emplace_back(item);
    body[key] = std::move(items);
  } else if (f && f->type == inventory::FieldType::boolean) {
    auto b = text::lower(text::trim(value));
    if (b != "true" && b != "false") return "--field " + key + " must be true or false.";
    body[key] = b == "true";
  } else {
    body[key] = value;
  }
  return std::nullopt;
}

/// --field and --file of systems create and update.
struct SystemFields : FieldOptions {
  void add_to(CLI::App* cmd) { FieldOptions::add_to(cmd, "KEY=VALUE of a field (repeatable); lists as a;b;c, booleans true/false"); }
  int build(json::object& body) const { return FieldOptions::build(body, "AI system", "owner=Risk", set_field_client); }
};

/// List filters of the systems list and export.
const std::vector<ListFilter> kSystemFilters{
    {"--q", "q", "Search name, purpose, owner, model type and tags"},
    {"--status", "status", "planned, active, suspended or retired"},
    {"--stage", "lifecycle_stage", "Life-cycle stage, e.g. design_and_development or deployment"},
    {"--class", "eu_ai_act_class",
     "EU AI Act class: unclassified, prohibited, high_risk, gpai_systemic, gpai_model, high_risk_exempt, transparency, minimal"},
    {"--role", "organization_role", "The organization's AI role, e.g. provider or deployer"},
    {"--archived", "archived", "false (default) hides archived systems, true shows only them, all both", {"false", "true", "all"}},
    {"--sort", "sort", "Sort key, e.g. name, -updated_at, eu_ai_act_class (leading - for descending)"}};

std::string membership_text(const json::value& v) {
  if (!v.is_object()) return "";
  const auto& m = v.get_object();
  return string_of(m, "name") + " (" + string_of(m, "id") + "), role " + string_of(m, "role");
}

void register_me(CLI::App& app, int& exit_code) {
  static ApiOptions o;
  auto* cmd = app.add_subcommand("me", "Show whose API token this is and the organization it acts on");
  o.add_to(cmd);
  cmd->callback(with_session(o, exit_code, [](ApiSession& api) {
    auto r = api.get("/api/v1/me");
    if (!r) return kExitFailed;
    return print_response(*r, o.json, [](const json::object& me) {
      const auto& u = object_at(me, "user");
      std::string user = u.empty() ? "" : string_of(u, "name") + " <" + string_of(u, "email") + ">";
      std::string orgs;
      for (const auto& m : array_at(me, "organizations")) orgs += (orgs.empty() ? "" : "\n") + membership_text(m);
      auto org = me.if_contains("organization");
      print_fields(std::cout, {{"user", user}, {"organization", org ? membership_text(*org) : ""}, {"member of", orgs}});
    });
  }));
}

// ---- aims systems ----

/// "in", "out: REASON" or "unplaced", then "(AIMS scope version N, STATUS)" or "(no AIMS scope yet)".
std::string scope_membership_text(const json::object& m) {
  auto placement = string_of(m, "placement");
  auto reason = string_of(m, "reason");
  auto version = int_of(m, "scope_version").value_or(0);
  std::string s = placement + (reason.empty() ? "" : ": " + reason);
  if (version == 0) return s + " (no AIMS scope yet)";
  return s + " (AIMS scope version " + std::to_string(version) + ", " + string_of(m, "scope_status") + ")";
}

void print_system_table(const json::array& items) {
  Table t({"id", "name", "lifecycle_stage", "eu_ai_act_class", "status", "owner"});
  t.set_max_width(1, 48);
  t.set_max_width(5, 32);
  for (const auto& s : objects_in(items)) {
    t.add_row({string_of(s, "id"), string_of(s, "name"), string_of(s, "lifecycle_stage"), string_of(s, "eu_ai_act_class"),
               string_of(s, "status"), string_of(s, "owner")});
  }
  t.print(std::cout);
}

/// "Created sys_…: NAME (version N)" from a system in a response body.
int print_system_done(const http::ClientResponse& r, bool as_json, std::string_view what) {
  if (as_json) {
    print_body(std::cout, r.body);
    return 0;
  }
  auto s = object_of(r);
  if (!s) return kExitFailed;
  std::cout << what << " " << string_of(*s, "id") << ": " << string_of(*s, "name") << " (version "
            << int_of(*s, "version").value_or(0) << ")\n";
  return 0;
}

void register_systems_list(CLI::App* systems, int& exit_code) {
  register_list_command(systems, exit_code,
                        {"List AI systems: id, name, stage, EU AI Act class, status, owner", kSystems,
                         "Systems per page, 1 to 500 (server default 50)", kSystemFilters,
                         [](const ListResult& l, const NameValues&) {
                           print_system_table(l.items);
                           print_list_summary(l, "AI systems");
                         },
                         ListTotal::if_known});
}

void register_systems_get(CLI::App* systems, int& exit_code) {
  register_get_command(systems, exit_code,
                       {"get", "Show one AI system with all its fields", "The system's id (sys_…)",
                        system_path,
                        [](const json::object& s) {
                          std::vector<std::pair<std::string, std::string>> fields;
                          for (const auto& kv : s) fields.emplace_back(std::string(kv.key()), display(kv.value()));
                          // scope: the membership the server derives from the AIMS scope record.
                          if (auto m = s.if_contains("scope"); m && m->is_object())
                            for (auto& [key, value] : fields)
                              if (key == "scope") value = scope_membership_text(m->as_object());
                          print_fields(std::cout, fields);
                        }});
}

void register_systems_overview(CLI::App* systems, int& exit_code) {
  register_get_command(systems, exit_code,
                       {"overview", "Show everything about one AI system, and what is missing for it",
                        "The system's id (sys_…)", [](const std::string& id) { return system_path(id) + "/overview"; },
                        [](const json::object& o) {
                          auto total = [&](std::string_view part) { return display(o.at(part).as_object().at("total")); };
                          print_fields(std::cout, {{"class", display(o.at("classification").at("class"))},
                                                   {"roles", display(o.at("classification").at("roles"))},
                                                   {"obligations", display(o.at("classification").at("obligations").at("total"))},
                                                   {"risks", total("risks")},
                                                   {"impact assessments", total("impact_assessments")},
                                                   {"objectives", total("objectives")},
                                                   {"evidence", total("evidence")}});
                          const auto& missing = o.at("missing").as_array();
                          std::cout << (missing.empty() ? "Nothing missing.\n" : "Missing:\n");
                          for (const auto& m : missing) std::cout << "  " << display(m.at("sentence")) << "\n";
                        }});
}

void register_systems_create(CLI::App* systems, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string name, purpose;
    SystemFields fields;
    CLI::Option* name_opt = nullptr;
    CLI::Option* purpose_opt = nullptr;
  } o;
  auto* cmd = systems->add_subcommand("create", "Register an AI system (--name and --purpose, or --file)");
  o.api.add_to(cmd);
  o.name_opt = cmd->add_option("--name", o.name, "Name of the AI system");
  o.purpose_opt = cmd->add_option("--purpose", o.purpose, "What the system is for");
  o.fields.add_to(cmd);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (int rc = o.fields.build(body)) return rc;
    if (o.name_opt->count()) body["name"] = o.name;
    if (o.purpose_opt->count()) body["purpose"] = o.purpose;
    if (body.empty()) return usage_error("give --name and --purpose (and any --field KEY=VALUE), or --file FILE.json.");
    auto r = send_json(api, "POST", kSystems, body);
    return r ? print_system_done(*r, o.api.json, "Created") : kExitFailed;
  }));
}

void register_systems_update(CLI::App* systems, int& exit_code) {
  static SystemFields fields;
  register_update_command(systems, exit_code, fields,
                          {"Change fields of an AI system (--field KEY=VALUE ... or --file)", "The system's id (sys_…)",
                           "Change nothing unless the system is still at this version (from 'systems get')", "AI system",
                           "nothing to change: give --field KEY=VALUE or --file FILE.json.",
                           system_path,
                           [](const http::ClientResponse& r, bool as_json, const json::object&) {
                             return print_system_done(r, as_json, "Updated");
                           }});
}

void register_systems_archive(CLI::App* systems, int& exit_code) {
  static struct : IdOptions {
    bool yes = false;
  } o;
  auto* cmd = add_id_command(systems, "archive", "Archive an AI system (it is kept, and can be restored)", o,
                             "The system's id (sys_…)");
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (!o.yes && isatty(STDIN_FILENO)) {
      auto s = api.get_object(system_path(o.id));
      if (!s) return kExitFailed;
      if (!confirm("Archive " + string_of(*s, "name") + "?")) return fail("not archived.");
    }
    auto r = api.send({"POST", system_path(o.id, "/archive"), {}, {}, {}});
    return r ? print_system_done(*r, o.api.json, "Archived") : kExitFailed;
  }));
}

void register_systems_restore(CLI::App* systems, int& exit_code) {
  register_action_command(systems, exit_code,
                          {"restore", "Bring an archived AI system back", "The system's id (sys_…)",
                           [](const std::string& id) { return system_path(id, "/restore"); },
                           [](const http::ClientResponse& r, bool as_json) { return print_system_done(r, as_json, "Restored"); }});
}

void register_systems_history(CLI::App* systems, int& exit_code) {
  register_history_command(systems, exit_code,
                           {"Who changed what and when, newest first", "The system's id (sys_…)",
                            [](const std::string& id) { return system_path(id, "/history"); },
                            [](const json::array& items) { print_change_history(items); }});
}

void register_systems_import(CLI::App* systems, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string file;
    bool dry_run = false;
  } o;
  auto* cmd = systems->add_subcommand("import", "Import AI systems from CSV, all rows or none (rows with an id update)");
  o.api.add_to(cmd);
  cmd->add_option("file", o.file, "The CSV file ('-' for standard input)")->required();
  cmd->add_flag("--dry-run", o.dry_run, "Check the file and report what would change, storing nothing");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto csv = read_text_input(o.file);
    if (!csv) return kExitFailed;
    NameValues q;
    if (o.dry_run) q.emplace_back("dry_run", "true");
    auto r = api.send({"POST", http::make_target(kSystems + "/import", q), {}, "text/csv", std::move(*csv)});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& res) {
      auto created = int_of(res, "created").value_or(0), updated = int_of(res, "updated").value_or(0);
      if (o.dry_run)
        std::cout << "Dry run of " << o.file << ": " << created << " would be created, " << updated
                  << " updated; nothing was stored.\n";
      else
        std::cout << "Imported " << o.file << ": " << created << " created, " << updated << " updated.\n";
      for (const auto& w : array_at(res, "warnings"))
        if (w.is_object()) std::cout << "Warning: column " << string_of(w.as_object(), "field") << " " << string_of(w.as_object(), "message") << "\n";
    });
  }));
}

void register_systems_export(CLI::App* systems, int& exit_code) {
  static struct {
    ApiOptions api;
    QueryOptions filters;
    std::string output;
  } o;
  auto* cmd = systems->add_subcommand("export", "Export AI systems as CSV (the columns 'systems import' reads)");
  o.api.add_to(cmd, false);
  o.filters.add_to(cmd, kSystemFilters);
  cmd->add_option("-o,--output", o.output, "Write the CSV to this file (default: standard output)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(http::make_target(kSystems + "/export", o.filters.query()));
    if (!r) return kExitFailed;
    if (o.output.empty() || o.output == "-") {
      std::cout << r->body << std::flush;
      return 0;
    }
    if (!write_file(o.output, r->body)) return kExitFailed;
    std::cout << "Exported AI systems to " << o.output << "\n";
    return 0;
  }));
}

// ---- aims catalog ----

std::string items_path(const std::string& framework) {
  return "/api/v1/catalog/frameworks/" + http::encode_segment(framework) + "/items";
}

void register_catalog_list(CLI::App* catalog, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string framework = "iso42001", kind, q, parent;
  } o;
  auto* cmd = catalog->add_subcommand("list", "List the items of a framework in document order");
  o.api.add_to(cmd);
  cmd->add_option("--framework", o.framework, "iso42001 or iso22989")->capture_default_str();
  cmd->add_option("--kind", o.kind, "clause, annex_a_area, control_objective, control, ai_objective, risk_source, ...");
  cmd->add_option("--q", o.q, "Search id, title and guidance");
  cmd->add_option("--parent", o.parent, "Only the direct children of this item, e.g. A.6");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q{{"limit", "500"}};
    if (!o.kind.empty()) q.emplace_back("kind", o.kind);
    if (!o.q.empty()) q.emplace_back("q", o.q);
    if (!o.parent.empty()) q.emplace_back("parent", o.parent);
    auto l = api.list(items_path(o.framework), q, true);
    if (!l) return kExitFailed;
    if (o.api.json) {
      auto n = static_cast<std::int64_t>(l->items.size());
      print_body(std::cout, json::serialize(json::object{{"items", std::move(l->items)}, {"total", n}}));
      return 0;
    }
    Table t({"id", "kind", "title"});
    t.set_max_width(2, 80);
    for (const auto& v : l->items)
      if (v.is_object())
        t.add_row({string_of(v.get_object(), "id"), string_of(v.get_object(), "kind"), string_of(v.get_object(), "title")});
    t.print(std::cout);
    std::cout << "\n" << l->items.size() << " items in " << o.framework << "\n";
    return 0;
  }));
}

/// A heading and, under it, a text or a bulleted list; nothing if empty.
void print_section(const char* heading, const json::value* v) {
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty()) || (v->is_array() && v->get_array().empty()))
    return;
  std::cout << "\n" << heading << "\n";
  if (v->is_array()) {
    for (const auto& item : v->get_array()) print_wrapped(std::cout, display(item), 2, "- ");
  } else {
    print_wrapped(std::cout, display(*v), 2);
  }
}

void print_catalog_item(const json::object& item) {
  std::cout << string_of(item, "id") << "  " << string_of(item, "title") << "\n";
  std::vector<std::pair<std::string, std::string>> facts{{"kind", string_of(item, "kind")}};
  if (auto p = string_of(item, "parent"); !p.empty()) facts.emplace_back("parent", p);
  if (auto d = string_of(item, "documented_information"); !d.empty() && d != "-")
    facts.emplace_back("documented information", d == "M" ? "maintain" : d == "R" ? "retain" : "maintain and retain");
  std::cout << "\n";
  print_fields(std::cout, facts);
  print_section("Summary", item.if_contains("summary"));
  print_section("Objective", item.if_contains("objective"));
  print_section("Evidence", item.if_contains("evidence"));
  print_section("Questions", item.if_contains("questions"));
  print_section("Suggested action", item.if_contains("suggested_action"));
  if (auto c = item.if_contains("children"); c && c->is_array() && !c->get_array().empty()) {
    std::string list;
    for (const auto& child : c->get_array()) list += (list.empty() ? "" : ", ") + display(child);
    json::value joined(list);
    print_section("Children", &joined);
  }
}

void register_catalog_show(CLI::App* catalog, int& exit_code) {
  static struct : IdOptions {
    std::string framework = "iso42001";
  } o;
  auto* cmd = add_id_command(catalog, "show", "Show a catalog item: guidance, evidence, questions, suggested action",
                             o, "The item id as in the standard, e.g. A.6.2.4 or 6.1.3", true, "item_id");
  cmd->add_option("--framework", o.framework, "iso42001 or iso22989")->capture_default_str();
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(items_path(o.framework) + "/" + http::encode_segment(o.id));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, print_catalog_item);
  }));
}

}  // namespace

void register_client_commands(CLI::App& app, int& exit_code) {
  register_me(app, exit_code);

  add_command_group(app, "systems", "The AI system inventory (API client)", exit_code,
                    {register_systems_list, register_systems_get, register_systems_create, register_systems_update,
                     register_systems_archive, register_systems_restore, register_systems_history, register_systems_import,
                     register_systems_export, register_systems_overview});
  add_command_group(app, "catalog", "Standards in the catalog: clauses and Annex A controls (API client)", exit_code,
                    {register_catalog_list, register_catalog_show});

  register_password_commands(app, exit_code);
}

}  // namespace aims::cli
