// Recently served list pages, each tagged with the organization's systems generation it was read
// at; an entry is used only while that generation is still current. Bounded by total bytes, least
// recently used first out. Owned by the service that caches (SystemService; the SoA, the audit
// entries, the dashboard and the record lists through records::cached_page keyed by the
// organization's audit log size instead); thread-safe (one mutex).
#pragma once
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace aims::inventory {

struct CachedPage {
  std::string items_json;
  std::int64_t total = 0;
  std::optional<std::string> next;
  std::int64_t figure = 0;  // a second figure of the answer, e.g. the risks' overdue reviews
};

class ListCache {
 public:
  explicit ListCache(std::size_t max_bytes = 32u << 20) : max_bytes_(max_bytes) {}
  std::optional<CachedPage> get(const std::string& key, std::int64_t generation);
  void put(const std::string& key, std::int64_t generation, CachedPage page);

 private:
  struct Entry {
    std::string key;
    std::int64_t generation;
    CachedPage page;
    std::size_t bytes;
  };
  std::mutex mu_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
};

}  // namespace aims::inventory
