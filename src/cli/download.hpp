// Downloads of exported files and reports for the client commands: progress on stderr while the
// body arrives (only when stderr is a terminal), then the file written to -o FILE or, for text
// formats, standard output. Used by one command at a time; not thread-safe.
#pragma once
#include <cstdint>
#include <string>

#include "cli/api_session.hpp"

namespace aims::cli {

/// "512 B", "3.0 KiB" or "40.0 MiB".
std::string size_text(std::uint64_t bytes);

/// GETs `target` (its body is a file of `format`) and writes it to `output` ("" or "-": standard
/// output, refused for binary formats when standard output is a terminal). Returns the exit code.
int download(ApiSession& api, const std::string& target, const std::string& format, const std::string& output);

}  // namespace aims::cli
