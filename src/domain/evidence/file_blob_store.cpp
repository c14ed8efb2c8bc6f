#include "domain/evidence/file_blob_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>

#include "core/crypto.hpp"

namespace aims::evidence {

namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& what, int err) {
  return make_error(errc::unavailable, what + ": " + std::strerror(err));
}

bool safe_component(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

/// fsync of a directory, so that a rename or unlink in it survives a crash.
status sync_dir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open " + dir, errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return io_error("cannot sync " + dir, err);
  return ok();
}

/// Creates the missing directories base/parts[0]/parts[1]/…, syncing each parent.
status make_dirs(const std::string& base, std::initializer_list<std::string> parts) {
  fs::path cur = base;
  for (const auto& part : parts) {
    auto parent = cur.string();
    cur /= part;
    if (::mkdir(cur.c_str(), 0700) == 0) {
      if (auto st = sync_dir(parent); !st) return st;
    } else if (errno != EEXIST) {
      return io_error("cannot create " + cur.string(), errno);
    }
  }
  return ok();
}

class FileWriter final : public BlobWriter {
 public:
  FileWriter(const FileBlobStore& store, std::string path, int fd) : store_(store), path_(std::move(path)), fd_(fd) {}
  ~FileWriter() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  status write(std::string_view bytes) override {
    while (!bytes.empty()) {
      auto n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return io_error("cannot write the upload", errno);
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return ok();
  }

  status commit(const std::string& org_id, const std::string& sha256, bool& existed) override {
    existed = false;
    if (!safe_component(org_id) || !is_sha256_hex(sha256))
      return make_error(errc::internal, "bad blob key " + org_id + "/" + sha256);
    if (::fsync(fd_) != 0) return io_error("cannot sync the upload", errno);
    ::close(fd_);
    fd_ = -1;
    fs::path target = store_.path_of(org_id, sha256);
    if (auto st = make_dirs(store_.root(), {org_id, "sha256", sha256.substr(0, 2), sha256.substr(2, 2)}); !st) return st;
    struct stat sb{};
    if (::stat(target.c_str(), &sb) == 0) {
      existed = true;
      return ok();  // the destructor removes our copy
    }
    if (::rename(path_.c_str(), target.c_str()) != 0) return io_error("cannot store the upload", errno);
    committed_ = true;
    return sync_dir(target.parent_path().string());
  }

 private:
  const FileBlobStore& store_;
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

class FileReader final : public BlobReader {
 public:
  FileReader(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  ~FileReader() override { ::close(fd_); }
  std::uint64_t size() const override { return size_; }
  result<std::size_t> read(char* buf, std::size_t n) override {
    for (;;) {
      auto got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) return io_error("cannot read the evidence file", errno);
    }
  }

 private:
  int fd_;
  std::uint64_t size_;
};

}  // namespace

bool is_sha256_hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

FileBlobStore::FileBlobStore(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  fs::create_directories(fs::path(root_) / "tmp", ec);
  if (ec) throw std::runtime_error("cannot create the evidence directory " + root_ + ": " + ec.message());
  for (const auto& e : fs::directory_iterator(fs::path(root_) / "tmp", ec)) fs::remove(e.path(), ec);
}

std::string FileBlobStore::path_of(const std::string& org_id, const std::string& sha256) const {
  return (fs::path(root_) / org_id / "sha256" / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256).string();
}

result<std::unique_ptr<BlobWriter>> FileBlobStore::create() {
  auto path = (fs::path(root_) / "tmp" / ("upload-" + crypto::random_base32(20))).string();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("cannot create a file for the upload", errno);
  return std::unique_ptr<BlobWriter>(std::make_unique<FileWriter>(*this, path, fd));
}

result<std::unique_ptr<BlobReader>> FileBlobStore::open(const std::string& org_id, const std::string& sha256) {
  if (!safe_component(org_id) || !is_sha256_hex(sha256)) return make_error(errc::not_found, "No such evidence file.");
  auto path = path_of(org_id, sha256);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return make_error(errc::not_found, "The evidence file is missing from the vault.");
    return io_error("cannot open the evidence file", errno);
  }
  struct stat sb{};
  if (::fstat(fd, &sb) != 0) {
    int err = errno;
    ::close(fd);
    return io_error("cannot read the evidence file", err);
  }
  return std::unique_ptr<BlobReader>(std::make_unique<FileReader>(fd, static_cast<std::uint64_t>(sb.st_size)));
}

bool FileBlobStore::exists(const std::string& org_id, const std::string& sha256) {
  if (!safe_component(org_id) || !is_sha256_hex(sha256)) return false;
  struct stat sb{};
  return ::stat(path_of(org_id, sha256).c_str(), &sb) == 0;
}

status FileBlobStore::remove(const std::string& org_id, const std::string& sha256) {
  if (!safe_component(org_id) || !is_sha256_hex(sha256)) return ok();
  auto path = path_of(org_id, sha256);
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return ok();
    return io_error("cannot remove the evidence file", errno);
  }
  return sync_dir(fs::path(path).parent_path().string());
}

}  // namespace aims::evidence
