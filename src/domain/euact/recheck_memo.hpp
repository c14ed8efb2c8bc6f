// recheck_needed (recheck.hpp) of saved classification texts, remembered by the exact text: the
// answer is a function of the text and of the questionnaire, which does not change while the
// process runs, so a remembered answer is never stale. Lists ask it for each of their page's
// systems instead of classifying them again. Bounded (forgets everything when full). One memo per
// Questionnaire object, kept for the life of the process; thread-safe.
#pragma once
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/euact/questionnaire.hpp"

namespace aims::euact {

class RecheckMemo {
 public:
  explicit RecheckMemo(const Questionnaire& q) : q_(q) {}
  /// Whether the saved classification (its stored JSON text) needs a re-check; false when the
  /// text is not a JSON object (an unreadable record is reported where it is served).
  bool needed(const std::string& saved_json);

 private:
  static constexpr std::size_t kMaxEntries = 4096;
  const Questionnaire& q_;
  std::mutex mu_;
  std::unordered_map<std::string, bool> by_text_;
};

/// The memo of `q` (made on first use).
RecheckMemo& recheck_memo_of(const Questionnaire& q);

}  // namespace aims::euact
