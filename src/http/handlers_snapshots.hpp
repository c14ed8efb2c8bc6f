// The register snapshots' handlers (/api/v1/snapshots: list, create, get, submit, approve, reject,
// download), bound to SnapshotService by the snapshots area (src/app/areas/snapshots.cpp).
// Stateless; thread-safe.
#pragma once
#include "domain/snapshots/snapshot_service.hpp"
#include "http/api.hpp"

namespace aims::http {

/// The snapshots area's service, by reference (owned by the composition root).
struct SnapshotServices {
  snapshots::SnapshotService& snapshots;
};

AIMS_HANDLERS(SnapshotServices, list_snapshots, create_snapshot, get_snapshot, submit_snapshot, approve_snapshot,
              reject_snapshot, snapshot_history, download_snapshot)

}  // namespace aims::http
