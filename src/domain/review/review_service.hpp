// The workflow of management reviews (ISO/IEC 42001 9.3; docs/management-review.md) on top of the
// generic record service of the management_review and review_action kinds: who attends and
// whether top management is among them (from the attendees' role assignments), the start that
// compiles the input pack (review_inputs.hpp), freezes it as a child record and writes its SHA-256
// into the review (and so into the start's audit entry), the frozen pack as stored, the sign-off
// by an `approve` role that locks the review (its hash in the audit log), the minutes' model and
// the dashboard card (next review due, review actions open). Owned by the composition root;
// thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/records/lifecycle.hpp"
#include "store/store.hpp"

namespace aims::review {

class ReviewService {
 public:
  static constexpr const char* kPackKind = "management_review_pack";  // the frozen pack: child "pack" of its review
  /// The organization's objectives summary for the monitoring section (JSON text), or an error.
  using ObjectivesSummary = std::function<result<std::string>(const accounts::Actor&)>;

  ReviewService(store::Store& store, const Clock& clock, ObjectivesSummary objectives = {})
      : store_(store), clock_(clock), objectives_(std::move(objectives)) {}

  /// GET /management-reviews/{id}/attendance: each attendee with the AIMS roles they hold today,
  /// whether top management is present, and a warning when it is not.
  result<std::string> attendance(const accounts::Actor& a, const std::string& id);
  /// POST /management-reviews/{id}/start with If-Match (write_record roles): a planned review
  /// becomes in_progress, held today; its input pack is compiled and frozen. The served review.
  result<records::Versioned> start(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& if_match);
  /// GET /management-reviews/{id}/pack: the frozen pack with its sha256 (409 before the start).
  result<std::string> pack(const accounts::Actor& a, const std::string& id);
  /// POST /management-reviews/{id}/sign-off with If-Match (approve roles): an in-progress review
  /// with its three judgements becomes signed_off and is locked. The served review.
  result<records::Versioned> sign_off(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& if_match);
  /// The minutes' model: {review, attendance, pack, decisions: [review actions]} (409 before the start).
  result<boost::json::object> minutes(const accounts::Actor& a, const std::string& id);
  /// The dashboard card: {next_review_on, next_review_id, planned, in_progress, actions_open, actions_overdue}.
  result<boost::json::object> summary(const accounts::Actor& a);

  /// Compiles the pack of `review_id` in `tx` (for the start and the benchmark): `since` is when
  /// the previous review was held, `objectives` the objectives summary (or null).
  boost::json::object compile(store::ReadTx& tx, const std::string& org_id, const std::string& review_id,
                              const std::optional<std::string>& since, boost::json::value objectives) const;

 private:
  store::Store& store_;
  const Clock& clock_;
  ObjectivesSummary objectives_;
};

}  // namespace aims::review
