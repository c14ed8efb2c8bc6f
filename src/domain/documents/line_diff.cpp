#include "domain/documents/line_diff.hpp"

#include <string>
#include <vector>

namespace aims::documents {
namespace json = boost::json;

namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void add(json::array& out, const char* op, std::string_view text) {
  out.push_back(json::object{{"op", op}, {"text", text}});
}

constexpr std::size_t kMaxCells = 4'000'000;  // the LCS table's size limit (changed lines squared)

}  // namespace

json::array line_diff(std::string_view from, std::string_view to) {
  auto a = lines_of(from), b = lines_of(to);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  json::array out;
  for (std::size_t i = 0; i < head; ++i) add(out, "same", a[i]);
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n * m > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) add(out, "removed", a[head + i]);
    for (std::size_t j = 0; j < m; ++j) add(out, "added", b[head + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of a's middle from i and b's middle from j.
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        add(out, "same", a[head + i]);
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        add(out, "removed", a[head + i++]);
      } else {
        add(out, "added", b[head + j++]);
      }
    }
  }
  for (std::size_t k = tail; k > 0; --k) add(out, "same", a[a.size() - k]);
  return out;
}

}  // namespace aims::documents
