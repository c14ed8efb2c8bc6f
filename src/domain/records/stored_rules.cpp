#include "domain/records/stored_rules.hpp"

#include <map>
#include <mutex>

namespace aims::records {
namespace {

std::mutex& rules_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, StoredRules>& rules_table() {
  static std::map<std::string, StoredRules> t;
  return t;
}

}  // namespace

void declare_stored_rules(const std::string& kind, StoredRules rules) {
  std::lock_guard lock(rules_mutex());
  rules_table()[kind] = std::move(rules);
}

StoredRules stored_rules(const std::string& kind) {
  std::lock_guard lock(rules_mutex());
  auto it = rules_table().find(kind);
  return it == rules_table().end() ? StoredRules{} : it->second;
}

}  // namespace aims::records
