// The AI system inventory area: its service, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {
namespace {

/// The systems list's page cache as a type of its own, so that no other area's ListCache is taken
/// for it in the ServiceSet (which holds one service of each type).
struct SystemsPageCache : inventory::ListCache {};

}  // namespace

void add_systems(AreaContext& a) {
  auto& systems = a.services.make<inventory::SystemService>(a.infra.store, a.infra.clock, a.infra.ids);
  auto& listed = a.services.make<SystemsPageCache>();
  auto h = http::bind_services(http::SystemServices{systems, listed});
  a.operations.add(AIMS_OPERATIONS(h, import_systems, export_systems, list_systems, create_system, get_system,
                                   update_system, archive_system, restore_system));
  a.operations.add("getSystemHistory", h(http::handlers::system_history));  // its published operationId
  dashboard::add_systems_card(a.dashboard, systems);
}

}  // namespace aims::app
