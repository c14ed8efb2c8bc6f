#include "report/assessment_html.hpp"

#include "report/cells.hpp"

#include <cstdio>

#include "report/assessment_report.hpp"
#include "report/radar.hpp"
#include "core/json_members.hpp"

namespace aims::report {
namespace json = boost::json;

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr const char* kCss = R"css(
:root{--ink:#1d2430;--muted:#5b6675;--line:#d5dbe3;--head:#eef2f7;--accent:#1f5fa8;--target:#d9822b;--bad:#b3261e}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",system-ui,sans-serif;color:var(--ink);font-size:13px;line-height:1.45;background:#fff}
main{max-width:1100px;margin:0 auto;padding:32px 40px}
h1{font-size:26px;margin:4px 0 12px}
h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--accent)}
h3{font-size:15px;margin:20px 0 8px}
.kicker{margin:0;color:var(--accent);font-weight:bold;text-transform:uppercase;letter-spacing:.05em;font-size:12px}
dl.meta{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:4px 16px;margin:0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:8px 0 12px}
.figure{border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:#fafbfd}
.figure .label{display:block;color:var(--muted);font-size:12px}
.figure .value{display:block;font-size:28px;font-weight:bold;color:var(--accent)}
.figure .sub{display:block;color:var(--muted);font-size:12px}
.formula{color:var(--muted);font-size:12px;margin:4px 0 0}
table{width:100%;border-collapse:collapse;margin:4px 0 8px;font-size:12px}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
table.fixed{table-layout:fixed}
th{background:var(--head);font-weight:bold}
tbody tr:nth-child(even) td{background:#f8f9fb}
td.num,th.num{text-align:right;white-space:nowrap}
td.id{white-space:nowrap}
.muted{color:var(--muted)}
.radars{display:grid;grid-template-columns:1fr 1fr;gap:16px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
figcaption{font-weight:bold;text-align:center;margin-bottom:4px}
svg{display:block;width:100%;height:auto}
.legend{text-align:center;color:var(--muted);font-size:12px}
.swatch{display:inline-block;width:18px;height:3px;vertical-align:middle;margin:0 4px 0 12px}
.bar{display:inline-block;height:8px;background:var(--accent);border-radius:2px;vertical-align:middle}
.scores{display:grid;grid-template-columns:1fr 1fr;gap:16px}
footer{margin-top:32px;color:var(--muted);font-size:11px;border-top:1px solid var(--line);padding-top:8px}
@page{size:A4;margin:14mm}
@media print{main{padding:0;max-width:none}h2{break-after:avoid}tr,figure{break-inside:avoid}section{break-before:auto}}
)css";

std::string num_text(double v, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}


/// A radar chart of the groups with the target polygon, as inline SVG.
std::string radar_svg(const json::array& groups, double target, const std::string& title) {
  auto axes = radar_axes(groups);
  if (axes.size() < 3) return "<p class=\"muted\">Not in the scope of this assessment.</p>";
  const double cx = 210, cy = 175, r = 130;
  std::size_t n = axes.size();
  std::string s = "<svg viewBox=\"0 0 420 350\" role=\"img\" aria-label=\"" + html_escape(title) + "\">";
  for (int ring = 1; ring <= 5; ++ring) {
    std::string pts;
    for (std::size_t i = 0; i < n; ++i) {
      auto p = radar_point(i, n, ring, cx, cy, r);
      pts += num_text(p.x, 1) + "," + num_text(p.y, 1) + " ";
    }
    s += "<polygon points=\"" + pts + "\" fill=\"none\" stroke=\"#d5dbe3\" stroke-width=\"1\"/>";
    if (ring == 5) continue;  // the first spoke's label is there
    auto lp = radar_point(0, n, ring, cx, cy, r);
    s += "<text x=\"" + num_text(lp.x + 4, 1) + "\" y=\"" + num_text(lp.y + 4, 1) +
         "\" font-size=\"9\" fill=\"#8a94a3\">" + std::to_string(ring) + "</text>";
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto p = radar_point(i, n, kRadarMax, cx, cy, r);
    s += "<line x1=\"" + num_text(cx, 1) + "\" y1=\"" + num_text(cy, 1) + "\" x2=\"" + num_text(p.x, 1) + "\" y2=\"" +
         num_text(p.y, 1) + "\" stroke=\"#d5dbe3\"/>";
  }
  std::string tpts, vpts;
  for (std::size_t i = 0; i < n; ++i) {
    auto t = radar_point(i, n, target, cx, cy, r);
    auto v = radar_point(i, n, axes[i].value, cx, cy, r);
    tpts += num_text(t.x, 1) + "," + num_text(t.y, 1) + " ";
    vpts += num_text(v.x, 1) + "," + num_text(v.y, 1) + " ";
  }
  s += "<polygon points=\"" + tpts + "\" fill=\"none\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
  s += "<polygon points=\"" + vpts + "\" fill=\"#1f5fa8\" fill-opacity=\"0.22\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>";
  for (std::size_t i = 0; i < n; ++i) {
    auto v = radar_point(i, n, axes[i].value, cx, cy, r);
    s += "<circle cx=\"" + num_text(v.x, 1) + "\" cy=\"" + num_text(v.y, 1) + "\" r=\"3\" fill=\"#1f5fa8\"/>";
    auto l = radar_point(i, n, kRadarMax * 1.2, cx, cy, r);
    double dx = l.x - cx;
    const char* anchor = dx > 8 ? "start" : dx < -8 ? "end" : "middle";
    std::string value = axes[i].has_value ? num_text(axes[i].value, 2) : "N/A";
    s += "<text x=\"" + num_text(l.x, 1) + "\" y=\"" + num_text(l.y + 4, 1) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"12\" fill=\"#1d2430\"><tspan font-weight=\"bold\">" + html_escape(axes[i].label) +
         "</tspan> " + value + "</text>";
  }
  s += "</svg>";
  return s;
}

std::string scores_table(const json::array& groups, const char* what) {
  std::string s = "<table><thead><tr><th>" + std::string(what) +
                  "</th><th class=\"num\">Maturity</th><th class=\"num\">Answered</th><th class=\"num\">Below "
                  "target</th></tr></thead><tbody>";
  for (const auto& v : groups) {
    const auto& g = v.as_object();
    const auto& m = g.at("maturity");
    double w = m.is_number() ? m.to_number<double>() / kRadarMax * 60 : 0;
    s += "<tr><td><b>" + html_escape(field_text(g, "id")) + "</b> " + html_escape(field_text(g, "title")) +
         "</td><td class=\"num\"><span class=\"bar\" style=\"width:" + num_text(w, 0) + "px\"></span> " +
         html_escape(field_text(g, "maturity_text")) + "</td><td class=\"num\">" + field_text(g, "answered") + " / " +
         field_text(g, "items") + "</td><td class=\"num\">" + field_text(g, "below_target") + "</td></tr>";
  }
  return s + "</tbody></table>";
}

std::string date_range(const json::object& p) {
  auto a = people_date(field_text(p, "start_date")), b = people_date(field_text(p, "end_date"));
  return a.empty() ? "—" : a + " – " + b;
}

}  // namespace

std::string assessment_report_html(const json::object& rep) {
  const auto& a = rep.at("assessment").as_object();
  const auto& sum = rep.at("summary").as_object();
  const auto& rd = sum.at("readiness").as_object();
  double target = static_cast<double>(num(sum, "target_maturity"));
  std::string h;
  h.reserve(64 * 1024);
  h += "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += "<title>Gap assessment report — " + html_escape(string_at(a, "name")) + "</title><style>" + kCss + "</style></head><body><main>";

  h += "<header><p class=\"kicker\">" + html_escape(string_at(rep, "framework")) + " gap assessment report</p><h1>" +
       html_escape(string_at(a, "name")) + "</h1><dl class=\"meta\">";
  auto meta = [&](const char* k, const std::string& v) {
    h += "<dt>" + std::string(k) + "</dt><dd>" + html_escape(v.empty() ? "—" : v) + "</dd>";
  };
  meta("Organization", string_at(rep, "organization"));
  meta("Assessment date", people_date(string_at(a, "assessment_date")));
  meta("Scope", string_at(a, "approach_text"));
  meta("Target maturity", std::to_string(num(a, "target_maturity")));
  meta("Owner", string_at(a, "owner"));
  meta("Status", string_at(a, "status") == "completed" ? "Completed" : "In progress");
  meta("Assessment id", string_at(a, "id"));
  meta("Generated", people_date_time(string_at(rep, "generated_at")));
  h += "</dl></header>";

  h += "<section id=\"summary\"><h2>Executive summary</h2><div class=\"figures\">";
  h += "<div class=\"figure\"><span class=\"label\">Overall maturity</span><span class=\"value\" id=\"overall-maturity\">" +
       html_escape(string_at(sum, "overall_maturity_text")) + "</span><span class=\"sub\">of 5; target " +
       std::to_string(num(sum, "target_maturity")) + "</span></div>";
  h += "<div class=\"figure\"><span class=\"label\">Readiness</span><span class=\"value\" id=\"readiness\">" +
       html_escape(string_at(rd, "percent_text")) + "</span><span class=\"sub\">" + std::to_string(num(rd, "achieved")) +
       " of " + std::to_string(num(rd, "required")) + " target points</span></div>";
  h += "<div class=\"figure\"><span class=\"label\">Answered</span><span class=\"value\">" +
       std::to_string(num(sum, "answered")) + " / " + std::to_string(num(sum, "total")) +
       "</span><span class=\"sub\">" + std::to_string(num(sum, "not_applicable")) + " not applicable</span></div>";
  h += "<div class=\"figure\"><span class=\"label\">Gaps</span><span class=\"value\">" +
       std::to_string(num(sum, "gap_count")) + "</span><span class=\"sub\">items below target</span></div></div>";
  h += "<p class=\"formula\">" + html_escape(string_at(rd, "formula")) + "</p>";

  const auto& top = sum.at("top_gaps").as_array();
  h += top.empty() ? std::string("<h3>Gaps</h3>") : "<h3>Top " + std::to_string(top.size()) + " gaps, in audit order</h3>";
  if (top.empty()) {
    h += "<p>No gaps: every applicable item is at or above the target.</p>";
  } else {
    h += "<table><thead><tr><th class=\"num\">#</th><th>Item</th><th>Title</th><th class=\"num\">Maturity</th>"
         "<th class=\"num\">Target</th><th class=\"num\">Gap</th><th>Priority</th><th>Owner</th></tr></thead><tbody>";
    for (const auto& v : top) {
      const auto& g = v.as_object();
      h += "<tr><td class=\"num\">" + field_text(g, "rank") + "</td><td class=\"id\">" + html_escape(field_text(g, "item_id")) +
           "</td><td>" + html_escape(field_text(g, "title")) + "</td><td class=\"num\">" + html_escape(field_text(g, "maturity_text")) +
           "</td><td class=\"num\">" + field_text(g, "target") + "</td><td class=\"num\">" + field_text(g, "gap") + "</td><td>" +
           html_escape(priority_text(field_text(g, "priority"))) + "</td><td>" + html_escape(field_text(g, "owner")) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  h += "<h3>Roadmap phases</h3><table><thead><tr><th class=\"num\">Phase</th><th>Name</th><th class=\"num\">Actions</th>"
       "<th>Dates</th></tr></thead><tbody>";
  for (const auto& v : sum.at("phases").as_array()) {
    const auto& p = v.as_object();
    h += "<tr><td class=\"num\">" + field_text(p, "phase") + "</td><td>" + html_escape(field_text(p, "name")) +
         "</td><td class=\"num\">" + field_text(p, "actions") + "</td><td>" + html_escape(date_range(p)) + "</td></tr>";
  }
  h += "</tbody></table></section>";

  h += "<section id=\"maturity\"><h2>Maturity by clause and by Annex A area</h2><div class=\"radars\">";
  h += "<figure><figcaption>Clauses 4–10</figcaption>" +
       radar_svg(rep.at("by_clause").as_array(), target, "Maturity by clause") + "</figure>";
  h += "<figure><figcaption>Annex A areas</figcaption>" +
       radar_svg(rep.at("by_area").as_array(), target, "Maturity by Annex A area") + "</figure></div>";
  h += "<p class=\"legend\"><span class=\"swatch\" style=\"background:#1f5fa8\"></span>maturity"
       "<span class=\"swatch\" style=\"background:#d9822b\"></span>target " +
       std::to_string(num(sum, "target_maturity")) + " (scale 0–5)</p><div class=\"scores\"><div>";
  if (!rep.at("by_clause").as_array().empty()) h += scores_table(rep.at("by_clause").as_array(), "Clause");
  h += "</div><div>";
  if (!rep.at("by_area").as_array().empty()) h += scores_table(rep.at("by_area").as_array(), "Annex A area");
  h += "</div></div></section>";

  h += "<section id=\"items\"><h2>Items</h2><table class=\"fixed\"><colgroup><col style=\"width:7%\"><col style=\"width:27%\">"
       "<col style=\"width:10%\"><col style=\"width:6%\"><col style=\"width:5%\"><col style=\"width:14%\"><col></colgroup><thead><tr><th>Item</th><th>Title</th><th class=\"num\">Maturity</th>"
       "<th class=\"num\">Target</th><th class=\"num\">Gap</th><th>Owner</th><th>Notes</th></tr></thead><tbody>";
  for (const auto& v : rep.at("items").as_array()) {
    const auto& it = v.as_object();
    std::string notes = item_notes(it);
    const auto& gap = it.at("gap");
    h += "<tr><td class=\"id\">" + html_escape(field_text(it, "item_id")) + "</td><td>" + html_escape(field_text(it, "title")) +
         "</td><td class=\"num\">" + html_escape(field_text(it, "maturity_text")) + "</td><td class=\"num\">" +
         field_text(it, "target") + "</td><td class=\"num\">" + (gap.is_int64() ? std::to_string(gap.get_int64()) : "—") +
         "</td><td>" + html_escape(field_text(it, "owner")) + "</td><td>" + html_escape(notes) + "</td></tr>";
  }
  h += "</tbody></table></section>";

  const auto& rm = rep.at("roadmap").as_object();
  h += "<section id=\"roadmap\"><h2>Roadmap actions, by phase and start</h2>";
  if (rm.at("actions").as_array().empty()) {
    h += "<p>No actions: there are no gaps.</p>";
  } else {
    h += "<p class=\"muted\">From " + html_escape(people_date(field_text(rm, "start_date"))) + ", " + field_text(rm, "capacity") +
         " actions at a time.</p><table class=\"fixed\"><colgroup><col style=\"width:6%\"><col style=\"width:7%\">"
         "<col style=\"width:37%\"><col style=\"width:6%\"><col style=\"width:11%\"><col style=\"width:11%\">"
         "<col style=\"width:13%\"><col></colgroup><thead><tr><th class=\"num\">Phase</th><th>Item</th><th>Action</th><th>Effort</th>"
         "<th>Start</th><th>Target</th><th>Owner</th><th>Status</th></tr></thead><tbody>";
    for (const auto& v : rm.at("actions").as_array()) {
      const auto& x = v.as_object();
      h += "<tr><td class=\"num\">" + field_text(x, "phase") + "</td><td class=\"id\">" + html_escape(field_text(x, "item_id")) +
           "</td><td>" + html_escape(field_text(x, "title")) +
           (field_text(x, "suggested_action").empty()
                ? std::string()
                : "<br><span class=\"muted\">" + html_escape(field_text(x, "suggested_action")) + "</span>") +
           "</td><td>" +
           html_escape(field_text(x, "effort")) + "</td><td class=\"id\">" + html_escape(people_date(field_text(x, "start_date"))) +
           "</td><td class=\"id\">" + html_escape(people_date(field_text(x, "target_date"))) + "</td><td>" + html_escape(field_text(x, "owner")) +
           "</td><td>" + html_escape(label(field_text(x, "status"))) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  h += "</section><footer>Generated by aims on " + html_escape(people_date_time(string_at(rep, "generated_at"))) +
       ". Maturity scale 0 (none) to 5 (optimizing); unanswered and skipped items count as 0.</footer></main></body></html>\n";
  return h;
}

}  // namespace aims::report
