#include "report/assessment_pdf.hpp"

#include "report/cells.hpp"

#include <cstdio>

#include "report/assessment_report.hpp"
#include "report/pdf_document.hpp"
#include "report/radar.hpp"
#include "core/json_members.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;
using Column = PdfDocument::Column;
constexpr unsigned kTarget = 0xd9822b;



std::string two(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void polygon(cairo_t* cr, const std::vector<RadarPoint>& pts) {
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (i == 0) cairo_move_to(cr, pts[i].x, pts[i].y);
    else cairo_line_to(cr, pts[i].x, pts[i].y);
  }
  cairo_close_path(cr);
}

/// A radar chart in the box (x, y, w, h): rings 1..5, spokes, the target polygon (dashed) and the
/// maturity polygon, each spoke labelled with its id and maturity.
void radar(PdfDocument& doc, double x, double y, double w, double h, const json::array& groups, double target,
           const std::string& caption) {
  cairo_t* cr = doc.cr();
  doc.text_at(x, y, w, caption, Style{10, true, 0x1d2430, PANGO_ALIGN_CENTER});
  auto axes = radar_axes(groups);
  if (axes.size() < 3) {
    doc.text_at(x, y + h / 2, w, "Not in the scope of this assessment.", Style{9, false, kMuted, PANGO_ALIGN_CENTER});
    return;
  }
  std::size_t n = axes.size();
  double cx = x + w / 2, cy = y + 16 + (h - 16) / 2, r = std::min(w, h - 16) / 2 - 26;
  auto ring = [&](double value) {
    std::vector<RadarPoint> pts;
    for (std::size_t i = 0; i < n; ++i) pts.push_back(radar_point(i, n, value, cx, cy, r));
    return pts;
  };
  cairo_set_line_width(cr, 0.5);
  for (int level = 1; level <= 5; ++level) {
    polygon(cr, ring(level));
    set_rgb(cr, kLine);
    cairo_stroke(cr);
    auto p = radar_point(0, n, level, cx, cy, r);
    if (level < 5) doc.text_at(p.x + 2, p.y - 4, 10, std::to_string(level), Style{5.5, false, 0x8a94a3});
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto p = radar_point(i, n, kRadarMax, cx, cy, r);
    cairo_move_to(cr, cx, cy);
    cairo_line_to(cr, p.x, p.y);
  }
  set_rgb(cr, kLine);
  cairo_stroke(cr);
  // Target: dashed outline.
  polygon(cr, ring(target));
  set_rgb(cr, kTarget);
  cairo_set_line_width(cr, 1.3);
  double dash[] = {4, 3};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  // Maturity: filled polygon with dots.
  std::vector<RadarPoint> pts;
  for (std::size_t i = 0; i < n; ++i) pts.push_back(radar_point(i, n, axes[i].value, cx, cy, r));
  polygon(cr, pts);
  set_rgb(cr, kAccent, 0.22);
  cairo_fill_preserve(cr);
  set_rgb(cr, kAccent);
  cairo_set_line_width(cr, 1.3);
  cairo_stroke(cr);
  for (const auto& p : pts) {
    cairo_arc(cr, p.x, p.y, 1.8, 0, 6.2832);
    cairo_fill(cr);
  }
  const double lw = 52;
  for (std::size_t i = 0; i < n; ++i) {
    auto l = radar_point(i, n, kRadarMax * 1.2, cx, cy, r);
    double dx = l.x - cx;
    std::string text = axes[i].label + " " + (axes[i].has_value ? two(axes[i].value) : std::string("N/A"));
    Style s{7, false, 0x1d2430, dx > 6 ? PANGO_ALIGN_LEFT : dx < -6 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER};
    double lx = dx > 6 ? l.x : dx < -6 ? l.x - lw : l.x - lw / 2;
    doc.text_at(lx, l.y - 4.5, lw, text, s);
  }
}

/// A boxed key figure: label, big value, small line below.
void figure(PdfDocument& doc, double x, double y, double w, const std::string& label, const std::string& value,
            const std::string& sub) {
  cairo_t* cr = doc.cr();
  cairo_tag_begin(cr, "P", "");
  cairo_rectangle(cr, x, y, w, 58);
  set_rgb(cr, 0xf7f9fc);
  cairo_fill_preserve(cr);
  set_rgb(cr, kLine);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  doc.text_at(x + 8, y + 6, w - 16, label, Style{8, false, kMuted});
  doc.text_at(x + 8, y + 17, w - 16, value, Style{18, true, kAccent});
  doc.text_at(x + 8, y + 42, w - 16, sub, Style{7, false, kMuted});
  cairo_tag_end(cr, "P");
}

std::vector<std::vector<std::string>> score_rows(const json::array& groups) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : groups) {
    const auto& g = v.as_object();
    rows.push_back({field_text(g, "id"), field_text(g, "title"), field_text(g, "maturity_text"),
                    field_text(g, "answered") + " / " + field_text(g, "items"), field_text(g, "below_target")});
  }
  return rows;
}

void draw(PdfDocument& doc, const json::object& rep) {
  const auto& a = rep.at("assessment").as_object();
  const auto& sum = rep.at("summary").as_object();
  const auto& rd = sum.at("readiness").as_object();
  double target = static_cast<double>(num(sum, "target_maturity"));

  // Title and summary page.
  doc.paragraph("ISO/IEC 42001:2023 GAP ASSESSMENT REPORT", Style{8.5, true, kAccent}, 2);
  doc.paragraph(string_at(a, "name"), Style{20, true}, 8);
  const std::pair<std::string, std::string> meta[] = {
      {"Organization", string_at(rep, "organization")},
      {"Assessment date", people_date(string_at(a, "assessment_date"))},
      {"Scope", string_at(a, "approach_text")},
      {"Target maturity", std::to_string(num(a, "target_maturity"))},
      {"Owner", string_at(a, "owner").empty() ? "—" : string_at(a, "owner")},
      {"Status", string_at(a, "status") == "completed" ? "Completed" : "In progress"},
      {"Assessment id", string_at(a, "id")},
      {"Generated", people_date_time(string_at(rep, "generated_at"))}};
  double col = doc.width() / 2, y0 = doc.y(), rowh = 0;
  for (std::size_t i = 0; i < std::size(meta); ++i) {
    double x = doc.left() + (i % 2) * col, y = y0 + static_cast<double>(i / 2) * 14;
    cairo_tag_begin(doc.cr(), "P", "");
    doc.text_at(x, y, 90, meta[i].first, Style{8.5, false, kMuted});
    rowh = std::max(rowh, y - y0 + doc.text_at(x + 92, y, col - 100, meta[i].second, Style{8.5}));
    cairo_tag_end(doc.cr(), "P");
  }
  doc.set_y(y0 + rowh + 14);

  doc.heading("Executive summary", 1, 260);
  double fw = (doc.width() - 3 * 8) / 4, fy = doc.y();
  figure(doc, doc.left(), fy, fw, "Overall maturity", string_at(sum, "overall_maturity_text"),
         "of 5; target " + std::to_string(num(sum, "target_maturity")));
  figure(doc, doc.left() + (fw + 8), fy, fw, "Readiness", string_at(rd, "percent_text"),
         std::to_string(num(rd, "achieved")) + " of " + std::to_string(num(rd, "required")) + " target points");
  figure(doc, doc.left() + 2 * (fw + 8), fy, fw, "Answered",
         std::to_string(num(sum, "answered")) + " / " + std::to_string(num(sum, "total")),
         std::to_string(num(sum, "not_applicable")) + " not applicable");
  figure(doc, doc.left() + 3 * (fw + 8), fy, fw, "Gaps", std::to_string(num(sum, "gap_count")), "items below target");
  doc.set_y(fy + 66);
  doc.paragraph(string_at(rd, "formula"), Style{7.5, false, kMuted}, 10);

  double rw = (doc.width() - 12) / 2, rh = 250, ry = doc.y();
  doc.ensure(rh + 20);
  ry = doc.y();
  radar(doc, doc.left(), ry, rw, rh, rep.at("by_clause").as_array(), target, "Maturity by clause (4–10)");
  radar(doc, doc.left() + rw + 12, ry, rw, rh, rep.at("by_area").as_array(), target, "Maturity by Annex A area");
  doc.set_y(ry + rh + 2);
  {
    cairo_t* cr = doc.cr();
    double lx = doc.left() + doc.width() / 2 - 110, ly = doc.y() + 5;
    set_rgb(cr, kAccent);
    cairo_rectangle(cr, lx, ly - 1.5, 16, 3);
    cairo_fill(cr);
    doc.text_at(lx + 20, ly - 5, 70, "maturity", Style{7.5, false, kMuted});
    set_rgb(cr, kTarget);
    cairo_rectangle(cr, lx + 90, ly - 1.5, 16, 3);
    cairo_fill(cr);
    doc.text_at(lx + 110, ly - 5, 130, "target " + std::to_string(num(sum, "target_maturity")) + " (scale 0–5)",
                Style{7.5, false, kMuted});
    doc.set_y(ly + 12);
  }

  const auto& top = sum.at("top_gaps").as_array();
  doc.heading(top.empty() ? std::string("Gaps") : "Top " + std::to_string(top.size()) + " gaps, in audit order", 2);
  if (top.empty()) {
    doc.paragraph("No gaps: every applicable item is at or above the target.", Style{9});
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : top) {
      const auto& g = v.as_object();
      rows.push_back({field_text(g, "rank"), field_text(g, "item_id"), field_text(g, "title"), field_text(g, "maturity_text"),
                      field_text(g, "target"), field_text(g, "gap"), priority_text(field_text(g, "priority")), field_text(g, "owner")});
    }
    doc.table({{"#", 3.5, PANGO_ALIGN_RIGHT}, {"Item", 8}, {"Title", 26}, {"Maturity", 10, PANGO_ALIGN_RIGHT},
               {"Target", 6, PANGO_ALIGN_RIGHT}, {"Gap", 4.5, PANGO_ALIGN_RIGHT}, {"Priority", 12}, {"Owner", 12}},
              rows);
  }

  doc.heading("Roadmap phases", 2);
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : sum.at("phases").as_array()) {
      const auto& p = v.as_object();
      auto s = people_date(field_text(p, "start_date"));
      rows.push_back({field_text(p, "phase"), field_text(p, "name"), field_text(p, "actions"),
                      s.empty() ? "—" : s + " – " + people_date(field_text(p, "end_date"))});
    }
    doc.table({{"Phase", 5, PANGO_ALIGN_RIGHT}, {"Name", 40}, {"Actions", 7, PANGO_ALIGN_RIGHT}, {"Dates", 22}}, rows);
  }

  doc.heading("Maturity by clause and by Annex A area", 1);
  std::vector<Column> score_cols{{"", 7}, {"Title", 40}, {"Maturity", 9, PANGO_ALIGN_RIGHT},
                                 {"Answered", 9, PANGO_ALIGN_RIGHT}, {"Below target", 9, PANGO_ALIGN_RIGHT}};
  if (!rep.at("by_clause").as_array().empty()) {
    score_cols[0].title = "Clause";
    doc.table(score_cols, score_rows(rep.at("by_clause").as_array()));
  }
  if (!rep.at("by_area").as_array().empty()) {
    score_cols[0].title = "Area";
    doc.table(score_cols, score_rows(rep.at("by_area").as_array()));
  }

  doc.heading("Items", 1);
  {
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : rep.at("items").as_array()) {
      const auto& it = v.as_object();
      std::string notes = item_notes(it);
      const auto& gap = it.at("gap");
      rows.push_back({field_text(it, "item_id"), field_text(it, "title"), field_text(it, "maturity_text"), field_text(it, "target"),
                      gap.is_int64() ? std::to_string(gap.get_int64()) : "—", field_text(it, "owner"), notes});
    }
    doc.table({{"Item", 8}, {"Title", 23}, {"Maturity", 11, PANGO_ALIGN_RIGHT}, {"Target", 6, PANGO_ALIGN_RIGHT},
               {"Gap", 4.5, PANGO_ALIGN_RIGHT}, {"Owner", 12}, {"Notes", 25}},
              rows);
  }

  const auto& rm = rep.at("roadmap").as_object();
  doc.heading("Roadmap actions, by phase and start", 1);
  if (rm.at("actions").as_array().empty()) {
    doc.paragraph("No actions: there are no gaps.", Style{9});
  } else {
    doc.paragraph("From " + people_date(field_text(rm, "start_date")) + ", " + field_text(rm, "capacity") + " actions at a time.",
                  Style{8.5, false, kMuted}, 6);
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : rm.at("actions").as_array()) {
      const auto& x = v.as_object();
      std::string action = field_text(x, "title");
      if (!field_text(x, "suggested_action").empty()) action += "\n" + field_text(x, "suggested_action");
      rows.push_back({field_text(x, "phase"), field_text(x, "item_id"), action, field_text(x, "effort"),
                      people_date(field_text(x, "start_date")), people_date(field_text(x, "target_date")), field_text(x, "owner"),
                      label(field_text(x, "status"))});
    }
    doc.table({{"Phase", 6.5, PANGO_ALIGN_RIGHT}, {"Item", 8}, {"Action", 31}, {"Effort", 7}, {"Start", 10.5}, {"Target", 10.5},
               {"Owner", 11}, {"Status", 9}},
              rows);
  }
}

}  // namespace

result<std::string> assessment_report_pdf(const json::object& rep) {
  const auto& a = rep.at("assessment").as_object();
  PdfDocument::Info info{false, "Gap assessment report — " + string_at(a, "name"), string_at(rep, "organization"),
                         "ISO/IEC 42001:2023 gap assessment of " + people_date(string_at(a, "assessment_date")),
                         string_at(rep, "organization") + " · " + string_at(a, "name") + " · generated " + people_date_time(string_at(rep, "generated_at"))};
  return PdfDocument::render(info, [&](PdfDocument& doc) { draw(doc, rep); });
}

}  // namespace aims::report
