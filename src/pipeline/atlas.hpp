#pragma once
// An atlas: many maps of one case, described as data (atlas/<name>.toml) and expanded into jobs.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "layout/map_layout.hpp"
#include "output/writers.hpp"
#include "pipeline/map_job.hpp"

namespace claimmap {

struct MapJob {
    std::string name;  // base file name, unique within the atlas
    int line = 0;      // of its [[map]] in the atlas file
    MapRequest request;
    MapOptions options;
    std::string style;
    std::vector<Format> formats;
    std::string describe() const;  // every setting, one line: part of the up-to-date key
};

// One [[map]] table before expansion over its lists.
struct AtlasEntry {
    int line = 0;
    std::string name;  // may hold {pov}, {scenario}, {event}, {style}, {lang}
    std::vector<std::string> povs, scenarios, events, compare;
    std::vector<std::string> langs;  // BCP 47 tags of i18n/ catalogs; default ["en"]
    bool all_scenarios = false, all_events = false, timeline = false;
    std::string style;
    int width = 1600, height = 1200;
    double dpi = 96;
    std::vector<Format> formats;
};

struct Atlas {
    std::filesystem::path file;
    std::filesystem::path case_file;
    std::optional<std::string> detail;  // the case's land detail the maps are drawn from ('detail')
    std::vector<AtlasEntry> entries;
    std::vector<MapJob> jobs;  // filled by expand_atlas: file order, expansions in order
};

// Expands [[map]] entries over their povs / scenarios / events / langs lists. `loaded` supplies "all".
// Errors name the file, the line and the key.
Atlas read_atlas(const std::filesystem::path& path, const std::filesystem::path& default_case);
void expand_atlas(Atlas& atlas, const LoadedCase& loaded);

}  // namespace claimmap
