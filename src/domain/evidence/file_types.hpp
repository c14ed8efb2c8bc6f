// Which file names go with which content: the check that a file's name (its extension) agrees
// with what its bytes are, and the media type an evidence file is stored and served with.
// Pure functions; thread-safe.
#pragma once
#include <string>

#include "core/error.hpp"
#include "domain/evidence/content_probe.hpp"

namespace aims::evidence {

/// What an accepted file is stored as.
struct FileType {
  std::string kind;          // as Detected::kind
  std::string content_type;  // the media type it is stored and served with
  std::string label;
};

/// The extension of a file name, lower-cased and without the dot ("" if none).
std::string extension_of(const std::string& filename);

/// Checks a file name before any byte is read: a plain name (no path, no control characters,
/// at most 255 bytes of UTF-8) that does not name a program or script. Errors: validation
/// (field `filename`), unsupported_media_type for programs and scripts.
status check_file_name(const std::string& filename);

/// Checks that the name agrees with the detected content. A known extension must match the
/// content (e.g. `report.pdf` must be a PDF); a file without a known extension is stored as what
/// its bytes are (unrecognized bytes as application/octet-stream). Programs and scripts are
/// refused (unsupported_media_type); a mismatch or an empty file is a validation error naming
/// both the name and the content.
result<FileType> check_file(const std::string& filename, const Detected& d);

}  // namespace aims::evidence
