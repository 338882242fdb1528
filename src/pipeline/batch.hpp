#pragma once
// Renders an atlas: data loaded and scenario claims computed once, then shared read-only by
// worker threads; one failing map does not stop the others; outputs up to date are skipped.
#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/atlas.hpp"

namespace claimmap {

struct BatchOptions {
    std::filesystem::path out_dir = "output";
    int jobs = 0;                 // worker threads; 0 = all cores
    int shard_index = 1, shard_count = 1;  // render only the K-th of N slices (1-based)
    bool force = false;           // render even what is up to date
    bool merge = false;           // join the shards' manifests into manifest.json and index.html (pipeline/shards.hpp)
    bool gallery = true;          // write index.html (full runs only)
    bool progress_bar = false;    // a terminal progress bar instead of one line per map
    std::optional<std::string> detail;  // the case's land detail (--detail), over the atlas's 'detail'
    bool create_out_dir = false;  // create out_dir (after the atlas and case have loaded) if missing
    // Set (e.g. from a signal handler) to stop: maps under way finish their files, no new one
    // starts, and the manifest lists what was written.
    const std::atomic<bool>* stop = nullptr;
};

struct BatchResult {
    int rendered = 0, up_to_date = 0, failed = 0, not_started = 0;
    int shards_merged = 0;
    std::vector<std::string> errors;  // one line each: "<map>: <what went wrong>"
    std::filesystem::path manifest, gallery;
    double seconds = 0;
};

// `report` receives one line per finished map (or progress-bar updates when asked for).
BatchResult run_batch(const std::filesystem::path& atlas_file, const std::filesystem::path& default_case,
                      const std::filesystem::path& data_folder, const BatchOptions& options,
                      const std::function<void(const std::string&)>& report);

// "K/N" with 1 <= K <= N.
std::pair<int, int> parse_shard(const std::string& text);

}  // namespace claimmap
