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

}  // namespace aims::http

namespace aims::http::handlers {

Response list_snapshots(Context& c, const SnapshotServices& s);
Response create_snapshot(Context& c, const SnapshotServices& s);
Response get_snapshot(Context& c, const SnapshotServices& s);
Response submit_snapshot(Context& c, const SnapshotServices& s);
Response approve_snapshot(Context& c, const SnapshotServices& s);
Response reject_snapshot(Context& c, const SnapshotServices& s);
Response snapshot_history(Context& c, const SnapshotServices& s);
Response download_snapshot(Context& c, const SnapshotServices& s);

}  // namespace aims::http::handlers
