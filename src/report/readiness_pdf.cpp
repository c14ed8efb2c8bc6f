#include "report/readiness_pdf.hpp"

#include <cctype>
#include <functional>

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

/// The frame both PDFs for the certification body share: the tagged document's info, the title,
/// the day, the summary table over every item, and which filters chose the items listed.
struct Frame {
  std::string title;                                    // "Stage 1 readiness checklist"
  std::string scope;                                    // what the items are, one sentence
  std::vector<std::pair<std::string, std::string>> counts;  // the summary table: label, count
  std::string verdict;                                  // one line under the counts ("" for none)
  bool good = false;                                    // the verdict's colour
};

result<std::string> render_for_body(const Frame& f, const std::string& organization, const std::string& today_iso,
                                    const std::string& filters, const std::function<void(PdfDocument&)>& items) {
  auto today = people_date(today_iso);
  auto lower = f.title;
  if (!lower.empty()) lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  PdfDocument::Info info{true, f.title, organization, "ISO/IEC 42001 " + lower + " " + today, organization + " — " + lower + ", " + today};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading(f.title + ": " + organization, 1);
    doc.paragraph("As of " + today + ". " + f.scope, Style{9.5}, 4);
    std::vector<std::vector<std::string>> rows;
    for (const auto& [label, count] : f.counts) rows.push_back({label, count});
    doc.table({{"Items", 2}, {"Count", 1, PANGO_ALIGN_RIGHT}}, rows);
    if (!f.verdict.empty()) doc.paragraph(f.verdict, Style{10, true, f.good ? kAccent : kWarn}, 6);
    if (!filters.empty())
      doc.paragraph("The items below are those with " + filters + "; the counts above are over every item.", Style{9.5, false, kMuted}, 6);
    items(doc);
  });
}

const char* area_heading(std::string_view area, bool readiness) {
  if (area == "clauses") return readiness ? "Clauses 4 to 10: documented information" : "Clauses 4 to 10";
  return "Annex A: applicable controls";
}

/// What stands behind one item of the evidence index, one a line: the records and documents (with
/// the day each last changed), the record kinds with their counts.
std::string records_text(const json::object& item) {
  std::string out;
  auto line = [&](const std::string& s) { out += (out.empty() ? "" : "\n") + s; };
  for (const auto& v : array_at(item, "records")) {
    if (!v.is_object()) continue;
    const auto& r = v.as_object();
    auto when = string_at(r, "updated_at");
    line((string_at(r, "label").empty() ? string_at(r, "id") : string_at(r, "label")) + (when.empty() ? "" : " (" + people_date(when) + ")"));
  }
  for (const auto& v : array_at(item, "kinds")) {
    if (!v.is_object()) continue;
    const auto& k = v.as_object();
    auto n = k.contains("count") && k.at("count").is_int64() ? k.at("count").as_int64() : 0;
    line(string_at(k, "label") + ": " + std::to_string(n) + (n == 1 ? " record" : " records"));
  }
  return out.empty() ? "—" : out;
}

/// The evidence files of one item: number, title, file name, the day it was uploaded and its SHA-256
/// (on a line of its own, which the column is wide enough for: never broken, to be compared whole).
std::string evidence_text(const json::object& item) {
  std::string out;
  for (const auto& v : array_at(item, "evidence")) {
    if (!v.is_object()) continue;
    const auto& e = v.as_object();
    auto when = string_at(e, "uploaded_at");
    out += (out.empty() ? "" : "\n\n") + string_at(e, "number") + " " + string_at(e, "title") + "\n" + string_at(e, "filename") +
           (when.empty() ? "" : ", uploaded " + people_date(when)) + "\nSHA-256\n" + string_at(e, "sha256");
  }
  return out.empty() ? "—" : out;
}

}  // namespace

result<std::string> evidence_index_pdf(const json::object& index, const std::string& organization, const std::string& filters) {
  const auto& summary = object_at(index, "summary");
  Frame f{"Stage 2 evidence index",
          "Per clause (subclause) of ISO/IEC 42001 and per Annex A control the Statement of Applicability marks applicable: the "
          "records, documents and evidence files that show it is in place; each file with the SHA-256 of its content, which the "
          "evidence vault can be asked to confirm.",
          {{"Supported", count_of(summary, "supported")}, {"Nothing to show", count_of(summary, "unsupported")}, {"Total", count_of(summary, "total")}},
          "", false};
  return render_for_body(f, organization, string_at(index, "today"), filters, [&](PdfDocument& doc) {
    for (const char* area : {"clauses", "controls"}) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& v : array_at(index, "items")) {
        if (!v.is_object()) continue;
        const auto& o = v.as_object();
        if (string_at(o, "area") != area) continue;
        rows.push_back({text_of(o, "id"), text_of(o, "title"), records_text(o), evidence_text(o)});
      }
      doc.heading(area_heading(area, false), 2);
      if (rows.empty()) doc.paragraph("No item here.", Style{9.5, false, kMuted}, 6);
      else doc.table({{"Requirement", 0.8}, {"Title", 2.0}, {"Records and documents", 3.3}, {"Evidence files", 5.0}}, rows, 7.5);
    }
  });
}

result<std::string> readiness_pdf(const json::object& checklist, const std::string& organization, const std::string& filters) {
  const auto& summary = object_at(checklist, "summary");
  bool ready = checklist.contains("ready") && checklist.at("ready").is_bool() && checklist.at("ready").as_bool();
  Frame f{"Stage 1 readiness checklist",
          "Every documented-information requirement of clauses 4 to 10 and every Annex A control the Statement of Applicability "
          "marks applicable.",
          {{"Present", count_of(summary, "present")},
           {"Missing", count_of(summary, "missing")},
           {"Out of date", count_of(summary, "out_of_date")},
           {"Total", count_of(summary, "total")}},
          ready ? "Every item is present." : "Not every item is present yet.",
          ready};
  return render_for_body(f, organization, string_at(checklist, "today"), filters, [&](PdfDocument& doc) {
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
      doc.heading(area_heading(area, true), 2);
      if (rows.empty()) doc.paragraph("No item here.", Style{9.5, false, kMuted}, 6);
      else doc.table({{"Requirement", 1.1}, {"What is asked", 3.4}, {"Status", 1}, {"Satisfied by", 2.6}, {"Why missing or out of date", 3}},
                     rows, 7.5);
    }
  });
}

}  // namespace aims::report
