// aims user reset-password (on the server) | deactivate | reactivate (on the server with --data,
// else through the API as an admin), aims user list | invite | invitations | revoke-invitation |
// role | require-reset (through the API as an admin), aims user directory (contributor and above), aims user set-name and aims password change
// (the caller's own, through the API).
#include <unistd.h>

#include <iostream>
#include <map>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "cli/output.hpp"
#include "core/clock.hpp"
#include "domain/accounts/user_service.hpp"

namespace aims::cli {

namespace {

/// A new password: one line of standard input, or typed twice on a terminal. nullopt (reported)
/// when the two differ.
std::optional<std::string> read_new_password(const std::string& prompt) {
  auto pw = read_password(prompt);
  if (isatty(STDIN_FILENO) && read_password("Once more: ") != pw) {
    std::cerr << "aims: the two passwords differ; nothing was changed.\n";
    return std::nullopt;
  }
  return pw;
}

/// aims user deactivate|reactivate: `verb` is the subcommand and the API's path suffix.
void register_activation(CLI::App& user, int& exit_code, const std::string& verb, const std::string& help) {
  struct Opts {
    DataOpts d;
    ApiOptions api;
    std::string email;
  };
  static std::map<std::string, Opts> all;
  auto& o = all[verb];
  auto* cmd = user.add_subcommand(verb, help);
  cmd->add_option("--data", o.d.data, "Data directory: act on the server (no AIMS_DATA here)");
  cmd->add_option("--database", o.d.database, "Database: empty for <data>/aims.db, or a postgresql:// URL");
  cmd->add_option("--email", o.email, "The user's email")->required();
  o.api.add_to(cmd, false);
  cmd->callback([cmd, &o, verb, &exit_code] {
    bool deactivate = verb == "deactivate";
    std::string done = deactivate ? "Deactivated " + o.email + "; their sessions and API tokens have ended"
                                  : "Reactivated " + o.email;
    if (cmd->get_option("--data")->count() > 0) {
      auto st = open_data(o.d, false);
      if (!st) { exit_code = 1; return; }
      SystemClock clock;
      accounts::UserService users(*st, clock);
      auto r = deactivate ? users.deactivate_by_email(o.email) : users.reactivate_by_email(o.email);
      if (!r) { exit_code = report(r.error()); return; }
      std::cout << done << "\n";
      return;
    }
    with_session(o.api, exit_code, [&o, verb, done](ApiSession& s) {
      auto path = "/api/v1/org/members/" + http::encode_segment(o.email) + "/" + verb;
      if (!s.send({"POST", path, {}, {}, {}})) return kExitFailed;
      std::cout << done << "\n";
      return 0;
    })();
  });
}

/// aims user list | invite | invitations | revoke-invitation | role | require-reset: an admin's
/// commands through the API.
void register_people(CLI::App& user, int& exit_code) {
  static ApiOptions api;
  static std::string email, role, id;
  static int days = 7;
  auto body_of = [](const boost::json::object& o) { return std::string(boost::json::serialize(o)); };

  auto* list = user.add_subcommand("list", "The organization's members: email, name, role, status (admin)");
  api.add_to(list);
  list->callback(with_session(api, exit_code, [](ApiSession& s) {
    auto r = s.get("/api/v1/org/members");
    if (!r) return kExitFailed;
    return print_response(*r, api.json, [](const boost::json::object& o) {
      Table t({"id", "email", "name", "role", "status", "last_login_at"});
      for (const auto& v : o.at("items").as_array()) {
        const auto& m = v.as_object();
        auto status = string_of(m, "status") + (bool_of(m, "password_reset_pending") ? ", reset pending" : "");
        auto last = string_of(m, "last_login_at");
        t.add_row({string_of(m, "id"), string_of(m, "email"), string_of(m, "name"), string_of(m, "role"), status,
                   last.empty() ? "never" : last});
      }
      t.print(std::cout);
    });
  }));

  // The member directory (contributors, managers, admins): active members by name, no email.
  static std::string dir_q;
  static bool dir_all = false;
  auto* directory = user.add_subcommand("directory", "Active members by name with their role and AIMS roles, to name approvers (contributor and above)");
  api.add_to(directory);
  directory->add_option("--q", dir_q, "Only members whose name contains this text");
  directory->add_flag("--all", dir_all, "Every page (else the first 50)");
  directory->callback(with_session(api, exit_code, [](ApiSession& s) {
    http::NameValues query;
    if (!dir_q.empty()) query.push_back({"q", dir_q});
    if (dir_all) query.push_back({"limit", "500"});
    auto r = s.list("/api/v1/org/directory", query, dir_all);
    if (!r) return kExitFailed;
    if (api.json) {
      print_body(std::cout, r->first_body.empty() || dir_all
                                ? boost::json::serialize(boost::json::object{{"items", r->items}})
                                : r->first_body);
      return 0;
    }
    Table t({"id", "name", "role", "may approve", "AIMS roles"});
    for (const auto& m : objects_in(r->items)) {
      std::string held;
      if (auto p = m.if_contains("aims_roles"); p && p->is_array())
        for (const auto& h : p->as_array()) held += (held.empty() ? "" : ", ") + std::string(h.is_string() ? h.as_string() : "");
      t.add_row({string_of(m, "id"), string_of(m, "name"), string_of(m, "role"), bool_of(m, "may_approve") ? "yes" : "no", held});
    }
    t.print(std::cout);
    if (r->next && !dir_all) std::cout << "(more: --all)\n";
    return 0;
  }));

  auto* invite = user.add_subcommand("invite", "Invite someone by email with a role; prints the one-time link's token (shown once)");
  api.add_to(invite);
  invite->add_option("--email", email, "Whom to invite")->required();
  invite->add_option("--role", role, "admin, manager, contributor, auditor or viewer")->required();
  invite->add_option("--expires-days", days, "Days the link works (1 to 30)")->capture_default_str();
  invite->callback(with_session(api, exit_code, [body_of](ApiSession& s) {
    auto r = s.send({"POST", "/api/v1/org/invitations", {}, "application/json",
                     body_of({{"email", email}, {"role", role}, {"expires_in_days", days}})});
    if (!r) return kExitFailed;
    return print_response(*r, api.json, [](const boost::json::object& o) {
      std::cout << "Invited " << string_of(o, "email") << " as " << string_of(o, "role") << " until " << string_of(o, "expires_at")
                << "; give them this link (it works once): " << api.url << string_of(o, "link") << "\n";
    });
  }));

  auto* invitations = user.add_subcommand("invitations", "The organization's invitations and their status, newest first (admin)");
  api.add_to(invitations);
  invitations->callback(with_session(api, exit_code, [](ApiSession& s) {
    auto r = s.list("/api/v1/org/invitations", {{"limit", "500"}}, true);  // every page
    if (!r) return kExitFailed;
    if (api.json) {
      print_body(std::cout, boost::json::serialize(boost::json::object{{"items", r->items}}));
      return 0;
    }
    Table t({"id", "email", "role", "status", "invited_by", "expires_at"});
    for (const auto& i : objects_in(r->items)) {
      if (i.contains("error")) {
        t.add_row({string_of(i, "id"), "", "", "unreadable", "", ""});
        continue;
      }
      t.add_row({string_of(i, "id"), string_of(i, "email"), string_of(i, "role"), string_of(i, "status"),
                 string_of(i, "invited_by"), string_of(i, "expires_at")});
    }
    t.print(std::cout);
    return 0;
  }));

  static std::string name;
  auto* set_name = user.add_subcommand("set-name", "Change your own display name (through the API)");
  api.add_to(set_name);
  set_name->add_option("--name", name, "Your name: 1 to 200 characters, one line")->required();
  set_name->callback(with_session(api, exit_code, [body_of](ApiSession& s) {
    auto r = s.send({"PATCH", "/api/v1/me", {}, "application/json", body_of({{"name", name}})});
    if (!r) return kExitFailed;
    return print_response(*r, api.json, [](const boost::json::object& o) {
      std::cout << "Your name is now " << string_of(o.at("user").as_object(), "name") << "\n";
    });
  }));

  auto* revoke = user.add_subcommand("revoke-invitation", "Revoke a pending invitation by its id (inv_…): its link stops working");
  api.add_to(revoke, false);
  revoke->add_option("id", id, "The invitation's id")->required();
  revoke->callback(with_session(api, exit_code, [](ApiSession& s) {
    if (!s.send({"DELETE", "/api/v1/org/invitations/" + http::encode_segment(id), {}, {}, {}})) return kExitFailed;
    std::cout << "Revoked " << id << "\n";
    return 0;
  }));

  auto* change = user.add_subcommand("role", "Change a member's role (admin); the last active admin keeps theirs");
  api.add_to(change, false);
  change->add_option("--email", email, "The member's email")->required();
  change->add_option("--role", role, "admin, manager, contributor, auditor or viewer")->required();
  change->callback(with_session(api, exit_code, [body_of](ApiSession& s) {
    auto path = "/api/v1/org/members/" + http::encode_segment(email) + "/role";
    if (!s.send({"PUT", path, {}, "application/json", body_of({{"role", role}})})) return kExitFailed;
    std::cout << email << " is now " << role << "\n";
    return 0;
  }));

  auto* reset = user.add_subcommand("require-reset",
                                    "Require a member to set a new password (admin): their sessions end; prints the one-time link");
  api.add_to(reset);
  reset->add_option("--email", email, "The member's email")->required();
  reset->callback(with_session(api, exit_code, [](ApiSession& s) {
    auto r = s.send({"POST", "/api/v1/org/members/" + http::encode_segment(email) + "/reset-password", {}, {}, {}});
    if (!r) return kExitFailed;
    return print_response(*r, api.json, [](const boost::json::object& o) {
      std::cout << "The sessions of " << email << " have ended; until " << string_of(o, "expires_at")
                << " they set a new password with this link (it works once): " << api.url << string_of(o, "link") << "\n";
    });
  }));
}

}  // namespace

void register_user_commands(CLI::App& user, int& exit_code) {
  register_people(user, exit_code);
  static DataOpts d;
  static std::string email;
  auto* reset = user.add_subcommand("reset-password",
                                    "Set a user's password on the server (new password on standard input); ends their sessions");
  add_data_option(reset, d);
  reset->add_option("--email", email, "The user's email")->required();
  reset->callback([&exit_code] {
    auto st = open_data(d, false);
    if (!st) { exit_code = 1; return; }
    auto pw = read_new_password("New password for " + email + ": ");
    if (!pw) { exit_code = 1; return; }
    SystemClock clock;
    accounts::UserService users(*st, clock);
    if (auto r = users.reset_password(email, *pw); !r) { exit_code = report(r.error()); return; }
    std::cout << "Changed the password of " << email << "; their sessions have ended (API tokens stay)\n";
  });
  register_activation(user, exit_code, "deactivate",
                      "Deactivate a user: no log-in, their sessions and API tokens end (--data: on the server; else as an admin through the API)");
  register_activation(user, exit_code, "reactivate",
                      "Let a deactivated user log in again (--data: on the server; else as an admin through the API)");
}

void register_password_commands(CLI::App& app, int& exit_code) {
  static ApiOptions api;
  auto* password = app.add_subcommand("password", "Your own password (API client)")->require_subcommand(1);
  auto* change = password->add_subcommand(
      "change", "Change your password: current, then new, on standard input (or typed, unseen); ends your sessions");
  api.add_to(change, false);
  change->callback(with_session(api, exit_code, [](ApiSession& s) {
    auto current = read_password("Current password: ");
    auto next = read_new_password("New password: ");
    if (!next) return kExitFailed;
    boost::json::object body{{"current_password", current}, {"new_password", *next}};
    if (!s.send({"POST", "/api/v1/auth/password", {}, "application/json", boost::json::serialize(body)})) return kExitFailed;
    std::cout << "Password changed; your sessions have ended (API tokens stay)\n";
    return 0;
  }));
}

}  // namespace aims::cli
