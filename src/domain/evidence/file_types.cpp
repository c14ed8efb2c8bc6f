#include "domain/evidence/file_types.hpp"

#include <array>
#include <initializer_list>

#include "core/text.hpp"

namespace aims::evidence {

namespace {

/// An extension, the kinds of content it may hold, and the media type stored for it ("" = the
/// detected kind's own).
struct ExtRow {
  std::string_view ext;
  std::initializer_list<std::string_view> kinds;
  std::string_view content_type;
  std::string_view says;  // what the name claims, for messages
};

const ExtRow kExts[] = {
    {"pdf", {"pdf"}, "", "a PDF document"},
    {"png", {"png"}, "", "a PNG image"},
    {"jpg", {"jpeg"}, "", "a JPEG image"},
    {"jpeg", {"jpeg"}, "", "a JPEG image"},
    {"gif", {"gif"}, "", "a GIF image"},
    {"webp", {"webp"}, "", "a WebP image"},
    {"zip", {"zip", "docx", "xlsx", "pptx"}, "application/zip", "a ZIP archive"},
    {"docx", {"docx"}, "", "a Word document (DOCX)"},
    {"xlsx", {"xlsx"}, "", "an Excel workbook (XLSX)"},
    {"pptx", {"pptx"}, "", "a PowerPoint presentation (PPTX)"},
    {"txt", {"text"}, "text/plain; charset=utf-8", "plain text"},
    {"text", {"text"}, "text/plain; charset=utf-8", "plain text"},
    {"log", {"text"}, "text/plain; charset=utf-8", "plain text"},
    {"csv", {"text"}, "text/csv; charset=utf-8", "CSV text"},
    {"tsv", {"text"}, "text/tab-separated-values; charset=utf-8", "tab-separated text"},
    {"json", {"text"}, "application/json", "JSON text"},
    {"md", {"text", "html"}, "text/markdown; charset=utf-8", "Markdown text"},
    {"markdown", {"text", "html"}, "text/markdown; charset=utf-8", "Markdown text"},
    {"yaml", {"text"}, "application/yaml", "YAML text"},
    {"yml", {"text"}, "application/yaml", "YAML text"},
    {"html", {"html"}, "", "an HTML document"},
    {"htm", {"html"}, "", "an HTML document"},
    {"xhtml", {"html", "xml"}, "application/xhtml+xml", "an XHTML document"},
    {"svg", {"svg"}, "", "an SVG image"},
    {"xml", {"xml", "svg"}, "application/xml", "an XML document"},
};

/// Extensions of programs and scripts, refused whatever their content.
constexpr std::array<std::string_view, 38> kPrograms{
    "exe", "dll", "com", "scr",  "msi", "msp", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "wsf",
    "wsh", "js",  "mjs", "cjs",  "jse", "jar", "sh",  "bash", "zsh", "csh", "ksh", "py",  "pl",
    "rb",  "php", "hta", "cpl",  "apk", "app", "wasm", "dylib", "so", "lnk", "reg", "elf"};

const ExtRow* row_of(const std::string& ext) {
  for (const auto& r : kExts)
    if (r.ext == ext) return &r;
  return nullptr;
}

bool is_program(const std::string& ext) {
  for (auto p : kPrograms)
    if (p == ext) return true;
  return false;
}

Error refused_program(const std::string& filename) {
  return make_error(errc::unsupported_media_type,
                    "'" + filename + "' is a program or script; the evidence vault does not accept those. "
                    "Put it in a ZIP archive if it must be kept as evidence.",
                    {{"filename", 0, "programs and scripts are not accepted"}});
}

std::string with_article(const Detected& d) {
  if (d.kind == "binary") return d.label;
  static constexpr std::string_view kAn[] = {"HTML", "SVG", "XML", "Excel", "empty"};
  for (auto a : kAn)
    if (d.label.rfind(a, 0) == 0) return "an " + d.label;
  return "a " + d.label;
}

}  // namespace

std::string extension_of(const std::string& filename) {
  auto dot = filename.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == filename.size()) return "";
  return text::lower(filename.substr(dot + 1));
}

status check_file_name(const std::string& filename) {
  auto bad = [&](const std::string& why) {
    return make_error(errc::validation, "The file name is not valid: " + why + ".", {{"filename", 0, why}});
  };
  if (filename.empty()) return bad("a file name is required");
  if (filename.size() > 255) return bad("must be at most 255 bytes");
  if (!text::is_clean_utf8(filename, false)) return bad("must be UTF-8 text without control characters");
  if (filename.find('/') != std::string::npos || filename.find('\\') != std::string::npos)
    return bad("must be a plain file name without a folder");
  if (filename == "." || filename == ".." || text::trim(filename).empty()) return bad("must name a file");
  if (is_program(extension_of(filename))) return refused_program(filename);
  return ok();
}

result<FileType> check_file(const std::string& filename, const Detected& d) {
  if (auto st = check_file_name(filename); !st) return st.error();
  if (d.kind == "executable") return refused_program(filename);
  if (d.kind == "empty")
    return make_error(errc::validation, "'" + filename + "' is empty; there is nothing to keep as evidence.",
                      {{"file", 0, "is empty"}});
  auto ext = extension_of(filename);
  const auto* row = row_of(ext);
  if (!row) return FileType{d.kind, d.mime, d.label};
  for (auto k : row->kinds)
    if (k == d.kind)
      return FileType{d.kind, row->content_type.empty() ? d.mime : std::string(row->content_type), d.label};
  return make_error(errc::validation,
                    "The name '" + filename + "' says " + std::string(row->says) + ", but the content is " +
                        with_article(d) + ". Nothing was stored; upload the file under a name that matches its content.",
                    {{"filename", 0, "the extension ." + ext + " does not match the content (" + d.label + ")"}});
}

}  // namespace aims::evidence
