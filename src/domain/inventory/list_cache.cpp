#include "domain/inventory/list_cache.hpp"

namespace aims::inventory {

std::optional<CachedPage> ListCache::get(const std::string& key, std::int64_t generation) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end() || it->second->generation != generation) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->page;
}

void ListCache::put(const std::string& key, std::int64_t generation, CachedPage page) {
  std::size_t bytes = key.size() + page.items_json.size() + 128;
  if (bytes > max_bytes_ / 4) return;  // too large to be worth keeping
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front(Entry{key, generation, std::move(page), bytes});
  index_[key] = lru_.begin();
  bytes_ += bytes;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

}  // namespace aims::inventory
