// The certification cycle's record kinds (docs/certification.md), all field-driven: the
// certificate a certification body issued (CERT-), the body's audits of the cycle (CERTA-: stage 1,
// stage 2, the two surveillance audits, recertification) and their findings (CF-: a major or minor
// nonconformity, an observation or an opportunity for improvement against a clause or an Annex A
// control). The certificate's expiry and its status on a given day are worked out in one place
// (`expiry_of`, `status_on`). Immutable; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/date.hpp"
#include "domain/records/kind_spec.hpp"

namespace aims::certification {

const records::KindSpec& certificate_kind();
const records::KindSpec& certification_audit_kind();
const records::KindSpec& certification_finding_kind();

/// The months a certificate runs when its record names no expiry: three years.
inline constexpr int kCycleMonths = 36;

/// The certificate's expiry: its `expires_on`, else three years after `issued_on`; nullopt when
/// the document names neither (an unreadable record).
std::optional<Date> expiry_of(const boost::json::object& doc);

/// The certificate's status on `today`: the body's decision (`valid`, `suspended`, `withdrawn`),
/// except that a certificate past its expiry is `expired` unless it was withdrawn.
std::string status_on(const boost::json::object& doc, Date today);

/// True when `id` is a clause or an Annex A control of the embedded ISO/IEC 42001 catalog.
bool is_requirement(const std::string& id);

}  // namespace aims::certification
