// The services composed for the server, owned here one per type, so that an area composed later can
// use an earlier area's service (the EU AI Act's classifications use the inventory's systems).
// Filled on the start-up thread only; the services live as long as the set and are thread-safe.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace aims::app {

class ServiceSet {
 public:
  ServiceSet() = default;
  ServiceSet(const ServiceSet&) = delete;
  ServiceSet& operator=(const ServiceSet&) = delete;
  ~ServiceSet() {
    while (!owned_.empty()) owned_.pop_back();  // the latest first: it may use an earlier one
  }

  /// Constructs the one T of the set from `args`; a second T is a composition error.
  template <class T, class... A>
  T& make(A&&... args) {
    if (find(typeid(T))) throw std::logic_error(std::string("composed twice: ") + typeid(T).name());
    auto p = std::make_shared<T>(std::forward<A>(args)...);
    owned_.push_back({std::type_index(typeid(T)), p});
    return *p;
  }

  /// The T an earlier area made; its absence is a composition error (the areas' order).
  template <class T>
  T& get() const {
    if (auto* p = find(typeid(T))) return *static_cast<T*>(p);
    throw std::logic_error(std::string("not composed yet: ") + typeid(T).name());
  }

 private:
  void* find(std::type_index t) const {
    for (const auto& [type, p] : owned_)
      if (type == t) return p.get();
    return nullptr;
  }
  std::vector<std::pair<std::type_index, std::shared_ptr<void>>> owned_;
};

}  // namespace aims::app
