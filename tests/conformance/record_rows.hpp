// A generic record row for conformance tests: the given key, position and ref, version 1, fixed
// times and the document {"id": id}. Pure function.
#pragma once
#include <cstdint>
#include <string>

#include "store/store.hpp"

namespace aims::store::conformance {

inline RecordRow rec(const std::string& org_id, const std::string& kind, const std::string& parent_id, const std::string& id,
                     std::int64_t position = 0, const std::string& ref = "") {
  RecordRow r;
  r.kind = kind;
  r.org_id = org_id;
  r.parent_id = parent_id;
  r.id = id;
  r.position = position;
  r.ref = ref;
  r.version = 1;
  r.created_at = "2026-05-01T08:00:00.000Z";
  r.updated_at = r.created_at;
  r.doc = "{\"id\":\"" + id + "\"}";
  return r;
}

}  // namespace aims::store::conformance
