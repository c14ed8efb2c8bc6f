// A risk's stored list view (docs/storage.md, "Stored list views"): the served risk (risk_view.hpp)
// with the members derived under the criteria, today's date and the AI system's name left as
// holes, and the fields they are derived from as its inputs; and those members' values when a
// page is served. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "domain/risk/risk_view.hpp"

namespace aims::risk {

/// The stored list view of a risk (records::make_list_view), declared by risk_kind().
std::string risk_list_view(const store::RecordRow& row, const boost::json::object& doc);
/// The values of its holes for a row, from its list view's inputs: what view_of derives.
boost::json::object list_holes(const store::RecordRow& row, const boost::json::object& inputs, const Criteria& c, Date today,
                               const SystemNames& names);

}  // namespace aims::risk
