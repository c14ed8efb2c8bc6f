// The replay driver of the fuzz targets (docs/testing.md, "Fuzzing"): linked with one target's
// LLVMFuzzerTestOneInput in place of libFuzzer, it runs the target once on every file of the
// directories (recursively, in name order) and files named on its command line, each input in a
// heap buffer of exactly its size as libFuzzer passes it, so that the sanitizers see a read past
// its end. `make test` builds one per target in the sanitizer build (build-asan/fuzz/) and replays
// each target's seed corpus and regression inputs there.
// Usage: fuzz_replay_<target> [--optional] PATH...   (--optional: the paths after it may be absent)
// Exit 0 when every input ran, 1 when a path cannot be read, when no input was found, or when the
// target threw or returned other than 0 or -1; a crash, a sanitizer report or a failed property
// (std::abort) ends the process with the input named on stderr.
#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#if defined(__has_include)
#if __has_include(<sanitizer/common_interface_defs.h>)
#include <sanitizer/common_interface_defs.h>
#define AIMS_REPLAY_DEATH_CALLBACK 1
#endif
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// A target may define it (libFuzzer calls it once, before the first input); none has to.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

#ifdef AIMS_REPLAY_DEATH_CALLBACK
// Defaults under the environment's ASAN_OPTIONS and UBSAN_OPTIONS (which win): UBSan stops at its
// first report, and both sanitizers end with abort(), whose handler below names the input (UBSan
// runs no death callback of ASan's: GCC links it as a library of its own).
extern "C" const char* __asan_default_options() { return "abort_on_error=1:detect_leaks=1"; }
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:abort_on_error=1:print_stacktrace=1"; }
#endif

namespace {

namespace fs = std::filesystem;

// The input being run, for the last words of a crash (a signal handler may only write).
char g_current[4096] = "";
volatile std::sig_atomic_t g_named = 0;

void name_failing_input() {
  if (g_named || g_current[0] == '\0') return;
  g_named = 1;
  const char head[] = "fuzz replay: FAILED on input ";
  (void)!write(2, head, sizeof head - 1);
  (void)!write(2, g_current, std::strlen(g_current));
  (void)!write(2, "\n", 1);
}

extern "C" void on_fatal_signal(int sig) {
  name_failing_input();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

/// Every regular file under `p` (itself if it is one), sorted; false if `p` cannot be listed.
bool inputs_of(const fs::path& p, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    out.push_back(p);
    return true;
  }
  if (!fs::is_directory(p, ec)) return false;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) found.push_back(it->path());
  if (ec) return false;
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, on_fatal_signal);
#ifdef AIMS_REPLAY_DEATH_CALLBACK
  // ASan and UBSan (halt_on_error) end the process through their own exit, with no signal.
  __sanitizer_set_death_callback(name_failing_input);
#endif
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);

  const char* self = argc > 0 ? argv[0] : "fuzz_replay";
  bool optional = false;
  int failures = 0;
  std::size_t total = 0;
  std::vector<std::string> counts;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--optional") {
      optional = true;
      continue;
    }
    std::vector<fs::path> inputs;
    std::error_code ec;
    if (!fs::exists(arg, ec) && optional) {
      counts.push_back(arg + ": absent");
      continue;
    }
    if (!inputs_of(arg, inputs)) {
      std::fprintf(stderr, "%s: cannot read %s\n", self, arg.c_str());
      ++failures;
      continue;
    }
    for (const auto& p : inputs) {
      std::string bytes;
      if (!read_file(p, bytes)) {
        std::fprintf(stderr, "%s: cannot read %s\n", self, p.c_str());
        ++failures;
        continue;
      }
      std::snprintf(g_current, sizeof g_current, "%s", p.c_str());
      // Exactly the input's size on the heap, as libFuzzer hands it over.
      std::unique_ptr<std::uint8_t[]> data(new std::uint8_t[bytes.size()]);
      std::memcpy(data.get(), bytes.data(), bytes.size());
      try {
        int rc = LLVMFuzzerTestOneInput(data.get(), bytes.size());
        if (rc != 0 && rc != -1) {
          std::fprintf(stderr, "%s: FAILED on input %s: the target returned %d\n", self, p.c_str(), rc);
          ++failures;
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: FAILED on input %s: exception: %s\n", self, p.c_str(), e.what());
        ++failures;
      } catch (...) {
        std::fprintf(stderr, "%s: FAILED on input %s: an exception\n", self, p.c_str());
        ++failures;
      }
      g_current[0] = '\0';
    }
    counts.push_back(arg + ": " + std::to_string(inputs.size()));
    total += inputs.size();
  }
  std::string summary;
  for (const auto& c : counts) summary += (summary.empty() ? "" : ", ") + c;
  std::printf("%s: %zu input(s) ran (%s)\n", self, total, summary.c_str());
  if (total == 0) {
    std::fprintf(stderr, "%s: no input found\n", self);
    return 1;
  }
  if (failures) {
    std::fprintf(stderr, "%s: %d failure(s)\n", self, failures);
    return 1;
  }
  return 0;
}
