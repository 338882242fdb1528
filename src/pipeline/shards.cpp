#include "pipeline/shards.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/error.hpp"
#include "output/checksum.hpp"

namespace claimmap {

int shard_of(size_t index, int shard_count) { return static_cast<int>(index % static_cast<size_t>(shard_count)) + 1; }

std::string shard_manifest_name(int shard_index, int shard_count) {
    return fmt::format("manifest.shard-{}-of-{}.json", shard_index, shard_count);
}

namespace {

std::string file_sha256(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) fail(p, "cannot read");
    return sha256_hex(std::string(std::istreambuf_iterator<char>(in), {}));
}

// The shard count of the manifests in `dir`: exactly one N must be present.
int shard_count_in(const std::filesystem::path& dir) {
    static const std::regex name(R"(manifest\.shard-([0-9]+)-of-([0-9]+)\.json)");
    std::set<int> counts;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::smatch m;
        const std::string file = e.path().filename().string();
        if (std::regex_match(file, m, name)) counts.insert(std::stoi(m[2]));
    }
    if (counts.empty()) fail(dir, "has no shard manifests (manifest.shard-K-of-N.json) to merge: run batch --shard K/N first");
    if (counts.size() > 1)
        fail(dir, fmt::format("holds shard manifests of {} and {} shards: remove those of the older run", *counts.begin(),
                              *counts.rbegin()));
    return *counts.begin();
}

std::string rerun(int k, int n) { return fmt::format("rerun claimmap batch --shard {}/{}", k, n); }

}  // namespace

VerifiedShards verify_shards(const std::filesystem::path& dir, const std::string& atlas_name, const std::string& inputs_digest,
                             const std::vector<const MapJob*>& jobs,
                             const std::function<std::string(const MapJob&, Format)>& key_of) {
    VerifiedShards v;
    v.count = shard_count_in(dir);
    const int n = v.count;
    std::map<std::string, int> listed_by;  // file -> shard whose manifest lists it
    for (int k = 1; k <= n; ++k) {
        const auto path = dir / shard_manifest_name(k, n);
        if (!std::filesystem::exists(path)) fail(path, fmt::format("is missing: shard {} of {} has not run here; {}", k, n, rerun(k, n)));
        nlohmann::json m;
        try {
            std::ifstream in(path, std::ios::binary);
            m = nlohmann::json::parse(in);
            if (m.value("atlas", "") != atlas_name)
                fail(path, fmt::format("is a shard of atlas '{}', not '{}'", m.value("atlas", ""), atlas_name));
            if (m.value("inputs_sha256", "") != inputs_digest)
                fail(path, fmt::format("is stale: the case's data changed since the shard ran; {}", rerun(k, n)));
            for (const auto& e : m.at("outputs")) {
                const std::string file = e.at("file");
                if (listed_by.count(file))
                    fail(path, fmt::format("lists {}, which shard {} lists too", file, listed_by[file]));
                listed_by[file] = k;
                v.outputs[file] = {e.at("key"), e.at("sha256")};
            }
        } catch (const nlohmann::json::exception& e) {
            fail(path, std::string("is not a shard manifest: ") + e.what());
        }
    }
    std::set<std::string> expected;
    for (size_t i = 0; i < jobs.size(); ++i) {
        const int k = shard_of(i, n);
        const auto manifest = dir / shard_manifest_name(k, n);
        for (Format f : jobs[i]->formats) {
            const std::string file = jobs[i]->name + "." + format_extension(f);
            expected.insert(file);
            auto it = v.outputs.find(file);
            if (it == v.outputs.end())
                fail(manifest, fmt::format("does not list {} (the map failed or was stopped); {}", file, rerun(k, n)));
            if (listed_by[file] != k)
                fail(dir / shard_manifest_name(listed_by[file], n), fmt::format("lists {}, which belongs to shard {}", file, k));
            if (it->second.key != key_of(*jobs[i], f))
                fail(manifest, fmt::format("is stale: {} was drawn with other settings, style or claimmap version; {}", file,
                                           rerun(k, n)));
            const auto on_disk = dir / file;
            if (!std::filesystem::exists(on_disk)) fail(on_disk, fmt::format("is missing (listed by shard {} of {}); {}", k, n, rerun(k, n)));
            if (file_sha256(on_disk) != it->second.sha256)
                fail(on_disk, fmt::format("does not match its checksum in {} (changed since the shard wrote it); {}",
                                          shard_manifest_name(k, n), rerun(k, n)));
        }
    }
    for (const auto& [file, k] : listed_by)
        if (!expected.count(file))
            fail(dir / shard_manifest_name(k, n), fmt::format("is stale: lists {}, which the atlas no longer has; {}", file, rerun(k, n)));
    return v;
}

}  // namespace claimmap
