#include "report/internal_audit_pdf.hpp"

#include "core/json_members.hpp"
#include "report/cells.hpp"
#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;

std::string words(const std::string& value) {
  return word_for(value, {
      {"major_nc", "Major nonconformity"},
      {"minor_nc", "Minor nonconformity"},
      {"observation", "Observation"},
      {"ofi", "Opportunity for improvement"},
      {"conforming", "Conforming"},
      {"nc_raised", "Nonconformity raised"},
      {"not_sampled", "Not sampled"},
      {"not_recorded", "Not recorded"},
      {"lead_auditor", "Lead auditor"},
      {"auditee", "Auditee"},
  });
}

}  // namespace

result<std::string> internal_audit_pdf(const json::object& content, const std::string& organization) {
  const auto& audit = object_at(content, "audit");
  const auto& checklist = object_at(content, "checklist");
  auto id = text_of(audit, "id");
  auto title = text_of(audit, "title");
  bool frozen = content.contains("frozen") && content.at("frozen").is_bool() && content.at("frozen").as_bool();
  PdfDocument::Info info{false, "Internal audit report " + id, organization, "Internal audit " + id + " " + title,
                         organization + " — internal audit report " + id + (frozen ? "" : " (draft, not signed off)")};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading("Internal audit report " + id + ": " + title, 1);
    doc.table({{"Fact", 1}, {"Value", 3}},
              {{"Status", text_of(audit, "status")},
               {"Objectives", text_of(audit, "objectives")},
               {"Criteria", text_of(audit, "criteria")},
               {"Clauses", text_of(audit, "clauses")},
               {"Annex A controls", text_of(audit, "controls")},
               {"AI systems", text_of(audit, "system_ids")},
               {"Units", text_of(audit, "units")},
               {"Lead auditor", text_of(audit, "lead_auditor")},
               {"Team", text_of(audit, "team")},
               {"Independence", text_of(audit, "independence")},
               {"Planned", text_of(audit, "planned_start") + " to " + text_of(audit, "planned_end")},
               {"Held", text_of(audit, "actual_start") + " to " + text_of(audit, "actual_end")},
               {"Report SHA-256", frozen ? text_of(content, "sha256") : "not frozen yet (draft)"}});
    doc.heading("Conclusion", 2);
    doc.paragraph(text_of(audit, "conclusion"), Style{9.5}, 6);

    doc.heading("Findings", 2);
    std::vector<std::vector<std::string>> findings;
    for (const auto& f : array_at(content, "findings")) {
      if (!f.is_object()) continue;
      const auto& o = f.as_object();
      findings.push_back({text_of(o, "id"), words(text_of(o, "type")), text_of(o, "requirement"), text_of(o, "title"),
                          text_of(o, "description"), text_of(o, "nc_id")});
    }
    if (findings.empty()) doc.paragraph("No findings.", Style{9.5, false, kMuted}, 6);
    else doc.table({{"Finding", 1}, {"Type", 1.4}, {"Requirement", 1}, {"Title", 2}, {"Description", 3}, {"NC", 0.8}}, findings);

    doc.heading("Checklist", 2);
    std::vector<std::vector<std::string>> summary;
    for (const auto& kv : object_at(checklist, "by_result"))
      summary.push_back({words(std::string(kv.key())), json::serialize(kv.value())});
    doc.table({{"Result", 2}, {"Rows", 1, PANGO_ALIGN_RIGHT}}, summary);
    doc.paragraph("", Style{4}, 4);
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : array_at(checklist, "items")) {
      if (!r.is_object()) continue;
      const auto& o = r.as_object();
      auto seen = text_of(o, "evidence_ids");
      if (auto refs = text_of(o, "record_refs"); refs != "—") seen = seen == "—" ? refs : seen + ", " + refs;
      rows.push_back({text_of(o, "id"), text_of(o, "title"), words(text_of(o, "result")), text_of(o, "examined"), seen});
    }
    if (!rows.empty()) doc.table({{"Requirement", 1}, {"Title", 2.2}, {"Result", 1.2}, {"Examined", 3}, {"Evidence seen", 1.6}}, rows, 7.5);
    std::vector<std::vector<std::string>> skipped;
    for (const auto& s : array_at(checklist, "skipped"))
      if (s.is_object()) skipped.push_back({text_of(s.as_object(), "id"), text_of(s.as_object(), "title"), text_of(s.as_object(), "reason")});
    if (!skipped.empty()) {
      doc.paragraph("Controls excluded in the Statement of Applicability, not audited:", Style{9.5, true}, 3);
      doc.table({{"Control", 1}, {"Title", 2}, {"Reason in the SoA", 3}}, skipped);
    }

    const auto& samples = array_at(audit, "samples");
    if (!samples.empty()) {
      doc.heading("Samples", 2);
      std::vector<std::vector<std::string>> srows;
      for (const auto& s : samples) {
        if (!s.is_object()) continue;
        const auto& o = s.as_object();
        std::string drawn;
        for (const auto& it : array_at(o, "items"))
          if (it.is_object())
            drawn += (drawn.empty() ? "" : "; ") + text_of(it.as_object(), "label") + " (" + text_of(it.as_object(), "result") + ")";
        srows.push_back({text_of(o, "n"), text_of(o, "population") + " (" + text_of(o, "population_count") + ")", text_of(o, "method"),
                         text_of(o, "sample_size") + ", seed " + text_of(o, "seed"), drawn});
      }
      doc.table({{"#", 0.4}, {"Population", 2}, {"Method", 1.5}, {"Size and seed", 1.3}, {"Items drawn (result)", 3}}, srows);
    }

    doc.heading("Sign-off", 2);
    std::vector<std::vector<std::string>> signs;
    for (const auto& s : array_at(audit, "signoffs"))
      if (s.is_object())
        signs.push_back({words(text_of(s.as_object(), "as")), text_of(s.as_object(), "email"), text_of(s.as_object(), "at"),
                         text_of(s.as_object(), "statement")});
    if (signs.empty()) doc.paragraph("Not signed off yet.", Style{9.5, false, kMuted}, 6);
    else doc.table({{"As", 1}, {"Who", 2}, {"At", 2}, {"Statement", 3}}, signs);
  });
}

}  // namespace aims::report
