// The register snapshots area: the snapshot service over the inventory, risk register and SoA
// services (composed by their areas before), and its operations.
#include "app/areas/areas.hpp"
#include "domain/snapshots/register_sources.hpp"
#include "http/handlers_snapshots.hpp"

namespace aims::app {

void add_snapshots(AreaContext& a) {
  auto sources = snapshots::register_sources(a.services.get<inventory::SystemService>(), a.services.get<risk::RiskService>(),
                                             a.services.get<soa::SoaService>());
  auto& service = a.services.make<snapshots::SnapshotService>(a.infra.store, a.infra.clock, std::move(sources));
  a.operations.add(AIMS_OPERATIONS(http::bind_services(http::SnapshotServices{service}), list_snapshots, create_snapshot,
                                   get_snapshot, submit_snapshot, approve_snapshot, reject_snapshot, snapshot_history,
                                   download_snapshot));
}

}  // namespace aims::app
