// Recognizes what a file is from its bytes (never from its name or the client's Content-Type),
// fed piece by piece as an upload streams in. Keeps the first 64 KiB, the last 256 KiB and the
// running UTF-8 check, so memory does not grow with the file. One probe per upload, owned by it;
// not thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aims::evidence {

/// What the bytes are. `kind` is one of: pdf, png, jpeg, gif, webp, zip, docx, xlsx, pptx,
/// text (valid UTF-8 without control characters), html, svg, xml, binary (none of these),
/// executable (programs and scripts), empty.
struct Detected {
  std::string kind;
  std::string mime;   // the media type of that kind
  std::string label;  // for people, e.g. "PDF document"
};

class ContentProbe {
 public:
  void feed(std::string_view chunk);
  std::uint64_t size() const { return size_; }
  /// The kind of everything fed so far.
  Detected detect() const;

 private:
  std::string head_;
  std::string tail_;
  std::string carry_;  // an incomplete UTF-8 sequence at the end of the last chunk
  bool utf8_ok_ = true;
  std::uint64_t size_ = 0;
};

/// The kind of a whole file held in memory (tests, small files).
Detected detect_bytes(std::string_view bytes);

/// Names of the entries of a ZIP archive found in its central directory (from the archive's
/// last bytes) and in the local file headers of its first bytes.
std::vector<std::string> zip_entry_names(std::string_view head, std::string_view tail);

/// The Detected value of a kind id (label and media type).
Detected kind_info(std::string_view kind);

}  // namespace aims::evidence
