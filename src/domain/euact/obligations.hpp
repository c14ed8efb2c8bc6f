// Which EU AI Act obligations follow from a classification, for which of the organization's
// roles, from when, and by when they are due (a transition period moves the due date). Pure
// functions over the data; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/euact/classifier.hpp"
#include "domain/euact/eu_data.hpp"

namespace aims::euact {

struct Derived {
  const Obligation* obligation = nullptr;
  std::vector<std::string> roles;           // the organization's roles it falls on
  std::string variant;                      // the applies_from key used, e.g. high_risk_annex_iii
  std::string applies_from;                 // YYYY-MM-DD: when it applies to this system
  std::optional<std::string> grace_until;   // a transition this system qualifies for
  std::string due;                          // grace_until if set, else applies_from
};

/// The obligations of the organization for a classified system, in the data's order.
std::vector<Derived> derive_obligations(const Data& data, const Outcome& outcome);

/// A derived obligation as shown with a classification result.
boost::json::object to_json(const Derived& d);

}  // namespace aims::euact
