#include "report/review_minutes_pdf.hpp"

#include "core/json_members.hpp"
#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;
using Style = PdfDocument::Style;

namespace {



}  // namespace

result<std::string> review_minutes_pdf(const json::object& minutes, const std::string& organization) {
  const auto& review = object_at(minutes, "review");
  const auto& attendance = object_at(minutes, "attendance");
  const auto& pack = object_at(minutes, "pack");
  const auto& decisions = array_at(minutes, "decisions");
  PdfDocument::Info info;
  info.title = "Minutes of management review " + text_of(review, "id") + ": " + text_of(review, "title");
  info.author = organization;
  info.subject = "ISO/IEC 42001 9.3 management review";
  info.footer = organization + " · " + text_of(review, "id") + " minutes";
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading(info.title, 1);
    doc.table({{"Fact", 1}, {"Value", 3}},
              {{"Organization", organization},
               {"Planned on", text_of(review, "planned_on")},
               {"Held on", text_of(review, "held_on")},
               {"Status", text_of(review, "status")},
               {"Input pack SHA-256", text_of(review, "pack_hash")},
               {"Signed off by", text_of(review, "signed_off_by")},
               {"Signed off at", text_of(review, "signed_off_at")},
               {"Sign-off SHA-256", text_of(review, "sign_off_hash")}});
    doc.heading("Attendees", 2);
    std::vector<std::vector<std::string>> people;
    for (const auto& v : array_at(attendance, "attendees")) {
      if (!v.is_object()) continue;
      const auto& p = v.as_object();
      std::string roles;
      for (const auto& r : array_at(p, "roles"))
        if (r.is_object()) roles += (roles.empty() ? "" : ", ") + text_of(r.as_object(), "name");
      people.push_back({text_of(p, "name"), text_of(p, "email"), roles.empty() ? "—" : roles});
    }
    if (people.empty()) doc.paragraph("No attendees were recorded.", Style{9.5});
    else doc.table({{"Name", 2}, {"Email", 2}, {"AIMS roles", 3}}, people);
    auto present = attendance.if_contains("top_management_present");
    doc.paragraph(present && present->is_bool() && present->as_bool() ? "Top management was present."
                                                                       : "Top management was NOT present.",
                  Style{9.5, true});
    doc.heading("Input pack", 2);
    doc.paragraph("Compiled and frozen at " + text_of(pack, "compiled_at") + "; changes counted since " +
                      (pack.contains("since") && pack.at("since").is_string() ? text_of(pack, "since") : std::string("the beginning")) + ".",
                  Style{9.5});
    std::vector<std::vector<std::string>> sections;
    for (const auto& v : array_at(pack, "sections"))
      if (v.is_object()) {
        const auto& sct = v.as_object();
        sections.push_back({text_of(sct, "clause"), text_of(sct, "title"), text_of(sct, "summary")});
      }
    doc.table({{"Clause", 1}, {"Input", 3}, {"Summary", 6}}, sections);
    doc.heading("Decisions", 2);
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : decisions)
      if (v.is_object()) {
        const auto& d = v.as_object();
        rows.push_back({text_of(d, "id"), text_of(d, "type"), text_of(d, "title"), text_of(d, "owner"), text_of(d, "due_date"),
                        text_of(d, "status")});
      }
    if (rows.empty()) doc.paragraph("No decisions were recorded.", Style{9.5});
    else doc.table({{"Action", 1}, {"Type", 1.3}, {"Decision", 4}, {"Owner", 2}, {"Due", 1.3}, {"Status", 1.2}}, rows);
    doc.heading("Conclusion", 2);
    std::vector<std::vector<std::string>> conclusion{
        {"Suitability", text_of(review, "suitability"), text_of(review, "suitability_text")},
        {"Adequacy", text_of(review, "adequacy"), text_of(review, "adequacy_text")},
        {"Effectiveness", text_of(review, "effectiveness"), text_of(review, "effectiveness_text")}};
    doc.table({{"Aspect", 1.2}, {"Judgement", 1.4}, {"Reasons", 6}}, conclusion);
  });
}

}  // namespace aims::report
