// Register snapshots as a kind of the registry (docs/snapshots.md): records numbered SNAP-1,
// SNAP-2 … per organization, listed in SQL by register and status, newest first by default; kept
// by SnapshotService on the lifecycle helpers, in the auditor package and the audit log's record
// types. An immutable spec built once; thread-safe.
#pragma once
#include <array>
#include <string_view>

#include "domain/records/kind_spec.hpp"

namespace aims::snapshots {

/// The registers a snapshot can be taken of.
inline constexpr std::array<std::string_view, 3> kRegisters{"inventory", "risk_register", "soa"};

const records::KindSpec& snapshot_kind();

}  // namespace aims::snapshots
