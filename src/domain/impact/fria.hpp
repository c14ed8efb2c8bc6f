// The EU AI Act fundamental-rights impact assessment (Regulation (EU) 2024/1689, Art. 27) as a view
// of an impact assessment: each element of Art. 27(1)(a)–(f) filled from the record or flagged as
// missing, and whether an FRIA is required — from the system's saved classification. Pure functions;
// thread-safe.
#pragma once
#include <boost/json.hpp>

namespace aims::impact {

/// Whether Art. 27 applies, from the system's saved classification (its EU AI Act facts under
/// "eu_ai_act", see euact::system_facts; a system without them counts as not classified):
/// {required, reason, conditions, classified, classification_version, roles, organization_role,
/// eu_ai_act_class, eu_ai_act_basis}. Required exactly when the Art. 27 obligation follows from
/// the classification, as on the obligations register.
boost::json::object fria_applicability(const boost::json::object& system);

/// The FRIA view of an annotated assessment record (impacts with score and level):
/// {applicability, elements: [{key, reference, title, status: filled|partial|missing, ...content}],
///  complete, missing}. `system` is the AI system record now.
boost::json::object derive_fria(const boost::json::object& record, const boost::json::object& system);

}  // namespace aims::impact
