// Finds a key that occurs twice in one JSON object of a document, at any nesting level, with
// escapes decoded ("a" and "\u0061" are the same key), so that every reader of a request body
// sees the same object. Pure functions; thread-safe.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aims::http {

/// A key repeated in one object: the key (decoded) and the JSON pointer of that object ("" = the root).
struct DuplicateKey {
  std::string key;
  std::string object_pointer;
};

/// The first repeated key of `json_text` in document order, or nothing if every object's keys
/// are distinct. Text that is not one valid JSON document yields nothing (parse it first).
std::optional<DuplicateKey> find_duplicate_key(std::string_view json_text, int max_depth = 32);

}  // namespace aims::http
