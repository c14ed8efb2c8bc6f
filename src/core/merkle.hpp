// RFC 6962 / RFC 9162 §2.1 Merkle tree hashing over SHA-256: leaf hash SHA-256(0x00 || data), node
// hash SHA-256(0x01 || left || right), the root of any range, and inclusion and consistency proofs
// (generation and verification). Pure functions; thread-safe. A tree is read through a NodeSource,
// which answers the hashes of complete, aligned subtrees (level L, index i = the leaves
// [i * 2^L, (i + 1) * 2^L)); a store keeps those, so a proof needs O(log n) reads, not O(n) hashing.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aims::merkle {

using Hash = std::array<std::uint8_t, 32>;

/// SHA-256 of the bytes.
Hash sha256(std::string_view data);
/// SHA-256(0x00 || data): the hash of a leaf.
Hash leaf_hash(std::string_view data);
/// SHA-256(0x01 || left || right): the hash of an interior node.
Hash node_hash(const Hash& left, const Hash& right);
/// The root of the empty tree: SHA-256 of no bytes.
Hash empty_root();

/// Lower-case hex.
std::string to_hex(const Hash& h);
/// 64 hex digits (either case); nullopt otherwise.
std::optional<Hash> from_hex(std::string_view hex);
/// The bytes of the hash as a string (for base64).
std::string to_bytes(const Hash& h);

/// The hash of the complete subtree at `level` whose leaves start at index * 2^level.
using NodeSource = std::function<Hash(int level, std::uint64_t index)>;

/// The largest power of two smaller than n (n >= 2): where RFC 6962 splits a tree of n leaves.
std::uint64_t split_point(std::uint64_t n);

/// MTH(D[begin:end]) (begin < end): complete aligned ranges come from `nodes`, others are split.
Hash subtree_hash(std::uint64_t begin, std::uint64_t end, const NodeSource& nodes);
/// MTH of the first `size` leaves (empty_root() for 0).
Hash root(std::uint64_t size, const NodeSource& nodes);

/// PATH(index, D[0:size]) of RFC 6962 §2.1.1, from the leaf's sibling up. index < size.
std::vector<Hash> inclusion_proof(std::uint64_t index, std::uint64_t size, const NodeSource& nodes);
/// PROOF(old_size, D[0:new_size]) of RFC 6962 §2.1.2. 0 < old_size <= new_size; empty when equal.
std::vector<Hash> consistency_proof(std::uint64_t old_size, std::uint64_t new_size, const NodeSource& nodes);

/// RFC 9162 §2.1.3.2: true if `proof` shows the leaf hash at `index` is in the tree of `size`
/// leaves whose root is `root`.
bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, const std::vector<Hash>& proof,
                      const Hash& root);
/// RFC 9162 §2.1.4.2: true if `proof` shows the tree of `old_size` leaves (root `old_root`) is a
/// prefix of the tree of `new_size` leaves (root `new_root`). Equal sizes need an empty proof and
/// equal roots; old size 0 needs an empty proof and old_root == empty_root().
bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root, const Hash& new_root,
                        const std::vector<Hash>& proof);

/// A complete subtree hash that appending a leaf completes.
struct Node {
  int level = 0;
  std::uint64_t index = 0;
  Hash hash{};
};

/// The subtrees of level >= 1 completed by appending leaf `leaf` at `index` (index = the old size):
/// one per trailing 1 bit of index. The left siblings are read from `nodes`.
std::vector<Node> completed_by_append(std::uint64_t index, const Hash& leaf, const NodeSource& nodes);

/// Every complete subtree hash of a list of leaves, kept in memory (tests, the offline verifier).
/// A value; not thread-safe while being added to.
class MemoryTree {
 public:
  MemoryTree() = default;
  explicit MemoryTree(const std::vector<Hash>& leaves);
  void add(const Hash& leaf);
  std::uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  /// A NodeSource over this tree (valid while the tree lives and does not change).
  NodeSource source() const;
  Hash root() const { return merkle::root(size(), source()); }
  Hash root_at(std::uint64_t size) const { return merkle::root(size, source()); }

 private:
  std::vector<std::vector<Hash>> levels_;
};

/// The root of a growing list of leaves in O(log n) memory: the hashes of the complete subtrees
/// along the right edge. A value; not thread-safe while being added to.
class TreeBuilder {
 public:
  void add(const Hash& leaf);
  std::uint64_t size() const { return size_; }
  /// MTH of the leaves added so far (empty_root() for none).
  Hash root() const;

 private:
  std::vector<std::pair<int, Hash>> edge_;  // (level, hash), largest first
  std::uint64_t size_ = 0;
};

}  // namespace aims::merkle
