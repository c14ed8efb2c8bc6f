// A bound on the auditor packages made or sent at once per organization (each holds its records and
// log in memory until sent): a slot is taken for the whole build and download and given back when
// the Slot is destroyed. Owned by AuditPackService; thread-safe (one mutex).
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace aims::ledger {

class PackSlots {
 public:
  explicit PackSlots(int per_org) : per_org_(per_org) {}

  /// Holds one slot of an organization until destroyed.
  class Slot {
   public:
    Slot(PackSlots& s, std::string org) : s_(&s), org_(std::move(org)) {}
    Slot(Slot&& o) noexcept : s_(std::exchange(o.s_, nullptr)), org_(std::move(o.org_)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (s_) s_->release(org_);
    }

   private:
    PackSlots* s_;
    std::string org_;
  };

  /// A slot of `org_id`, or nothing when all of its slots are taken.
  std::optional<Slot> take(const std::string& org_id) {
    std::lock_guard lock(mu_);
    auto& n = busy_[org_id];
    if (n >= per_org_) return std::nullopt;
    ++n;
    return std::optional<Slot>(std::in_place, *this, org_id);
  }
  int per_org() const { return per_org_; }

 private:
  void release(const std::string& org_id) {
    std::lock_guard lock(mu_);
    if (--busy_[org_id] == 0) busy_.erase(org_id);
  }

  const int per_org_;
  std::mutex mu_;
  std::map<std::string, int> busy_;
};

}  // namespace aims::ledger
