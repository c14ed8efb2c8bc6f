#include "domain/records/stored_rules.hpp"

#include <map>
#include <mutex>

namespace aims::records {
namespace {

std::mutex& table_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, StoredRules>& table() {
  static std::map<std::string, StoredRules> t;
  return t;
}

}  // namespace

void declare_stored_rules(const std::string& kind, StoredRules rules) {
  std::lock_guard lock(table_mutex());
  table()[kind] = std::move(rules);
}

StoredRules stored_rules(const std::string& kind) {
  std::lock_guard lock(table_mutex());
  auto it = table().find(kind);
  return it == table().end() ? StoredRules{} : it->second;
}

}  // namespace aims::records
