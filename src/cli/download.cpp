#include "cli/download.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/output.hpp"

namespace aims::cli {

std::string size_text(std::uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024 * 1024));
  return buf;
}

namespace {

bool is_binary(const std::string& format) { return format == "pdf" || format == "xlsx" || format == "zip"; }

}  // namespace

int download(ApiSession& api, const std::string& target, const std::string& format, const std::string& output) {
  bool to_stdout = output.empty() || output == "-";
  if (to_stdout && is_binary(format) && isatty(STDOUT_FILENO))
    return usage_error("a " + format + " file would garble the terminal; write it to a file with -o FILE.");
  http::ClientRequest req;
  req.target = target;
  bool progress = isatty(STDERR_FILENO);
  if (progress) {
    auto last = std::chrono::steady_clock::time_point{};
    std::cerr << "Asking the server for the " << format << "…\n" << std::flush;
    req.on_progress = [last](std::uint64_t got, std::optional<std::uint64_t> total) mutable {
      auto now = std::chrono::steady_clock::now();
      bool done = total && got >= *total;
      if (!done && now - last < std::chrono::milliseconds(100)) return;
      last = now;
      if (done) {  // the line is cleared before any message about the response
        std::cerr << "\r\033[K" << std::flush;
        return;
      }
      std::cerr << "\r\033[KReceived " << size_text(got);
      if (total && *total > 0) std::cerr << " of " << size_text(*total) << " (" << got * 100 / *total << "%)";
      std::cerr << std::flush;
    };
  }
  auto r = api.send(req);
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (!r) return kExitFailed;
  if (to_stdout) {
    if (is_binary(format)) std::cout.write(r->body.data(), static_cast<std::streamsize>(r->body.size()));
    else print_body(std::cout, r->body);
    std::cout.flush();
    return 0;
  }
  if (!write_file(output, r->body)) return kExitFailed;
  std::cout << "Wrote " << output << " (" << r->body.size() << " bytes)\n";
  return 0;
}

}  // namespace aims::cli
