// aims init | org create | org remove-member | user add | org rename (through the API) (user reset-password|deactivate|reactivate:
// user_commands.cpp): administration on a data directory
// aims token create|list|revoke: on the data directory with --data (for any user, by --email), else
// through the API with the caller's own token.
#include <filesystem>
#include <functional>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "cli/output.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "cli/audit_key.hpp"
#include "core/text.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/accounts/token_service.hpp"
#include "store/store.hpp"

namespace aims::cli {
namespace fs = std::filesystem;

namespace {

/// aims token create|list|revoke (see the file comment).
void register_token_commands(CLI::App& app, int& exit_code) {
  static DataOpts d;
  static ApiOptions api;
  static std::string email, name, scope = "write", id;
  static int days = 90;
  static bool never = false;
  auto* token = app.add_subcommand("token", "API tokens: with --data on the server for any user, else your own through the API")
                    ->require_subcommand(1);
  auto data_mode = [](CLI::App* cmd) {
    cmd->add_option("--data", d.data, "Data directory: administer tokens on the server (no AIMS_DATA here)");
    cmd->add_option("--database", d.database, "Database: empty for <data>/aims.db, or a postgresql:// URL");
    cmd->add_option("--email", email, "With --data: the user's email");
    api.add_to(cmd);
  };
  auto on_server = [](CLI::App* cmd) { return cmd->get_option("--data")->count() > 0; };
  auto need_email = [](int& code) {
    if (!email.empty()) return true;
    code = usage_error("--email is required with --data.");
    return false;
  };
  // The server side of a subcommand: the token service over the store of --data.
  auto with_tokens = [](int& code, const std::function<void(accounts::TokenService&, const Clock&)>& fn) {
    auto st = open_data(d, false);
    if (!st) { code = 1; return; }
    SystemClock clock;
    RandomIds ids;
    accounts::TokenService tokens(*st, clock, ids);
    fn(tokens, clock);
  };
  auto print_tokens = [](const boost::json::array& items) {
    Table t({"id", "name", "scope", "user", "expires_at", "last_used_at"});
    for (const auto& v : items) {
      const auto& o = v.as_object();
      std::string user = o.contains("user") ? string_of(o.at("user").as_object(), "email") : "";
      auto when = [&](const char* k) { return o.at(k).is_null() ? std::string("never") : string_of(o, k); };
      t.add_row({string_of(o, "id"), string_of(o, "name"), string_of(o, "scope"), user,
                 when("expires_at") + (o.at("expired").as_bool() ? " (expired)" : ""),
                 o.at("last_used_at").is_null() ? "-" : string_of(o, "last_used_at")});
    }
    t.print(std::cout);
  };

  auto* create = token->add_subcommand("create", "Create an API token and print it (shown once)");
  data_mode(create);
  create->add_option("--name", name, "What the token is for")->required();
  create->add_option("--scope", scope, "read (safe requests only) or write")->capture_default_str();
  create->add_option("--expires-days", days, "Days until it expires (1 to 3650)")->capture_default_str();
  create->add_flag("--never", never, "Never expires (admins only)");
  create->callback([create, on_server, need_email, with_tokens, &exit_code] {
    if (on_server(create)) {
      if (!need_email(exit_code)) return;
      with_tokens(exit_code, [&](accounts::TokenService& tokens, const Clock&) {
        auto r = tokens.create_for(email, {name, scope, never ? std::nullopt : std::optional<int>(days)});
        if (!r) { exit_code = report(r.error()); return; }
        std::cout << r->token << "\n";
      });
      return;
    }
    with_session(api, exit_code, [](ApiSession& s) {
      boost::json::object body{{"name", name}, {"scope", scope}};
      body["expires_in_days"] = never ? boost::json::value(nullptr) : boost::json::value(days);
      auto r = s.send({"POST", "/api/v1/tokens", {}, "application/json", boost::json::serialize(body)});
      if (!r) return kExitFailed;
      if (api.json) { print_body(std::cout, r->body); return 0; }
      auto o = object_of(*r);
      if (!o) return kExitFailed;
      std::cout << string_of(*o, "token") << "\n";
      return 0;
    })();
  });

  auto* list = token->add_subcommand("list", "List API tokens: a user's (--data), or yours (an admin's: the organization's)");
  data_mode(list);
  list->callback([list, on_server, need_email, print_tokens, with_tokens, &exit_code] {
    if (on_server(list)) {
      if (!need_email(exit_code)) return;
      with_tokens(exit_code, [&](accounts::TokenService& tokens, const Clock& clock) {
        auto r = tokens.list_for(email);
        if (!r) { exit_code = report(r.error()); return; }
        boost::json::array items;
        for (const auto& t : *r) items.push_back(accounts::TokenService::token_json(t, clock.now()));
        if (api.json) std::cout << boost::json::serialize(boost::json::object{{"items", items}}) << "\n";
        else print_tokens(items);
      });
      return;
    }
    with_session(api, exit_code, [print_tokens](ApiSession& s) {
      auto r = s.get("/api/v1/tokens");
      if (!r) return kExitFailed;
      if (api.json) { print_body(std::cout, r->body); return 0; }
      auto o = object_of(*r);
      if (!o || !o->contains("items") || !o->at("items").is_array()) return kExitFailed;
      print_tokens(o->at("items").as_array());
      return 0;
    })();
  });

  auto* revoke = token->add_subcommand("revoke", "Revoke an API token by its id (tok_…): it stops working at once");
  data_mode(revoke);
  revoke->add_option("id", id, "The token's id")->required();
  revoke->callback([revoke, on_server, with_tokens, &exit_code] {
    if (on_server(revoke)) {
      with_tokens(exit_code, [&](accounts::TokenService& tokens, const Clock&) {
        if (auto r = tokens.revoke_by_id(id); !r) { exit_code = report(r.error()); return; }
        std::cout << "Revoked " << id << "\n";
      });
      return;
    }
    with_session(api, exit_code, [](ApiSession& s) {
      if (!s.send({"DELETE", "/api/v1/tokens/" + http::encode_segment(id), {}, {}, {}})) return kExitFailed;
      std::cout << "Revoked " << id << "\n";
      return 0;
    })();
  });
}

/// Adds `email` to an organization on the data directory of `d`: `fn` gets the administration service
/// and the password read for `email` (ignored if the user exists); its result is the exit code.
void with_admin(const DataOpts& d, const std::string& email, int& exit_code,
                const std::function<int(accounts::AdminService&, const std::string& password)>& fn) {
  auto st = open_data(d, false);
  if (!st) { exit_code = 1; return; }
  auto pw = read_password("Password for " + email + " (ignored if the user exists): ");
  SystemClock clock;
  RandomIds ids;
  accounts::AdminService admin(*st, clock, ids);
  exit_code = fn(admin, pw);
}

}  // namespace

void register_admin_commands(CLI::App& app, int& exit_code) {
  static DataOpts d_init, d_org, d_user, d_rm;
  static std::string org, email, role = "viewer", name;

  auto* init = app.add_subcommand("init", "Create the first organization and its admin (password on standard input)");
  add_data_option(init, d_init);
  init->add_option("--org", org, "Organization name")->required();
  init->add_option("--admin-email", email, "Admin's email")->required();
  init->callback([&exit_code] {
    if (fs::exists(fs::path(d_init.data) / "aims.db")) {
      std::cerr << "aims: " << d_init.data << " is already initialized; use 'aims org create' to add an organization.\n";
      exit_code = 1;
      return;
    }
    auto pw = read_password("Password for " + email + ": ");
    if (auto s = accounts::AdminService::check_password(pw, text::lower(text::trim(email)), org); !s) {
      exit_code = report(s.error());
      return;
    }
    auto st = open_data(d_init, true);
    if (!st) { exit_code = 1; return; }
    if (auto key = load_signing_key(d_init.data + "/audit-signing.key", true); !key) {
      exit_code = report(key.error());
      return;
    }
    SystemClock clock;
    RandomIds ids;
    accounts::AdminService admin(*st, clock, ids);
    auto r = admin.init(org, email, pw);
    if (!r) { exit_code = report(r.error()); return; }
    std::cout << "Initialized " << d_init.data << ": organization '" << r->name << "' (" << r->id << "), admin " << email << "\n";
  });

  auto* orgcmd = app.add_subcommand("org", "Organizations")->require_subcommand(1);
  auto* create = orgcmd->add_subcommand("create", "Add an organization with its admin (password on standard input)");
  add_data_option(create, d_org);
  create->add_option("--name", org, "Organization name")->required();
  create->add_option("--admin-email", email, "Admin's email")->required();
  create->callback([&exit_code] {
    with_admin(d_org, email, exit_code, [](accounts::AdminService& admin, const std::string& pw) {
      auto r = admin.create_org(org, email, pw);
      if (!r) return report(r.error());
      std::cout << "Created organization '" << r->name << "' (" << r->id << "), admin " << email << "\n";
      return 0;
    });
  });

  auto* user = app.add_subcommand("user", "Users")->require_subcommand(1);
  register_user_commands(*user, exit_code);
  auto* add = user->add_subcommand("add", "Add a member to an organization (password on standard input for a new user)");
  add_data_option(add, d_user);
  add->add_option("--org", org, "Organization name")->required();
  add->add_option("--email", email, "Email")->required();
  add->add_option("--role", role, "admin, manager, contributor, auditor or viewer")->required();
  add->callback([&exit_code] {
    with_admin(d_user, email, exit_code, [](accounts::AdminService& admin, const std::string& pw) {
      if (auto r = admin.add_user(org, email, role, pw); !r) return report(r.error());
      std::cout << "Added " << email << " to '" << org << "' as " << role << "\n";
      return 0;
    });
  });

  auto* remove = orgcmd->add_subcommand("remove-member",
                                       "Remove a member from an organization and end their sessions and API tokens");
  add_data_option(remove, d_rm);
  remove->add_option("--org", org, "Organization name")->required();
  remove->add_option("--email", email, "The member's email")->required();
  remove->callback([&exit_code] {
    auto st = open_data(d_rm, false);
    if (!st) { exit_code = 1; return; }
    SystemClock clock;
    RandomIds ids;
    accounts::TokenService tokens(*st, clock, ids);
    if (auto r = tokens.remove_member_of(org, email); !r) { exit_code = report(r.error()); return; }
    std::cout << "Removed " << email << " from '" << org << "'; their sessions and API tokens have ended\n";
  });

  // aims org rename: through the API as an admin of the organization (PATCH /api/v1/org).
  static ApiOptions rename_api;
  static std::string new_name;
  auto* rename = orgcmd->add_subcommand("rename", "Rename the organization (admin; through the API)");
  rename_api.add_to(rename);
  rename->add_option("--name", new_name, "The new name: 1 to 200 characters, one line, not another organization's")->required();
  rename->callback(with_session(rename_api, exit_code, [](ApiSession& s) {
    auto r = s.send({"PATCH", "/api/v1/org", {}, "application/json",
                     boost::json::serialize(boost::json::object{{"name", new_name}})});
    if (!r) return kExitFailed;
    return print_response(*r, rename_api.json, [](const boost::json::object& o) {
      std::cout << "Renamed organization " << string_of(o, "id") << " to '" << string_of(o, "name") << "'\n";
    });
  }));

  register_token_commands(app, exit_code);
}

}  // namespace aims::cli
