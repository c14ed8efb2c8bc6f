// The fields of an AI system impact assessment, grouped by the documentation elements of
// ISO/IEC 42005 (scope; system information; data; algorithm and model; deployment environment;
// interested parties; benefits and harms with their measures): validation of request bodies with
// field errors named like `impacts[2].severity`, the defaults of a new record, the pre-fill from the
// AI system's inventory fields and the completeness check before review. Pure functions over
// constant tables; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aims::impact {

/// The editable fields, in record order.
std::span<const std::string_view> editable_fields();

/// Validates and normalizes the editable fields present in `input` (text trimmed, lists
/// de-duplicated, benefit/harm rows and measures checked). Unknown and read-only fields are errors
/// (`system_id` is accepted only when `creating`). Impact rows keep a given `id` or get one from
/// `mint_id`; their derived `score` and `level` are ignored. All problems go to `errors`.
boost::json::object normalize(const boost::json::object& input, bool creating, std::vector<FieldError>& errors,
                              const std::function<std::string()>& mint_id);

/// Every editable field at its empty default.
boost::json::object empty_fields();

/// Fields filled from the AI system's inventory record: title, purpose, intended and unintended
/// uses, data sources, model type, deployment context, human oversight and the affected people as
/// interested parties.
boost::json::object prefill_from(const boost::json::object& system);

/// What must be filled before an assessment goes to review (and again before approval):
/// scope, purpose, intended uses, the deployment context and at least one benefit or harm.
std::vector<FieldError> completeness_problems(const boost::json::object& record);

}  // namespace aims::impact
