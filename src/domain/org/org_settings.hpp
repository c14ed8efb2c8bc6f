// The organization's settings (SPEC §2, who is accountable for what): segregation of duties, per
// workflow, and whether approving the SoA requires a justification for every applicable control. One record of kind org_settings per organization (id "settings"); the defaults
// apply until an admin saves them. Everyone reads them; only admins change them, under If-Match.
// The approve/accept use cases call require_segregation inside their own transaction.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::org {

/// The workflows whose approver may not be the author of what is approved.
enum class Duty { impact_approval, risk_acceptance, soa_approval };

struct Settings {
  bool impact_approval = true;   // the submitter of an impact assessment may not approve it
  bool risk_acceptance = true;   // the creator or last editor of a risk may not accept it
  bool soa_approval = true;      // whoever changed an SoA entry since the last version may not approve the next
  bool soa_justification_required = false;  // no SoA version is approved while an applicable control lacks a justification
};

/// A settings document as served: its JSON and version (for the ETag).
struct View {
  std::int64_t version = 0;
  std::string json;
};

class OrgSettingsService {
 public:
  static constexpr std::string_view kKind = "org_settings";

  OrgSettingsService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// {"segregation_of_duties": {...}, "soa_justification_required", "version", "updated_at",
  /// "updated_by"}; any member reads it.
  result<View> get(const accounts::Actor& a);
  /// Replaces the settings (admins only; segregation_of_duties required, soa_justification_required
  /// kept as it is when left out); If-Match ("v0" for the defaults).
  result<View> put(const accounts::Actor& a, const boost::json::value& body, const std::optional<std::string>& if_match);

  static std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

 private:
  store::Store& store_;
  const Clock& clock_;
};

/// The organization's settings as stored, or the defaults.
Settings load_settings(store::ReadTx& tx, const std::string& org_id);

/// Forbidden with `reason` when `is_author` and the organization segregates `duty`. Work the
/// system does itself outside any request (the demo seed) is not a person's and is not checked.
status require_segregation(store::ReadTx& tx, const accounts::Actor& a, Duty duty, bool is_author, std::string_view reason);

}  // namespace aims::org
