#include "cli/audit_key.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace aims::cli {
namespace {

constexpr std::string_view kMagic = "aims audit signing key v1";

Error unavailable(const std::string& path, const std::string& what) {
  return make_error(errc::unavailable, "audit signing key " + path + ": " + what);
}

result<note::SigningKey> create_key(const std::string& path) {
  auto key = note::SigningKey::generate();
  if (auto s = save_signing_key(path, key); !s) return s.error();
  return key;
}

}  // namespace

status save_signing_key(const std::string& path, const note::SigningKey& key) {
  std::string seed(reinterpret_cast<const char*>(key.seed().data()), key.seed().size());
  std::string text = std::string(kMagic) + "\n" + note::base64_encode(seed) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return unavailable(path, std::string("cannot create it: ") + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return unavailable(path, "cannot write it");
  }
  return aims::ok();
}

result<note::SigningKey> load_signing_key(const std::string& path, bool create) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT && create) {
      auto made = create_key(path);
      if (made || ::stat(path.c_str(), &st) != 0) return made;  // else another process made it first
    } else {
      return unavailable(path, std::string("cannot read it: ") + std::strerror(errno));
    }
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    return unavailable(path, "others may read it; make it private with chmod 600");
  std::ifstream in(path);
  std::string magic, seed_text, raw;
  if (!in || !std::getline(in, magic) || !std::getline(in, seed_text) || magic != kMagic ||
      !note::base64_decode(seed_text, raw) || raw.size() != 32)
    return unavailable(path, "it is not an aims audit signing key");
  note::Seed seed;
  std::memcpy(seed.data(), raw.data(), 32);
  return note::SigningKey::from_seed(seed);
}

}  // namespace aims::cli
