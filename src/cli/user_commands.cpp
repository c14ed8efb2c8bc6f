// aims user reset-password (on the server) | deactivate | reactivate (on the server with --data,
// else through the API as an admin), and aims password change (the caller's own, through the API).
#include <unistd.h>

#include <iostream>
#include <map>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
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

}  // namespace

void register_user_commands(CLI::App& user, int& exit_code) {
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
