#pragma once
// Sharded atlases: `batch --shard K/N` renders maps i (0-based, atlas order) with i mod N = K-1 and
// writes manifest.shard-K-of-N.json; `batch --merge` checks every shard against the atlas and the
// files on disk, then the folder gets the manifest.json and index.html of one unsharded run.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "output/writers.hpp"
#include "pipeline/atlas.hpp"

namespace claimmap {

// 1-based shard of the job at `index` in atlas order.
int shard_of(size_t index, int shard_count);
std::string shard_manifest_name(int shard_index, int shard_count);

struct ShardedOutput {
    std::string key, sha256;
};

struct VerifiedShards {
    int count = 0;
    std::map<std::string, ShardedOutput> outputs;  // file -> key and checksum, every output of the atlas
};

// Reads the shard manifests in `dir` (one shard count N, shards 1..N all there, all of `atlas_name`
// and `inputs_digest`) and checks that they list exactly the atlas's outputs, each with the key it
// would have now (`key_of`) and the checksum of the file on disk. Throws a one-line Error naming
// the shard manifest or file and the shard to rerun.
VerifiedShards verify_shards(const std::filesystem::path& dir, const std::string& atlas_name, const std::string& inputs_digest,
                             const std::vector<const MapJob*>& jobs,
                             const std::function<std::string(const MapJob&, Format)>& key_of);

}  // namespace claimmap
