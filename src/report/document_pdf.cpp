#include "report/document_pdf.hpp"

#include "report/pdf_document.hpp"

namespace aims::report {
namespace json = boost::json;

namespace {

using Style = PdfDocument::Style;


/// Markdown without its inline markers (the PDF shows plain text).
std::string plain(std::string s) {
  std::string out;
  for (char c : s)
    if (c != '*' && c != '`' && c != '_') out += c;
  return out;
}

/// The content: "#" lines become headings, list items and paragraphs stay as they are written.
void content(PdfDocument& doc, const std::string& markdown) {
  std::string para;
  auto flush = [&] {
    if (!para.empty()) doc.paragraph(plain(para), Style{9.5}, 5);
    para.clear();
  };
  std::size_t start = 0;
  while (start <= markdown.size()) {
    auto end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    std::string line = markdown.substr(start, end - start);
    start = end + 1;
    auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) {
      flush();
      continue;
    }
    if (line[first] == '#') {
      flush();
      auto text = line.substr(line.find_first_not_of('#', first));
      doc.heading(plain(text.substr(std::min(text.find_first_not_of(' '), text.size()))), 2);
    } else if ((line[first] == '-' || line[first] == '*' || line[first] == '+') && first + 1 < line.size() && line[first + 1] == ' ') {
      flush();
      doc.paragraph("•  " + plain(line.substr(first + 2)), Style{9.5}, 2);
    } else {
      para += (para.empty() ? "" : " ") + line.substr(first);
    }
    if (end == markdown.size()) break;
  }
  flush();
}

}  // namespace

result<std::string> document_pdf(const json::object& document, const json::object& version, const std::string& organization) {
  auto title = text_of(document, "title");
  auto label = text_of(version, "label");
  PdfDocument::Info info{false, title + " " + label, organization, "Controlled document " + text_of(document, "id"),
                         organization + " — " + text_of(document, "id") + " " + title + " version " + label};
  return PdfDocument::render(info, [&](PdfDocument& doc) {
    doc.heading(title, 1);
    doc.table({{"Fact", 1}, {"Value", 3}},
              {{"Number", text_of(document, "id")},
               {"Version", label + " (" + text_of(version, "status") + ")"},
               {"Type", text_of(document, "type")},
               {"Classification", text_of(document, "classification")},
               {"Author", text_of(version, "author_email")},
               {"Published", text_of(version, "published_at")},
               {"Change note", text_of(version, "change_note")},
               {"Content SHA-256", text_of(version, "content_hash")}});
    doc.paragraph("", Style{4}, 4);
    if (auto a = version.if_contains("approval"); a && a->is_object()) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& d : a->as_object().at("decisions").as_array()) {
        const auto& o = d.as_object();
        rows.push_back({text_of(o, "email"), text_of(o, "decision"), text_of(o, "at"), text_of(o, "comment")});
      }
      doc.heading("Approval", 2);
      doc.table({{"Approver", 2}, {"Decision", 1}, {"At", 2}, {"Comment", 3}}, rows);
      doc.paragraph("", Style{4, false, kMuted}, 6);
    }
    content(doc, version.contains("content") && version.at("content").is_string() ? std::string(version.at("content").as_string()) : "");
  });
}

}  // namespace aims::report
