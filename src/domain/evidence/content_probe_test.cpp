// The sniffing table: what bytes are, whatever they are called, and the check of names against it.
#include <gtest/gtest.h>

#include <string>

#include "domain/demo/demo_evidence.hpp"
#include "domain/evidence/content_probe.hpp"
#include "domain/evidence/file_types.hpp"

using namespace aims;
using namespace aims::evidence;

namespace {

/// A ZIP archive with stored (uncompressed) entries, as OOXML files are laid out.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto le16 = [](std::string& s, unsigned v) { s += char(v & 0xff); s += char((v >> 8) & 0xff); };
  auto le32 = [&](std::string& s, unsigned v) { le16(s, v & 0xffff); le16(s, v >> 16); };
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    unsigned off = static_cast<unsigned>(out.size());
    out += "PK\x03\x04";
    le16(out, 20); le16(out, 0); le16(out, 0); le16(out, 0); le16(out, 0);
    le32(out, 0); le32(out, data.size()); le32(out, data.size());
    le16(out, name.size()); le16(out, 0);
    out += name + data;
    dir += "PK\x01\x02";
    le16(dir, 20); le16(dir, 20); le16(dir, 0); le16(dir, 0); le16(dir, 0); le16(dir, 0);
    le32(dir, 0); le32(dir, data.size()); le32(dir, data.size());
    le16(dir, name.size()); le16(dir, 0); le16(dir, 0); le16(dir, 0); le16(dir, 0); le32(dir, 0); le32(dir, off);
    dir += name;
  }
  unsigned dir_off = static_cast<unsigned>(out.size());
  out += dir;
  out += "PK\x05\x06";
  le16(out, 0); le16(out, 0); le16(out, entries.size()); le16(out, entries.size());
  le32(out, dir.size()); le32(out, dir_off); le16(out, 0);
  return out;
}

std::string pe() {
  std::string s = "MZ" + std::string(0x3a, '\0');
  s += std::string("\x40\x00\x00\x00", 4);
  s += std::string("PE\0\0", 4) + std::string(64, '\0');
  return s;
}

}  // namespace

TEST(Sniffing, RecognizesEachFormatFromItsBytes) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string kind;
  };
  const std::vector<Case> cases = {
      {"pdf", demo::tiny_pdf({"hello"}), "pdf"},
      {"png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(20, '\0'), "png"},
      {"jpeg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(20, '\0'), "jpeg"},
      {"gif", "GIF89a" + std::string(10, '\0'), "gif"},
      {"webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "webp"},
      {"zip", zip_of({{"readme.txt", "hi"}}), "zip"},
      {"docx", zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}), "docx"},
      {"xlsx", zip_of({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}}), "xlsx"},
      {"pptx", zip_of({{"ppt/presentation.xml", "<p/>"}}), "pptx"},
      {"text", "plain words\nsecond line\n", "text"},
      {"csv", "a,b\n1,2\n", "text"},
      {"json", "{\"a\": [1, 2]}\n", "text"},
      {"markdown", "# Title\n\nSome *text*.\n", "text"},
      {"utf8", "Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80\n", "text"},
      {"html", "<!DOCTYPE html><html><body>x</body></html>", "html"},
      {"html fragment", "  <script>alert(1)</script>", "html"},
      {"html comment", "<!-- x --><div>y</div>", "html"},
      {"svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "svg"},
      {"svg with prolog", "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg/>", "svg"},
      {"xml", "<?xml version=\"1.0\"?><note><to>x</to></note>", "xml"},
      {"xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "html"},
      {"binary", std::string("\x00\x01\x02\xFE\xFF", 5), "binary"},
      {"latin-1 text is not UTF-8", "caf\xE9\n", "binary"},
      {"control characters", std::string("a\x01" "b", 3), "binary"},
      {"elf", std::string("\x7F" "ELF\x02\x01", 6) + std::string(20, '\0'), "executable"},
      {"pe", pe(), "executable"},
      {"shebang script", "#!/bin/sh\nrm -rf /\n", "executable"},
      {"wasm", std::string("\0asm\1\0\0\0", 8), "executable"},
      {"empty", "", "empty"},
      {"text starting with MZ is text", "MZ is a postal code\n", "text"},
  };
  for (const auto& c : cases) EXPECT_EQ(detect_bytes(c.bytes).kind, c.kind) << c.name;
}

// Found by fuzz/evidence_sniff: "MZ" with a PE header offset near 2^32 wrapped the bounds check
// around and threw std::out_of_range out of detect(); such a file is binary, not a program.
TEST(Sniffing, PeHeaderOffsetNearTheTopOfItsRangeIsNotFollowed) {
  for (std::uint32_t at : {0xFFFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFFDu, 0xFFFFFFFCu, 0x10000u}) {
    std::string bytes = "MZ" + std::string(0x3a, '\0');
    for (int i = 0; i < 4; ++i) bytes += static_cast<char>((at >> (8 * i)) & 0xFF);
    bytes += std::string(64, '\0');
    EXPECT_EQ(detect_bytes(bytes).kind, "binary") << at;
  }
}

TEST(Sniffing, Utf8SplitAcrossChunksIsStillText) {
  std::string s = "\xE2\x82\xAC\xE2\x82\xAC";  // two euro signs
  for (std::size_t cut = 0; cut <= s.size(); ++cut) {
    ContentProbe p;
    p.feed(s.substr(0, cut));
    p.feed(s.substr(cut));
    EXPECT_EQ(p.detect().kind, "text") << cut;
  }
  ContentProbe truncated;
  truncated.feed("ok \xE2\x82");
  EXPECT_EQ(truncated.detect().kind, "binary");
}

TEST(Sniffing, LargeFilesKeepBoundedMemoryAndFindTheZipDirectoryAtTheEnd) {
  std::string big(3 << 20, 'x');
  auto docx = zip_of({{"[Content_Types].xml", "<Types/>"}, {"media/big.bin", big}, {"word/document.xml", "<w/>"}});
  ContentProbe p;
  for (std::size_t i = 0; i < docx.size(); i += 65536) p.feed(std::string_view(docx).substr(i, 65536));
  EXPECT_EQ(p.detect().kind, "docx");
  EXPECT_EQ(p.size(), docx.size());
}

TEST(FileNames, AKnownExtensionMustMatchTheContent) {
  struct Case {
    std::string filename;
    std::string bytes;
    std::string content_type;  // "" = refused
    aims::errc code = aims::errc::validation;
  };
  auto pdf = demo::tiny_pdf({"x"});
  const std::vector<Case> cases = {
      {"report.pdf", pdf, "application/pdf"},
      {"REPORT.PDF", pdf, "application/pdf"},
      {"report.pdf", "<html><body>hi</body></html>", ""},
      {"image.png", pdf, ""},
      {"notes.txt", "hello\n", "text/plain; charset=utf-8"},
      {"notes.txt", "<html><script>x</script></html>", ""},
      {"data.csv", "a,b\n", "text/csv; charset=utf-8"},
      {"data.json", "{}\n", "application/json"},
      {"README.md", "<p align=\"center\">x</p>\n# Title\n", "text/markdown; charset=utf-8"},
      {"page.html", "<!doctype html><p>x</p>", "text/html"},
      {"page.html", "just text", ""},
      {"logo.svg", "<svg/>", "image/svg+xml"},
      {"logo.svg", "<html></html>", ""},
      {"feed.xml", "<?xml version=\"1.0\"?><a/>", "application/xml"},
      {"archive.zip", zip_of({{"a.txt", "a"}}), "application/zip"},
      {"doc.docx", zip_of({{"word/document.xml", "<w/>"}}),
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"doc.docx", zip_of({{"a.txt", "a"}}), ""},
      {"data.parquet", std::string("PAR1\x00\x01", 6), "application/octet-stream"},
      {"no-extension", "<html></html>", "text/html"},
      {"tool.exe", pe(), "", aims::errc::unsupported_media_type},
      {"innocent.txt", "#!/bin/sh\necho\n", "", aims::errc::unsupported_media_type},
      {"script.js", "alert(1)", "", aims::errc::unsupported_media_type},
      {"empty.txt", "", ""},
  };
  for (const auto& c : cases) {
    auto r = check_file(c.filename, detect_bytes(c.bytes));
    if (c.content_type.empty()) {
      ASSERT_FALSE(r) << c.filename << " accepted as " << r->content_type;
      EXPECT_EQ(r.error().code, c.code) << c.filename;
      EXPECT_FALSE(r.error().detail.empty());
    } else {
      ASSERT_TRUE(r) << c.filename << ": " << r.error().detail;
      EXPECT_EQ(r->content_type, c.content_type) << c.filename;
    }
  }
}

TEST(FileNames, AMismatchNamesBothTheNameAndTheContent) {
  auto r = check_file("report.pdf", detect_bytes("<!doctype html><script>x</script>"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("report.pdf"), std::string::npos);
  EXPECT_NE(r.error().detail.find("PDF"), std::string::npos);
  EXPECT_NE(r.error().detail.find("HTML"), std::string::npos);
}

TEST(FileNames, NamesArePlainNamesWithoutFolders) {
  for (std::string bad : std::vector<std::string>{"", "a/b.txt", "..\\x.txt", "..", "line\nbreak.txt", std::string(256, 'a')})
    EXPECT_FALSE(check_file_name(bad)) << bad;
  EXPECT_TRUE(check_file_name("Modell-Prüfbericht 2026.pdf"));
  EXPECT_EQ(extension_of("a.tar.GZ"), "gz");
  EXPECT_EQ(extension_of(".profile"), "");
}
