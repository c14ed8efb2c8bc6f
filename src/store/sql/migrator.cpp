// Applies pending migrations one version per transaction.
#include "store/sql/migrator.hpp"

#include <string>

namespace aims::store::sql {
namespace {

void in_transaction(Connection& c, const auto& body) { run_in_transaction(c, [&] { c.begin(TxMode::write); }, body); }

}  // namespace

void migrate(Connection& c, std::string_view bootstrap, std::span<const std::string_view> migrations) {
  in_transaction(c, [&] { c.exec_script(bootstrap); });
  const auto known = static_cast<std::int64_t>(migrations.size());
  for (bool done = false; !done;) {
    in_transaction(c, [&] {
      Rows rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      std::int64_t current = rows.empty() ? 0 : rows.front().int64(0);
      if (current > known)
        throw SqlError(ErrorKind::other, "the database schema is at version " + std::to_string(current) +
                                             " but this build knows only up to " + std::to_string(known) +
                                             "; upgrade aims");
      if (current == known) {
        done = true;
        return;
      }
      c.exec_script(migrations[static_cast<std::size_t>(current)]);
      c.exec("INSERT INTO schema_migrations (version) VALUES (?)", {current + 1});
    });
  }
}

}  // namespace aims::store::sql
