#include "domain/records/record_lock.hpp"

#include <map>
#include <mutex>

namespace aims::records {
namespace {

std::mutex& locks_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, LockFn>& locks_table() {
  static std::map<std::string, LockFn> t;
  return t;
}

}  // namespace

void declare_lock(const std::string& kind, LockFn fn) {
  std::lock_guard lock(locks_mutex());
  locks_table()[kind] = std::move(fn);
}

status not_locked(const KindSpec& spec, const std::string& id, const boost::json::object& doc) {
  LockFn fn;
  {
    std::lock_guard lock(locks_mutex());
    auto it = locks_table().find(spec.kind);
    if (it == locks_table().end()) return ok();
    fn = it->second;
  }
  if (auto why = fn(doc)) return make_error(errc::conflict, spec.title + " " + id + " " + *why + ".");
  return ok();
}

}  // namespace aims::records
