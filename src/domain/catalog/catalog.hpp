// The standards catalog (ISO/IEC 42001:2023, ISO/IEC 22989 life-cycle stages, the maturity scale),
// loaded once from the data files compiled into the binary. Immutable after construction, so
// thread-safe for concurrent reads.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace aims::catalog {

struct Item {
  std::string framework;
  std::string id;
  std::string kind;
  std::optional<std::string> parent;
  bool leaf = false;
  std::string title;
  std::string search_text;        // lower-cased id, title and guidance
  std::vector<std::string> children;
  boost::json::object json;       // the full item as served by the API (framework and children included)
  std::string json_text;          // json, serialized once
};

struct Framework {
  std::string id;
  std::string title;
  std::string version;
  std::string source;
  std::string licence;
  std::vector<std::string> kinds;  // in order of first appearance
  std::vector<Item> items;         // document order
};

struct MaturityLevel {
  int level = 0;
  std::string name;
  std::string description;
};

/// Planning data for turning a gap on a clause leaf or control into a roadmap action.
struct RoadmapHint {
  std::string effort;                   // S, M or L
  std::vector<std::string> depends_on;  // ids of clause leaves or controls to do first
};

struct ItemFilter {
  std::optional<std::string> kind{};
  std::optional<std::string> parent{};
  std::optional<std::string> text{};  // lower-cased substring
};

class Catalog {
 public:
  /// Loads and checks the embedded catalog files. Throws std::runtime_error naming the first
  /// malformed file or item (a build defect, caught at start-up).
  static Catalog load_embedded();

  const std::vector<Framework>& frameworks() const { return frameworks_; }
  const Framework* framework(const std::string& id) const;
  const Item* find(const std::string& framework, const std::string& id) const;
  std::vector<const Item*> select(const Framework& fw, const ItemFilter& filter) const;
  const std::vector<MaturityLevel>& maturity_levels() const { return maturity_; }
  /// Planning data of an ISO/IEC 42001 clause leaf or control; nullptr for other items.
  const RoadmapHint* roadmap_hint(const std::string& id) const;

  static const std::vector<std::string>& known_kinds();

 private:
  std::vector<Framework> frameworks_;
  std::map<std::string, std::map<std::string, std::size_t>> index_;  // framework -> id -> position
  std::vector<MaturityLevel> maturity_;
  std::map<std::string, RoadmapHint> roadmap_;
};

}  // namespace aims::catalog
