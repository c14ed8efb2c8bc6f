// Fuzz target: CSV import of AI systems (POST /api/v1/systems/import), through the product's
// SystemService::import_csv as a dry run on a real SQLite store (a fresh organization in a
// temporary directory): the UTF-8 check, the RFC 4180 reader, the header, every cell of every
// column and the row rules. Also the reader alone. Properties: nothing crashes; rows the reader
// reads, written again by the exporter's writer (with the formula guard), read back the same.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/inventory/csv.hpp"
#include "domain/inventory/system_service.hpp"
#include "store/store.hpp"

using namespace aims;

namespace {

struct Installation {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  RandomIds ids;
  accounts::Actor admin;
  std::unique_ptr<inventory::SystemService> systems;

  Installation() {
    crypto::init();
    dir = std::filesystem::temp_directory_path() / ("aims-fuzz-csv-" + crypto::random_base32(8));
    std::filesystem::create_directories(dir);
    auto st = store::open_store((dir / "aims.db").string());
    if (!st) std::abort();
    store = std::move(*st);
    accounts::AdminService accounts(*store, clock, ids);
    auto org = accounts.init("Fuzz", "admin@fuzz.test", "a long enough password");
    if (!org) std::abort();
    std::optional<store::User> user;
    (void)store->read([&](store::ReadTx& tx) -> status {
      user = tx.find_user_by_email("admin@fuzz.test");
      return ok();
    });
    if (!user) std::abort();
    admin = accounts::Actor{user->id, user->email, org->id, org->name, accounts::Role::admin};
    systems = std::make_unique<inventory::SystemService>(*store, clock, ids);
  }
  ~Installation() {
    systems.reset();
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

Installation& installation() {
  static Installation i;
  return i;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto& inst = installation();
  (void)inst.systems->import_csv(inst.admin, text, true);

  auto rows = csv::parse(text);
  if (!rows) return 0;
  std::string out;
  std::vector<csv::Row> kept;
  for (const auto& row : *rows) {
    if (row.size() == 1 && row[0].empty()) continue;  // written as a blank line, which the reader skips
    csv::Row guarded;
    for (const auto& cell : row) guarded.push_back(csv::guard(cell));
    csv::append_row(out, guarded);
    kept.push_back(row);
  }
  auto back = csv::parse(out);
  if (!back) std::abort();  // the writer wrote what the reader refuses
  if (back->size() != kept.size()) std::abort();
  for (std::size_t r = 0; r < kept.size(); ++r) {
    if ((*back)[r].size() != kept[r].size()) std::abort();
    for (std::size_t c = 0; c < kept[r].size(); ++c)
      if (csv::unguard((*back)[r][c]) != kept[r][c]) std::abort();  // a cell changed on the way
  }
  return 0;
}
