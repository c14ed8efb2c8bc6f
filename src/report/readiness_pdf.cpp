#include "report/readiness_pdf.hpp"

#include "core/json_members.hpp"
#include "report/cells.hpp"
#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;

std::string readiness_words(const std::string& status) {
  return word_for(status, {
      {"present", "Present"},
      {"missing", "MISSING"},
      {"out_of_date", "OUT OF DATE"},
  });
}

std::string count_of(const json::object& summary, std::string_view key) {
  auto p = summary.if_contains(key);
  return p && p->is_int64() ? std::to_string(p->as_int64()) : std::string("0");
}

/// The records or documents that satisfy an item, one a line: each by its label, which the
/// readiness check makes of the reference and the title ("DOC-3 AI policy"), else its id.
std::string satisfied_text(const json::object& item) {
  std::string out;
  for (const auto& v : array_at(item, "satisfied_by")) {
    if (!v.is_object()) continue;
    const auto& s = v.as_object();
    auto line = string_at(s, "label");
    if (line.empty()) line = string_at(s, "id");
    out += (out.empty() ? "" : "\n") + line;
  }
  return out.empty() ? "—" : out;
}

}  // namespace

result<std::string> readiness_pdf(const json::object& checklist, const std::string& organization, const std::string& filters) {
  const auto& summary = object_at(checklist, "summary");
  auto today = people_date(string_at(checklist, "today"));
  PdfDocument::Info info{true, "Stage 1 readiness checklist", organization, "ISO/IEC 42001 stage 1 readiness checklist " + today,
                         organization + " — stage 1 readiness checklist, " + today};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading("Stage 1 readiness checklist: " + organization, 1);
    bool ready = checklist.contains("ready") && checklist.at("ready").is_bool() && checklist.at("ready").as_bool();
    doc.paragraph("As of " + today + ". Every documented-information requirement of clauses 4 to 10 and every Annex A control "
                  "the Statement of Applicability marks applicable.",
                  Style{9.5}, 4);
    doc.table({{"Items", 2}, {"Count", 1, PANGO_ALIGN_RIGHT}},
              {{"Present", count_of(summary, "present")},
               {"Missing", count_of(summary, "missing")},
               {"Out of date", count_of(summary, "out_of_date")},
               {"Total", count_of(summary, "total")}});
    doc.paragraph(ready ? "Every item is present." : "Not every item is present yet.", Style{10, true, ready ? kAccent : kWarn}, 6);
    if (!filters.empty())
      doc.paragraph("The items below are those with " + filters + "; the counts above are over every item.", Style{9.5, false, kMuted}, 6);
    for (const char* area : {"clauses", "controls"}) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& v : array_at(checklist, "items")) {
        if (!v.is_object()) continue;
        const auto& o = v.as_object();
        if (string_at(o, "area") != area) continue;
        auto status = string_at(o, "status");
        rows.push_back({text_of(o, "requirement") + (string_at(o, "id") != string_at(o, "requirement") ? "\n" + text_of(o, "id") : ""),
                        text_of(o, "title") + "\n" + text_of(o, "description"), readiness_words(status), satisfied_text(o),
                        status == "present" ? (string_at(o, "reason").empty() ? "—" : text_of(o, "reason")) : text_of(o, "reason")});
      }
      doc.heading(std::string_view(area) == "clauses" ? "Clauses 4 to 10: documented information" : "Annex A: applicable controls", 2);
      if (rows.empty()) doc.paragraph("No item here.", Style{9.5, false, kMuted}, 6);
      else doc.table({{"Requirement", 1.1}, {"What is asked", 3.4}, {"Status", 1}, {"Satisfied by", 2.6}, {"Why missing or out of date", 3}},
                     rows, 7.5);
    }
  });
}

}  // namespace aims::report
