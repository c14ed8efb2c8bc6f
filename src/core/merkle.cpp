#include "core/merkle.hpp"

#include <openssl/evp.h>

#include <bit>
#include <stdexcept>

namespace aims::merkle {

namespace {

/// One SHA-256 over up to three pieces, with a digest context reused per thread.
Hash digest(std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  struct Ctx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    ~Ctx() {
      EVP_MD_free(md);
      EVP_MD_CTX_free(ctx);
    }
  };
  thread_local Ctx t;
  Hash out{};
  unsigned int len = 0;
  if (!t.ctx || !t.md || EVP_DigestInit_ex2(t.ctx, t.md, nullptr) != 1 ||
      EVP_DigestUpdate(t.ctx, a.data(), a.size()) != 1 || (!b.empty() && EVP_DigestUpdate(t.ctx, b.data(), b.size()) != 1) ||
      (!c.empty() && EVP_DigestUpdate(t.ctx, c.data(), c.size()) != 1) || EVP_DigestFinal_ex(t.ctx, out.data(), &len) != 1)
    throw std::runtime_error("SHA-256 is not available");
  return out;
}

std::string_view view(const Hash& h) { return {reinterpret_cast<const char*>(h.data()), h.size()}; }

bool is_power_of_two(std::uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

void path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, const NodeSource& nodes, std::vector<Hash>& out) {
  std::uint64_t n = end - begin;
  if (n <= 1) return;
  std::uint64_t k = split_point(n);
  if (m < k) {
    path(m, begin, begin + k, nodes, out);
    out.push_back(subtree_hash(begin + k, end, nodes));
  } else {
    path(m - k, begin + k, end, nodes, out);
    out.push_back(subtree_hash(begin, begin + k, nodes));
  }
}

void subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool complete, const NodeSource& nodes,
              std::vector<Hash>& out) {
  std::uint64_t n = end - begin;
  if (m == n) {
    if (!complete) out.push_back(subtree_hash(begin, end, nodes));
    return;
  }
  std::uint64_t k = split_point(n);
  if (m <= k) {
    subproof(m, begin, begin + k, complete, nodes, out);
    out.push_back(subtree_hash(begin + k, end, nodes));
  } else {
    subproof(m - k, begin + k, end, false, nodes, out);
    out.push_back(subtree_hash(begin, begin + k, nodes));
  }
}

}  // namespace

Hash sha256(std::string_view data) { return digest(data); }

Hash leaf_hash(std::string_view data) { return digest(std::string_view("\x00", 1), data); }

Hash node_hash(const Hash& left, const Hash& right) { return digest("\x01", view(left), view(right)); }

Hash empty_root() { return digest({}); }

std::string to_hex(const Hash& h) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (auto b : h) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

std::optional<Hash> from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  Hash h{};
  for (std::size_t i = 0; i < 32; ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    h[i] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return h;
}

std::string to_bytes(const Hash& h) { return std::string(view(h)); }

std::uint64_t split_point(std::uint64_t n) { return std::bit_floor(n - 1); }

Hash subtree_hash(std::uint64_t begin, std::uint64_t end, const NodeSource& nodes) {
  std::uint64_t n = end - begin;
  if (is_power_of_two(n) && begin % n == 0) return nodes(std::countr_zero(n), begin / n);
  std::uint64_t k = split_point(n);
  return node_hash(subtree_hash(begin, begin + k, nodes), subtree_hash(begin + k, end, nodes));
}

Hash root(std::uint64_t size, const NodeSource& nodes) { return size == 0 ? empty_root() : subtree_hash(0, size, nodes); }

std::vector<Hash> inclusion_proof(std::uint64_t index, std::uint64_t size, const NodeSource& nodes) {
  std::vector<Hash> out;
  if (index < size) path(index, 0, size, nodes, out);
  return out;
}

std::vector<Hash> consistency_proof(std::uint64_t old_size, std::uint64_t new_size, const NodeSource& nodes) {
  std::vector<Hash> out;
  if (old_size > 0 && old_size < new_size) subproof(old_size, 0, new_size, true, nodes, out);
  return out;
}

bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, const std::vector<Hash>& proof,
                      const Hash& root) {
  if (index >= size) return false;
  std::uint64_t fn = index, sn = size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      r = node_hash(p, r);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root, const Hash& new_root,
                        const std::vector<Hash>& proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (old_size == 0) return proof.empty() && old_root == empty_root();
  if (proof.empty()) return false;
  std::vector<Hash> p;
  p.reserve(proof.size() + 1);
  if (is_power_of_two(old_size)) p.push_back(old_root);
  p.insert(p.end(), proof.begin(), proof.end());
  std::uint64_t fn = old_size - 1, sn = new_size - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = p[0], sr = p[0];
  for (std::size_t i = 1; i < p.size(); ++i) {
    const Hash& c = p[i];
    if (sn == 0) return false;
    if ((fn & 1) == 1 || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && fr == old_root && sr == new_root;
}

std::vector<Node> completed_by_append(std::uint64_t index, const Hash& leaf, const NodeSource& nodes) {
  std::vector<Node> out;
  Hash h = leaf;
  std::uint64_t i = index;
  for (int level = 1; (i & 1) == 1; ++level) {
    h = node_hash(nodes(level - 1, i - 1), h);
    i >>= 1;
    out.push_back(Node{level, i, h});
  }
  return out;
}

MemoryTree::MemoryTree(const std::vector<Hash>& leaves) {
  levels_.reserve(65);
  for (const Hash& l : leaves) add(l);
}

void MemoryTree::add(const Hash& leaf) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf);
  for (std::size_t level = 1; levels_[level - 1].size() % 2 == 0; ++level) {
    if (levels_.size() == level) levels_.emplace_back();
    const auto& below = levels_[level - 1];
    levels_[level].push_back(node_hash(below[below.size() - 2], below.back()));
  }
}

NodeSource MemoryTree::source() const {
  return [this](int level, std::uint64_t index) -> Hash { return levels_.at(static_cast<std::size_t>(level)).at(index); };
}

void TreeBuilder::add(const Hash& leaf) {
  int level = 0;
  Hash h = leaf;
  while (!edge_.empty() && edge_.back().first == level) {
    h = node_hash(edge_.back().second, h);
    edge_.pop_back();
    ++level;
  }
  edge_.emplace_back(level, h);
  ++size_;
}

Hash TreeBuilder::root() const {
  if (edge_.empty()) return empty_root();
  Hash h = edge_.back().second;
  for (auto it = edge_.rbegin() + 1; it != edge_.rend(); ++it) h = node_hash(it->second, h);
  return h;
}

}  // namespace aims::merkle
