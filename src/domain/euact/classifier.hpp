// The EU AI Act classification of one AI system as a pure function of the questionnaire's
// answers: the class (prohibited, high-risk with its legal basis, GPAI model, Annex III
// derogation, transparency, minimal), the
// general-purpose AI flags, the organization's roles and a rationale naming the answers that led
// to it. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "domain/euact/eu_data.hpp"
#include "domain/euact/questionnaire.hpp"

namespace aims::euact {

/// One answer that decided part of the result.
struct Reason {
  std::string question;  // question id
  std::string text;      // the question
  std::string answer;    // the answer for people ("yes", "Provider, Deployer")
  std::string effect;    // what it meant for the result
};

struct Outcome {
  // prohibited, high_risk, gpai_systemic, gpai_model, high_risk_exempt, transparency or minimal
  // (the inventory's values; see docs/eu-ai-act.md for which case gets which)
  std::string cls;
  std::string basis;  // the legal basis for people, e.g. "Annex III point 4(a)"; "" when minimal
  std::vector<std::string> roles;  // the organization's roles, in questionnaire order
  std::string organization_role;   // the inventory's single role for the system
  std::vector<const Practice*> practices;  // prohibited practices that apply
  bool annex_i = false;                    // Art. 6(1)
  std::string annex_i_section;             // "A" or "B" when annex_i
  std::vector<const AnnexPoint*> points;   // Annex III points answered yes
  bool profiling = false;
  const Rule* derogation = nullptr;        // the Art. 6(3) condition relied on, if any
  bool annex_iii_high_risk = false;        // Annex III points and no derogation (or profiling)
  std::vector<const Rule*> transparency;   // Art. 50 paragraphs that apply
  bool gpai = false, gpai_systemic = false, gpai_open_source = false, gpai_legacy = false;
  bool provider_outside_eu = false, art50_2_legacy = false;
  bool deployer_public_service = false;    // Art. 27(1): public-law body or private provider of public services
  bool deployer_public_authority = false;  // Art. 49(3), 26(8): public authority or Union body, or on their behalf
  std::vector<const Rule*> exclusions;     // Art. 2 exclusions picked (Art. 2(12) only when it takes effect)
  bool out_of_scope = false;               // an Art. 2 exclusion takes the system out of the regulation
  std::vector<const Rule*> provider_triggers;  // Art. 25(1) points picked
  bool provider_by_art25 = false;          // a trigger made the organization the provider of a high-risk system
  bool legacy = false;                     // Art. 111(2): on the market before its high-risk rules apply, no significant change
  bool legacy_public = false;              // … and intended for public authorities: comply by 2 August 2030
  std::string applies_from;  // when the class's own rules apply (earliest), "" for minimal
  std::vector<Reason> reasons;
  std::string rationale;  // generated text: the class, then the answers that led to it
};

/// Classifies checked answers (see check_answers). Answers to questions not asked are ignored.
Outcome classify(const Questionnaire& q, const boost::json::object& answers);

/// The result as stored and served (see EuActResult in api/openapi.yaml), without obligations.
boost::json::object to_json(const Outcome& o);

/// The inventory's organization_role for a set of roles of the classification (provider and
/// product manufacturer give provider, an authorised representative partner).
std::string inventory_role(const std::vector<std::string>& roles);

}  // namespace aims::euact
