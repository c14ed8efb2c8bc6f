#include "domain/euact/recheck_memo.hpp"

#include <map>
#include <memory>

#include "domain/euact/recheck.hpp"

namespace aims::euact {
namespace json = boost::json;

bool RecheckMemo::needed(const std::string& saved_json) {
  {
    std::lock_guard lock(mu_);
    if (auto it = by_text_.find(saved_json); it != by_text_.end()) return it->second;
  }
  boost::system::error_code ec;
  auto doc = json::parse(saved_json, ec);
  const bool answer = !ec && doc.is_object() && recheck_needed(q_, doc.as_object());
  std::lock_guard lock(mu_);
  if (by_text_.size() >= kMaxEntries) by_text_.clear();
  by_text_.emplace(saved_json, answer);
  return answer;
}

RecheckMemo& recheck_memo_of(const Questionnaire& q) {
  static std::mutex mu;
  static std::map<const Questionnaire*, std::unique_ptr<RecheckMemo>> memos;
  std::lock_guard lock(mu);
  auto& m = memos[&q];
  if (!m) m = std::make_unique<RecheckMemo>(q);
  return *m;
}

}  // namespace aims::euact
