#include "report/impact_pdf.hpp"

#include <algorithm>

#include "report/cells.hpp"
#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;

const json::array& arr(const json::object& o, std::string_view k) {
  static const json::array kEmpty;
  auto p = o.if_contains(k);
  return p && p->is_array() ? p->as_array() : kEmpty;
}

std::string or_dash(std::string s) { return s.empty() ? "—" : s; }

/// A labelled block of text; empty text shows as "Not filled in."
void labelled(PdfDocument& doc, const std::string& title, const std::string& text) {
  doc.ensure(34);
  doc.paragraph(title, Style{9, true}, 1);
  if (text.empty()) doc.paragraph("Not filled in.", Style{9, false, kMuted}, 6);
  else doc.paragraph(text, Style{9}, 6);
}

std::string level_text(const json::value& v) { return v.is_string() ? label(std::string(v.as_string())) : "—"; }

std::string reassessment_text(const json::object& a) {
  auto p = a.if_contains("reassessment_due");
  if (!p || !p->is_object() || !p->as_object().at("due").as_bool()) return "No";
  std::string why;
  for (const auto& r : p->as_object().at("reasons").as_array()) {
    if (r.as_string() == "review_date_passed") why += (why.empty() ? "" : "; ") + std::string("review date passed");
    if (r.as_string() == "system_changed") {
      std::string fields;
      for (const auto& c : p->as_object().at("changed_fields").as_array())
        fields += (fields.empty() ? "" : ", ") + field_text(c.as_object(), "field");
      why += (why.empty() ? "" : "; ") + std::string("AI system changed (") + fields + ")";
    }
  }
  return "Yes — " + why;
}

void facts(PdfDocument& doc, const std::vector<std::pair<std::string, std::string>>& rows) {
  double col = doc.width() / 2, y = doc.y();
  for (std::size_t i = 0; i < rows.size(); i += 2) {
    double h = 0;
    for (std::size_t j = i; j < std::min(rows.size(), i + 2); ++j) {
      double x = doc.left() + static_cast<double>(j - i) * col;
      doc.text_at(x, y, 100, rows[j].first, Style{8.5, false, kMuted});
      h = std::max(h, doc.text_at(x + 102, y, col - 108, rows[j].second, Style{8.5}));
    }
    y += std::max(h, 12.0) + 3;
  }
  doc.set_y(y + 10);
}

void fria_section(PdfDocument& doc, const json::object& fria) {
  doc.heading("EU AI Act fundamental-rights impact assessment (Art. 27)", 1);
  const auto& app = fria.at("applicability").as_object();
  bool required = app.at("required").as_bool();
  doc.paragraph(std::string("FRIA required: ") + (required ? "Yes" : "No") + ". " + field_text(app, "reason"),
                Style{9, true, required ? kWarn : 0x1d2430}, 2);
  if (!field_text(app, "conditions").empty()) doc.paragraph(field_text(app, "conditions"), Style{8.5, false, kMuted}, 4);
  doc.paragraph(fria.at("complete").as_bool() ? "Every element of Art. 27(1) is filled from the record."
                                              : "Elements still missing: " + cell_text(fria.at("missing")) + ".",
                Style{9}, 6);
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : arr(fria, "elements")) {
    const auto& e = v.as_object();
    std::string content = field_text(e, "text");
    for (const auto& it : arr(e, "items")) {
      const auto& o = it.as_object();
      std::string line = o.contains("name") ? field_text(o, "name") + (o.at("vulnerable").as_bool() ? " (vulnerable)" : "")
                         : o.contains("harm") ? field_text(o, "description") + " — " + or_dash(field_text(o, "owner")) + ", " +
                                                    label(field_text(o, "status"))
                                              : field_text(o, "affected_party") + ": " + field_text(o, "description") +
                                                    " (score " + field_text(o, "score") + ", " + level_text(o.at("level")) + ")";
      content += (content.empty() ? "" : "\n") + ("• " + line);
    }
    rows.push_back({field_text(e, "reference"), field_text(e, "title"), label(field_text(e, "status")),
                    content.empty() ? "—" : content});
  }
  doc.table({{"Element", 14}, {"What Art. 27 asks for", 30}, {"Status", 10}, {"From the record", 56}}, rows, 7.5);
}

}  // namespace

result<std::string> impact_pdf(const json::object& model) {
  const auto& a = model.at("assessment").as_object();
  const auto& src = model.at("source").as_object();
  bool version = field_text(src, "kind") == "version";
  std::string which = version ? "approved version " + field_text(src, "number") : std::string("working copy");
  std::string org = field_text(model, "organization");
  PdfDocument::Info info{false, "Impact assessment " + field_text(a, "ref") + " — " + field_text(a, "title"), org,
                         "AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4; A.5), " + which,
                         org + " · " + field_text(a, "ref") + " · " + which + " · exported " + people_date_time(field_text(model, "exported_at"))};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.paragraph("AI SYSTEM IMPACT ASSESSMENT (ISO/IEC 42001 6.1.4, 8.4; A.5)", Style{8.5, true, kAccent}, 2);
    doc.paragraph(field_text(a, "title"), Style{18, true}, 8);
    const auto* sys = a.if_contains("system");
    std::string sys_name = sys && sys->is_object() ? field_text(sys->as_object(), "name") : "";
    std::string approved;
    if (version) approved = field_text(src, "approved_by") + ", " + people_date_time(field_text(src, "approved_at"));
    else if (a.contains("approved_version") && a.at("approved_version").is_int64())
      approved = "version " + field_text(a, "approved_version") + " by " + field_text(a, "approved_by") + ", " + people_date_time(field_text(a, "approved_at"));
    facts(doc, {{"Organization", org},
                {"Reference", field_text(a, "ref")},
                {"AI system", or_dash(sys_name)},
                {"Shown", label(which)},
                {"Status", label(field_text(a, "status"))},
                {"Outcome", label(field_text(a, "outcome"))},
                {"Approved", or_dash(approved)},
                {"Next review", or_dash(people_date(field_text(a, "next_review_date")))},
                {"Re-assessment due", version ? "—" : reassessment_text(a)},
                {"Assessors", or_dash(cell_text(a.at("assessors")))}});
    if (version && !field_text(src, "note").empty()) labelled(doc, "Approval note", field_text(src, "note"));

    doc.heading("1. Scope of the assessment", 1);
    labelled(doc, "What the assessment covers", field_text(a, "scope"));
    doc.heading("2. AI system information", 1);
    labelled(doc, "Purpose", field_text(a, "purpose"));
    labelled(doc, "Intended uses", field_text(a, "intended_uses"));
    labelled(doc, "Reasonably foreseeable unintended uses and misuse", field_text(a, "unintended_uses"));
    doc.heading("3. Data information and quality", 1);
    labelled(doc, "Data sources", cell_text(a.at("data_sources")));
    labelled(doc, "Data quality", field_text(a, "data_quality"));
    doc.heading("4. Algorithm and model information", 1);
    labelled(doc, "Model type", field_text(a, "model_type"));
    labelled(doc, "How the model works and its limits", field_text(a, "model_information"));
    doc.heading("5. Deployment environment", 1);
    labelled(doc, "Deployment context", field_text(a, "deployment_context"));
    labelled(doc, "Processes in which the system is used", field_text(a, "processes"));
    labelled(doc, "Period and frequency of use", field_text(a, "period_and_frequency"));
    labelled(doc, "Human oversight", field_text(a, "human_oversight"));

    doc.heading("6. Relevant interested parties", 1);
    std::vector<std::vector<std::string>> parties;
    for (const auto& v : arr(a, "interested_parties")) {
      const auto& p = v.as_object();
      parties.push_back({field_text(p, "name"), label(field_text(p, "relation")), cell_text(p.at("vulnerable")), field_text(p, "notes")});
    }
    if (parties.empty()) doc.paragraph("None recorded.", Style{9, false, kMuted});
    else doc.table({{"Party", 30}, {"Relation", 14}, {"Vulnerable", 12}, {"Notes", 44}}, parties);

    doc.heading("7. Benefits and harms", 1);
    doc.paragraph("Severity 1 minor, 2 moderate, 3 serious, 4 critical; likelihood 1 rare, 2 possible, 3 likely, 4 almost "
                  "certain; score = severity × likelihood. Harm levels follow the organization's thresholds.",
                  Style{8, false, kMuted}, 4);
    std::vector<std::vector<std::string>> impacts, measures;
    int n = 0;
    for (const auto& v : arr(a, "impacts")) {
      const auto& e = v.as_object();
      ++n;
      impacts.push_back({std::to_string(n), label(field_text(e, "type")), label(field_text(e, "category")),
                         field_text(e, "affected_party"), field_text(e, "description"), field_text(e, "severity"),
                         field_text(e, "likelihood"), field_text(e, "score"), level_text(e.at("level"))});
      for (const auto& m : arr(e, "measures")) {
        const auto& mo = m.as_object();
        measures.push_back({std::to_string(n), field_text(mo, "description"), or_dash(field_text(mo, "owner")),
                            label(field_text(mo, "status"))});
      }
    }
    if (impacts.empty()) doc.paragraph("No benefits or harms recorded.", Style{9, false, kMuted});
    else
      doc.table({{"#", 4}, {"Type", 9}, {"Category", 11}, {"Affected party", 16}, {"Description", 34}, {"Sev.", 5},
                 {"Lik.", 5}, {"Score", 7}, {"Level", 11}},
                impacts);
    doc.heading("8. Measures", 1);
    if (measures.empty()) doc.paragraph("No measures recorded.", Style{9, false, kMuted});
    else doc.table({{"Entry", 7}, {"Measure", 55}, {"Owner", 20}, {"Status", 14}}, measures);
    labelled(doc, "Internal governance and complaint mechanisms", field_text(a, "governance_and_complaints"));

    fria_section(doc, model.at("fria").as_object());

    doc.heading("Approved versions", 1);
    std::vector<std::vector<std::string>> versions;
    for (const auto& v : arr(model, "versions")) {
      const auto& o = v.as_object();
      versions.push_back({field_text(o, "number"), people_date_time(field_text(o, "approved_at")), field_text(o, "approved_by"),
                          label(field_text(o, "outcome")), field_text(o, "note")});
    }
    if (versions.empty()) doc.paragraph("None yet.", Style{9, false, kMuted});
    else doc.table({{"Version", 8}, {"Approved at", 26}, {"By", 20}, {"Outcome", 12}, {"Note", 34}}, versions);
    if (auto s = a.if_contains("settings"); s && s->is_object()) {
      const auto& st = s->as_object();
      doc.paragraph("Thresholds applied: a harm scoring " + field_text(st, "sensitive_score") + " or more is sensitive, " +
                        field_text(st, "restricted_score") + " or more restricted; restricted uses are approved by " +
                        field_text(st, "restricted_approver") + "; measures required from: " +
                        field_text(st, "measures_required_from") + ".",
                    Style{8, false, kMuted}, 4);
    }
  });
}

}  // namespace aims::report
