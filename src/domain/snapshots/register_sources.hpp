// The readers of the registers a snapshot freezes, each the register's own list code: the AI
// system inventory (SystemService::list, every page), the risk register (RiskService::list, every
// page) and the SoA (SoaService::working's entries). Built once by the composition root; the
// readers borrow the services, which are thread-safe.
#pragma once
#include "domain/inventory/system_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/snapshots/snapshot_service.hpp"
#include "domain/soa/soa_service.hpp"

namespace aims::snapshots {

Sources register_sources(inventory::SystemService& systems, risk::RiskService& risks, soa::SoaService& soa);

}  // namespace aims::snapshots
