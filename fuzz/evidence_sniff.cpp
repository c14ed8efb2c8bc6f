// Fuzz target: evidence type sniffing (evidence::ContentProbe, which decides what an upload is
// from its bytes as they stream in) and the check of a file's name against its content. Input:
// byte 0 sets the chunk size the upload arrives in, byte 1 picks a file name; the rest is the
// file. Properties: nothing crashes; the kind found streaming is the kind of the whole file at
// once, whatever the chunks; every kind is one the product knows.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/evidence/content_probe.hpp"
#include "domain/evidence/file_types.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const char* const names[] = {"report.pdf", "photo.png", "photo.jpg", "anim.gif", "img.webp", "a.zip",
                                      "policy.docx", "register.xlsx", "slides.pptx", "notes.txt", "page.html",
                                      "logo.svg", "data.xml", "run.sh", "setup.exe", "noextension", "data.csv",
                                      "notes.md", "data.json", ".hidden"};
  std::size_t chunk = 1 + data[0] % 64;
  std::string name = names[data[1] % (sizeof names / sizeof names[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);

  auto whole = evidence::detect_bytes(bytes);
  evidence::ContentProbe probe;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) probe.feed(bytes.substr(at, chunk));
  auto streamed = probe.detect();
  if (probe.size() != bytes.size()) std::abort();
  if (streamed.kind != whole.kind || streamed.mime != whole.mime) std::abort();  // chunking changed the answer
  if (evidence::kind_info(whole.kind).mime != whole.mime) std::abort();
  (void)evidence::check_file_name(name);
  (void)evidence::check_file(name, whole);
  auto cut = bytes.size() / 2;
  (void)evidence::zip_entry_names(bytes.substr(0, cut), bytes.substr(cut));
  return 0;
}
