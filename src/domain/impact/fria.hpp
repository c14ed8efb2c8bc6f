// The EU AI Act fundamental-rights impact assessment (Regulation (EU) 2024/1689, Art. 27) as a view
// of an impact assessment: each element of Art. 27(1)(a)–(f) filled from the record or flagged as
// missing, and whether the AI system's inventory fields make an FRIA required. Pure functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

namespace aims::impact {

/// Whether Art. 27 applies, from the inventory: the organization deploys the system
/// (`organization_role` = deployer) and it is high-risk (`eu_ai_act_class` = high_risk), unless its
/// basis is Annex III point 2 (critical infrastructure, exempt). Returns
/// {required, reason, conditions} — `conditions` says what the inventory cannot tell (whether the
/// deployer is a public body or provides public services, for points other than 5(b) and 5(c)).
boost::json::object fria_applicability(const boost::json::object& system);

/// The FRIA view of an annotated assessment record (impacts with score and level):
/// {applicability, elements: [{key, reference, title, status: filled|partial|missing, ...content}],
///  complete, missing}. `system` is the AI system record now.
boost::json::object derive_fria(const boost::json::object& record, const boost::json::object& system);

}  // namespace aims::impact
