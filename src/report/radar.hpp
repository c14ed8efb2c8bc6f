// Geometry of the maturity radar charts, shared by the SVG (HTML) and the cairo (PDF) drawings so
// that both put every point in the same place. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aims::report {

/// One spoke of a radar: a clause or Annex A area, its maturity (0..5; null drawn at 0) and label.
struct RadarAxis {
  std::string id;
  std::string label;  // e.g. "4 2.50"
  double value = 0;
  bool has_value = false;
};

constexpr double kRadarMax = 5.0;

/// The axes of a by_clause / by_area list of the report model.
inline std::vector<RadarAxis> radar_axes(const boost::json::array& groups) {
  std::vector<RadarAxis> out;
  for (const auto& v : groups) {
    const auto& g = v.as_object();
    RadarAxis a;
    a.id = std::string(g.at("id").as_string());
    a.label = a.id;
    const auto& m = g.at("maturity");
    a.has_value = m.is_number();
    a.value = a.has_value ? std::clamp(m.to_number<double>(), 0.0, kRadarMax) : 0.0;
    out.push_back(std::move(a));
  }
  return out;
}

struct RadarPoint {
  double x, y;
};

/// Where `value` lies on spoke `i` of `n` around (cx, cy) with radius r for kRadarMax (values
/// beyond it lie outside the chart, where the labels go); the first spoke points up, the others
/// follow clockwise.
inline RadarPoint radar_point(std::size_t i, std::size_t n, double value, double cx, double cy, double r) {
  constexpr double pi = 3.14159265358979323846;
  double angle = -pi / 2 + 2 * pi * static_cast<double>(i) / static_cast<double>(n);
  double d = r * value / kRadarMax;
  return {cx + d * std::cos(angle), cy + d * std::sin(angle)};
}

}  // namespace aims::report
