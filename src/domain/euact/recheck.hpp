// Whether a saved classification needs re-checking because the questionnaire changed since it
// was answered: the questions the saved answers now leave open, the answers to questions that no
// longer exist, and what the same answers mean now (class, basis, obligations; under the current
// questionnaire version: class and basis, which a change of the rules can move). Pure functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

#include "domain/euact/questionnaire.hpp"

namespace aims::euact {

/// For a saved classification document ({"questionnaire_version", "answers", "result", ...}):
/// null when it was answered with the current questionnaire version and the same answers still
/// give the saved class and basis, otherwise
/// {"needed", "questionnaire_version", "current_version", "new_questions": [{id, text, step}],
///  "removed_answers": [id], "changes": [text]}. `needed` is false when the new questionnaire
/// gives the same answers the same meaning.
boost::json::value recheck(const Questionnaire& q, const boost::json::object& saved);

/// Whether the saved classification needs a re-check (`needed` of recheck): the one test used by
/// the classification page, the obligations board and the dashboard.
bool recheck_needed(const Questionnaire& q, const boost::json::object& saved);

/// The saved document as served: `saved` with its "recheck" field set.
std::string with_recheck(const Questionnaire& q, const std::string& saved_json);

}  // namespace aims::euact
