// aims init | org create | user add | token create: administration on a data directory.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "cli/audit_key.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/ledger/audited_store.hpp"
#include "store/store.hpp"

namespace aims::cli {
namespace fs = std::filesystem;

namespace {

struct DataOpts {
  std::string data = "./data";
  std::string database;
};

void add_data_option(CLI::App* cmd, DataOpts& o) {
  cmd->add_option("--data", o.data, "Data directory")->envname("AIMS_DATA")->capture_default_str();
  cmd->add_option("--database", o.database, "Database: empty for <data>/aims.db, or a postgresql:// URL")
      ->envname("AIMS_DATABASE");
}

/// Opens the store of a data directory; creates the directory if `create`.
std::unique_ptr<store::Store> open(const DataOpts& o, bool create) {
  std::error_code ec;
  if (create) {
    fs::create_directories(o.data, ec);
    fs::permissions(o.data, fs::perms::owner_all, fs::perm_options::replace, ec);
  } else if (o.database.empty() && !fs::exists(fs::path(o.data) / "aims.db")) {
    std::cerr << "aims: " << o.data << " is not an initialized data directory; run 'aims init' first.\n";
    return nullptr;
  }
  auto st = store::open_store(o.database.empty() ? o.data + "/aims.db" : o.database);
  if (!st) {
    std::cerr << "aims: " << st.error().detail << "\n";
    return nullptr;
  }
  // Administration changes records too: they go to the audit log, by the actor "system".
  static SystemClock clock;
  return std::make_unique<ledger::AuditedStore>(std::move(*st), clock);
}

int report(const Error& e) {
  std::cerr << "aims: " << e.detail << "\n";
  for (const auto& fe : e.errors) std::cerr << "  " << fe.field << ": " << fe.message << "\n";
  return 1;
}

}  // namespace

void register_admin_commands(CLI::App& app, int& exit_code) {
  static DataOpts d_init, d_org, d_user, d_tok;
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
    if (auto s = accounts::AdminService::check_password(pw); !s) {
      exit_code = report(s.error());
      return;
    }
    auto st = open(d_init, true);
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
    auto st = open(d_org, false);
    if (!st) { exit_code = 1; return; }
    auto pw = read_password("Password for " + email + " (ignored if the user exists): ");
    SystemClock clock;
    RandomIds ids;
    accounts::AdminService admin(*st, clock, ids);
    auto r = admin.create_org(org, email, pw);
    if (!r) { exit_code = report(r.error()); return; }
    std::cout << "Created organization '" << r->name << "' (" << r->id << "), admin " << email << "\n";
  });

  auto* user = app.add_subcommand("user", "Users")->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a member to an organization (password on standard input for a new user)");
  add_data_option(add, d_user);
  add->add_option("--org", org, "Organization name")->required();
  add->add_option("--email", email, "Email")->required();
  add->add_option("--role", role, "admin, manager, contributor, auditor or viewer")->required();
  add->callback([&exit_code] {
    auto st = open(d_user, false);
    if (!st) { exit_code = 1; return; }
    auto pw = read_password("Password for " + email + " (ignored if the user exists): ");
    SystemClock clock;
    RandomIds ids;
    accounts::AdminService admin(*st, clock, ids);
    if (auto r = admin.add_user(org, email, role, pw); !r) { exit_code = report(r.error()); return; }
    std::cout << "Added " << email << " to '" << org << "' as " << role << "\n";
  });

  auto* token = app.add_subcommand("token", "API tokens")->require_subcommand(1);
  auto* tcreate = token->add_subcommand("create", "Create an API token for a user and print it");
  add_data_option(tcreate, d_tok);
  tcreate->add_option("--email", email, "The user's email")->required();
  tcreate->add_option("--name", name, "What the token is for")->required();
  tcreate->callback([&exit_code] {
    auto st = open(d_tok, false);
    if (!st) { exit_code = 1; return; }
    SystemClock clock;
    RandomIds ids;
    accounts::AdminService admin(*st, clock, ids);
    auto r = admin.create_token(email, name);
    if (!r) { exit_code = report(r.error()); return; }
    std::cout << *r << "\n";
  });
}

}  // namespace aims::cli
