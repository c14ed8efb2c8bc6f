// The Statement of Applicability area: its service, operations and dashboard card.
#include "app/areas/areas.hpp"
#include "domain/dashboard/cards/cards.hpp"

namespace aims::app {

void add_soa(AreaContext& a) {
  auto& soa_service = a.services.make<soa::SoaService>(a.infra.store, a.infra.catalog, a.infra.clock);
  auto h = http::bind_services(http::SoaServices{soa_service});
  a.operations.add(AIMS_OPERATIONS(h, diff_soa, export_soa, get_soa, update_soa_entry, list_soa_versions, approve_soa,
                                   get_soa_version));
  dashboard::add_soa_card(a.dashboard, soa_service);
}

}  // namespace aims::app
