// Where evidence files live: the blob store interface of store/blobs.hpp under the names the
// evidence domain uses. The filesystem implementation is FileBlobStore (file_blob_store.hpp); the
// PostgreSQL one is opened with store::open_database_blob_store.
#pragma once
#include <string_view>

#include "store/blobs.hpp"

namespace aims::evidence {

using store::BlobReader;
using store::BlobStore;
using store::BlobWriter;

/// True for 64 lower-case hex digits.
bool is_sha256_hex(std::string_view s);

}  // namespace aims::evidence
