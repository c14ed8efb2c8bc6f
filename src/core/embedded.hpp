// Files compiled into the binary (catalog data, the OpenAPI document). Immutable; thread-safe.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace aims {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "catalog/iso42001-2023/annex-a.json"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();

inline std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& f : embedded_files())
    if (f.path == path) return f.content;
  return std::nullopt;
}

}  // namespace aims
