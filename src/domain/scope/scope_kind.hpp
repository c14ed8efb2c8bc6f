// The AIMS scope (clause 4.3) as a kind of the registry: one record per organization (id "scope"),
// kept by ScopeService on the lifecycle helpers, in the auditor package and the audit log's record
// types. An immutable spec built once; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::scope {

/// The record id of the organization's one scope.
inline constexpr const char* kScopeId = "scope";

const records::KindSpec& scope_kind();

}  // namespace aims::scope
