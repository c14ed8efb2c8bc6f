// One-query lookups of many rows by id, for list pages that show something of the AI systems or
// records their rows name (a page of 50 obligations names up to 50 systems and classifications).
// Every SQL transaction answers them (SqlTx implements this next to ReadTx); callers use
// systems_by_id and records_by_id below, which ask one row at a time on a transaction without
// them (the audit log's write decorator). Borrowed from the transaction; used by its thread only.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace aims::store {

class BatchLookups {
 public:
  virtual ~BatchLookups() = default;
  /// The organization's systems among `ids`, in no particular order; unknown ids are left out.
  virtual std::vector<SystemRow> find_systems(const std::string& org_id, const std::vector<std::string>& ids) = 0;
  /// The records (org_id, kind, parent_id, id) among `ids`, in no particular order; unknown ids
  /// are left out.
  virtual std::vector<RecordRow> find_records(const std::string& org_id, const std::string& kind,
                                              const std::string& parent_id, const std::vector<std::string>& ids) = 0;
  /// The records of `kind` with the ref `ref` under any of `parent_ids` (the latest reading of each
  /// objective of a page), in no particular order.
  virtual std::vector<RecordRow> find_children(const std::string& org_id, const std::string& kind,
                                               const std::vector<std::string>& parent_ids, const std::string& ref) = 0;
};

/// BatchLookups::find_systems of the transaction, or find_system for each id.
inline std::vector<SystemRow> systems_by_id(ReadTx& tx, const std::string& org_id, const std::vector<std::string>& ids) {
  if (auto* b = dynamic_cast<BatchLookups*>(&tx)) return b->find_systems(org_id, ids);
  std::vector<SystemRow> out;
  for (const auto& id : ids)
    if (auto s = tx.find_system(org_id, id)) out.push_back(std::move(*s));
  return out;
}

/// BatchLookups::find_records of the transaction, or find_record for each id.
inline std::vector<RecordRow> records_by_id(ReadTx& tx, const std::string& org_id, const std::string& kind,
                                            const std::string& parent_id, const std::vector<std::string>& ids) {
  if (auto* b = dynamic_cast<BatchLookups*>(&tx)) return b->find_records(org_id, kind, parent_id, ids);
  std::vector<RecordRow> out;
  for (const auto& id : ids)
    if (auto r = tx.find_record(org_id, kind, parent_id, id)) out.push_back(std::move(*r));
  return out;
}

/// BatchLookups::find_children of the transaction, or list_records for each parent.
inline std::vector<RecordRow> children_by_parent(ReadTx& tx, const std::string& org_id, const std::string& kind,
                                                 const std::vector<std::string>& parent_ids, const std::string& ref) {
  if (auto* b = dynamic_cast<BatchLookups*>(&tx)) return b->find_children(org_id, kind, parent_ids, ref);
  std::vector<RecordRow> out;
  for (const auto& p : parent_ids)
    for (auto& r : tx.list_records(RecordFilter{.org_id = org_id, .kind = kind, .parent_id = p, .ref = ref})) out.push_back(std::move(r));
  return out;
}

}  // namespace aims::store
