// The rules of AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5): the severity and
// likelihood scales, the organization's thresholds for sensitive and restricted uses, the outcome
// derived from the harms, what approval needs, and when an approved assessment is due again
// (review date passed, or the AI system changed in a significant field). Pure functions over
// values; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/accounts/roles.hpp"

namespace aims::impact {

/// How far a use of AI reaches, from the harms it may cause: normal < sensitive < restricted.
enum class Level { normal = 0, sensitive = 1, restricted = 2 };

std::string_view level_name(Level l);
std::optional<Level> parse_level(std::string_view s);

/// Severity 1..4 (minor, moderate, serious, critical) and likelihood 1..4 (rare, possible, likely,
/// almost certain); the score of an entry is severity × likelihood (1..16).
constexpr int kScaleMax = 4;
std::string_view severity_name(int s);
std::string_view likelihood_name(int l);

/// The organization's thresholds (record kind `impact_settings`). Defaults apply until saved.
struct Settings {
  int sensitive_score = 6;    // a harm scoring at least this makes the use sensitive
  int restricted_score = 12;  // ... at least this makes it restricted
  accounts::Role restricted_approver = accounts::Role::admin;  // admin, or manager (and admin)
  /// Harms at this level or above need at least one measure before approval; nullopt: none do.
  std::optional<Level> measures_required_from = Level::restricted;
};

/// The settings as stored and served: {sensitive_score, restricted_score, restricted_approver,
/// measures_required_from ("sensitive" | "restricted" | "none")}.
boost::json::object settings_json(const Settings& s);
/// Reads stored settings (tolerant: missing members keep their defaults).
Settings settings_from(const boost::json::object& o);
/// Validates a full settings body (every member required, nothing else); errors name the fields.
result<Settings> parse_settings(const boost::json::value& body);

/// The level of one harm of this score.
Level level_of(int score, const Settings& s);

/// Adds "score" and "level" to every entry of `impacts` (benefits get level null) and returns the
/// outcome: the highest level among the harms (normal without harms).
Level annotate_impacts(boost::json::array& impacts, const Settings& s);

/// Counts for lists: benefits, harms, measures, the highest harm score (0 without harms).
boost::json::object impact_summary(const boost::json::array& annotated_impacts);

/// Why approval is refused, as field errors: the role (restricted uses need `restricted_approver`),
/// a missing note for sensitive and restricted uses, harms without measures at or above the
/// measures threshold (field `impacts[i].measures`). Empty when approval may go ahead.
/// `role_error` receives a role refusal separately (a 403, not a 422).
std::vector<FieldError> approval_problems(const boost::json::array& annotated_impacts, Level outcome, const Settings& s,
                                          accounts::Role approver, bool has_note, std::string& role_error);

/// The AI system fields whose change calls for a new assessment.
std::span<const std::string_view> significant_fields();
/// The significant fields of an AI system record (as stored in an approved version).
boost::json::object system_snapshot(const boost::json::object& system);
/// The significant fields that differ between a snapshot and the system now: [{field, from, to}].
boost::json::array changed_fields(const boost::json::object& snapshot, const boost::json::object& system);

/// Whether an approved assessment is due again, and why:
/// {due, reasons: ["review_date_passed" | "system_changed"], next_review_date, changed_fields}.
/// `snapshot` and `next_review_date` come from the latest approved version (null when never
/// approved: then nothing is due).
boost::json::object reassessment_due(const boost::json::value& snapshot, const boost::json::value& next_review_date,
                                     const boost::json::object& system, Date today);

}  // namespace aims::impact
