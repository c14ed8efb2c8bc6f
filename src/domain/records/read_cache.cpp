#include "domain/records/read_cache.hpp"

#include <map>

namespace aims::records {

result<inventory::CachedPage> cached_page(store::Store& store, inventory::ListCache& cache, const accounts::Actor& a,
                                          std::string_view kind, std::string_view day, const Params& p,
                                          const std::function<result<inventory::CachedPage>()>& build) {
  std::int64_t generation = 0;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        generation = tx.audit_size(a.org_id);
        return ok();
      });
      !st)
    return st.error();
  if (generation == 0) return build();  // no log: nothing tells when an answer goes stale
  std::map<std::string, std::string> given;
  for (const auto& [k, v] : p) given[k] = v;
  std::string key = a.org_id;
  for (std::string_view part : {kind, accounts::role_name(a.role), day}) (key += '|') += part;
  for (const auto& [k, v] : given)  // lengths first: no name or value can pass for another
    key += '|' + std::to_string(k.size()) + ':' + k + std::to_string(v.size()) + ':' + v;
  if (auto hit = cache.get(key, generation)) return std::move(*hit);
  auto page = build();
  if (page) cache.put(key, generation, *page);
  return page;
}

result<std::string> cached_text(store::Store& store, inventory::ListCache& cache, const accounts::Actor& a,
                                std::string_view kind, std::string_view day, const Params& p,
                                const std::function<result<std::string>()>& build) {
  auto page = cached_page(store, cache, a, kind, day, p, [&]() -> result<inventory::CachedPage> {
    auto text = build();
    if (!text) return text.error();
    return inventory::CachedPage{std::move(*text), 0, std::nullopt};
  });
  if (!page) return page.error();
  return std::move(page->items_json);
}

}  // namespace aims::records
