#include "cli/data_dir.hpp"

#include <filesystem>
#include <iostream>

#include "core/clock.hpp"
#include "domain/ledger/audited_store.hpp"

namespace aims::cli {
namespace fs = std::filesystem;

void add_data_option(CLI::App* cmd, DataOpts& o) {
  cmd->add_option("--data", o.data, "Data directory")->envname("AIMS_DATA")->capture_default_str();
  cmd->add_option("--database", o.database, "Database: empty for <data>/aims.db, or a postgresql:// URL")
      ->envname("AIMS_DATABASE");
}

std::unique_ptr<store::Store> open_data(const DataOpts& o, bool create) {
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

}  // namespace aims::cli
