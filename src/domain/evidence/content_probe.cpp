#include "domain/evidence/content_probe.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/text.hpp"

namespace aims::evidence {

namespace {

constexpr std::size_t kHead = 64 * 1024;
constexpr std::size_t kTail = 256 * 1024;

struct KindRow {
  std::string_view kind, mime, label;
};

constexpr std::array<KindRow, 16> kKinds{{
    {"pdf", "application/pdf", "PDF document"},
    {"png", "image/png", "PNG image"},
    {"jpeg", "image/jpeg", "JPEG image"},
    {"gif", "image/gif", "GIF image"},
    {"webp", "image/webp", "WebP image"},
    {"zip", "application/zip", "ZIP archive"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document (DOCX)"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook (XLSX)"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation (PPTX)"},
    {"text", "text/plain; charset=utf-8", "UTF-8 text"},
    {"html", "text/html", "HTML document"},
    {"svg", "image/svg+xml", "SVG image"},
    {"xml", "application/xml", "XML document"},
    {"binary", "application/octet-stream", "binary data of an unrecognized format"},
    {"executable", "application/octet-stream", "a program or script"},
    {"empty", "application/octet-stream", "an empty file"},
}};

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

bool istarts_with(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(p[i]))) return false;
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void skip_space(std::string_view& s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
}

/// The name of the element a tag at the start of s opens ("" if s does not start with one).
std::string tag_name(std::string_view s) {
  if (s.size() < 2 || s[0] != '<') return "";
  std::size_t i = 1;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == ':' || s[i] == '-' || s[i] == '_'))
    ++i;
  if (i == 1) return "";
  if (i < s.size() && !(is_space(s[i]) || s[i] == '>' || s[i] == '/')) return "";
  return text::lower(s.substr(1, i - 1));
}

/// Markup kinds of text that begins like a document: html, svg, xml, or "" for plain text.
/// Skips white space, a byte order mark, an XML declaration, processing instructions, comments
/// and a document type declaration, then looks at the first element.
std::string markup_kind(std::string_view s) {
  if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  bool xml_decl = false;
  bool html_doctype = false;
  for (int guard = 0; guard < 64; ++guard) {
    skip_space(s);
    if (starts_with(s, "<?")) {
      if (istarts_with(s, "<?xml")) xml_decl = true;
      auto end = s.find("?>");
      if (end == std::string_view::npos) return xml_decl ? "xml" : "";
      s.remove_prefix(end + 2);
    } else if (starts_with(s, "<!--")) {
      auto end = s.find("-->", 4);
      if (end == std::string_view::npos) return xml_decl ? "xml" : "html";
      s.remove_prefix(end + 3);
    } else if (istarts_with(s, "<!doctype")) {
      auto rest = s.substr(9);
      skip_space(rest);
      if (istarts_with(rest, "html")) html_doctype = true;
      if (istarts_with(rest, "svg")) return "svg";
      auto end = s.find('>');
      if (end == std::string_view::npos) return html_doctype ? "html" : "xml";
      s.remove_prefix(end + 1);
    } else {
      break;
    }
  }
  if (html_doctype) return "html";
  auto name = tag_name(s);
  if (name == "svg" || name == "svg:svg") return "svg";
  if (xml_decl) return name == "html" ? "html" : "xml";  // XHTML, or any other XML document
  // Elements a browser would take for an HTML document (WHATWG MIME sniffing, extended).
  static constexpr std::string_view kHtml[] = {"html", "head", "body", "script", "iframe", "h1", "div", "font",
                                               "table", "a", "style", "title", "b", "br", "p", "img", "meta",
                                               "link", "object", "embed", "form", "span", "frameset", "math"};
  for (auto h : kHtml)
    if (name == h) return "html";
  if (xml_decl) return "xml";
  if (!name.empty()) return "xml";
  return "";
}

std::uint32_t le16(std::string_view s, std::size_t at);
std::uint32_t le32(std::string_view s, std::size_t at);

/// A Windows program: "MZ", then at offset 0x3c the position of the "PE\0\0" signature.
bool is_pe(std::string_view head) {
  if (!starts_with(head, "MZ") || head.size() < 0x40) return false;
  std::size_t at = le32(head, 0x3c);  // widened first: at + 4 must not wrap around (at up to 2^32 - 1)
  return at + 4 <= head.size() && head.compare(at, 4, std::string_view("PE\0\0", 4)) == 0;
}

bool is_executable(std::string_view head) {
  return starts_with(head, "\x7f""ELF") || is_pe(head) || starts_with(head, "#!") ||
         starts_with(head, std::string_view("\0asm", 4)) || starts_with(head, "\xFE\xED\xFA\xCE") ||
         starts_with(head, "\xFE\xED\xFA\xCF") || starts_with(head, "\xCE\xFA\xED\xFE") ||
         starts_with(head, "\xCF\xFA\xED\xFE") || starts_with(head, "\xCA\xFE\xBA\xBE");
}

std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8);
}

std::uint32_t le32(std::string_view s, std::size_t at) { return le16(s, at) | (le16(s, at + 2) << 16); }

std::string office_kind(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    if (n == "word/document.xml") return "docx";
    if (n == "xl/workbook.xml") return "xlsx";
    if (n == "ppt/presentation.xml") return "pptx";
  }
  return "zip";
}

/// Length of the complete UTF-8 sequences at the start of s (an incomplete one may end it).
std::size_t complete_prefix(std::string_view s) {
  std::size_t n = s.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    auto c = static_cast<unsigned char>(s[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    return static_cast<std::size_t>(len) > back ? n - back : n;
  }
  return n;
}

}  // namespace

Detected kind_info(std::string_view kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return Detected{std::string(k.kind), std::string(k.mime), std::string(k.label)};
  return kind_info("binary");
}

void ContentProbe::feed(std::string_view chunk) {
  if (chunk.empty()) return;
  size_ += chunk.size();
  if (head_.size() < kHead) head_.append(chunk.substr(0, kHead - head_.size()));
  tail_.append(chunk);
  if (tail_.size() > 2 * kTail) tail_.erase(0, tail_.size() - kTail);
  if (!utf8_ok_) return;
  std::string joined;
  std::string_view s = chunk;
  if (!carry_.empty()) {
    joined = carry_;
    joined.append(chunk);
    s = joined;
  }
  auto n = complete_prefix(s);
  if (!text::is_clean_utf8(s.substr(0, n), true)) {
    utf8_ok_ = false;
    carry_.clear();
    return;
  }
  carry_.assign(s.substr(n));
}

Detected ContentProbe::detect() const {
  std::string_view h = head_;
  if (size_ == 0) return kind_info("empty");
  if (starts_with(h, "%PDF-")) return kind_info("pdf");
  if (starts_with(h, "\x89PNG\r\n\x1a\n")) return kind_info("png");
  if (starts_with(h, "\xFF\xD8\xFF")) return kind_info("jpeg");
  if (starts_with(h, "GIF87a") || starts_with(h, "GIF89a")) return kind_info("gif");
  if (h.size() >= 12 && starts_with(h, "RIFF") && h.substr(8, 4) == "WEBP") return kind_info("webp");
  if (starts_with(h, "PK\x03\x04") || starts_with(h, "PK\x05\x06"))
    return kind_info(office_kind(zip_entry_names(h, size_ <= kHead ? h : std::string_view(tail_))));
  if (is_executable(h)) return kind_info("executable");
  bool text = utf8_ok_ && carry_.empty();
  if (!text) return kind_info("binary");
  auto markup = markup_kind(h);
  return kind_info(markup.empty() ? "text" : markup);
}

Detected detect_bytes(std::string_view bytes) {
  ContentProbe p;
  // Two pieces, so that the incremental UTF-8 check is exercised too.
  p.feed(bytes.substr(0, bytes.size() / 2));
  p.feed(bytes.substr(bytes.size() / 2));
  return p.detect();
}

std::vector<std::string> zip_entry_names(std::string_view head, std::string_view tail) {
  std::vector<std::string> names;
  // Central directory: find the end-of-central-directory record (the last one in the tail).
  if (tail.size() >= 22) {
    for (std::size_t i = tail.size() - 22 + 1; i-- > 0;) {
      if (tail.compare(i, 4, "PK\x05\x06") != 0) continue;
      std::uint32_t cd_size = le32(tail, i + 12);
      if (cd_size <= i) {
        std::size_t p = i - cd_size;
        while (p + 46 <= i && tail.compare(p, 4, "PK\x01\x02") == 0) {
          std::size_t name_len = le16(tail, p + 28), extra = le16(tail, p + 30), comment = le16(tail, p + 32);
          if (p + 46 + name_len > i) break;
          names.emplace_back(tail.substr(p + 46, name_len));
          p += 46 + name_len + extra + comment;
        }
      }
      break;
    }
  }
  // Local file headers at the start (also covers archives whose directory is not in the tail).
  std::size_t p = 0;
  for (int guard = 0; guard < 256 && p + 30 <= head.size() && head.compare(p, 4, "PK\x03\x04") == 0; ++guard) {
    std::size_t name_len = le16(head, p + 26), extra = le16(head, p + 28);
    std::uint32_t csize = le32(head, p + 18);
    std::uint32_t flags = le16(head, p + 6);
    if (p + 30 + name_len > head.size()) break;
    names.emplace_back(head.substr(p + 30, name_len));
    if (flags & 0x08) break;  // sizes follow the data: the next header cannot be found from here
    p += 30 + name_len + extra + csize;
  }
  return names;
}

}  // namespace aims::evidence
