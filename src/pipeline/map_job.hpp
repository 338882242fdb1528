#pragma once
// load -> layout -> render -> output for one map, the library entry point the CLI calls.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "data/case_data.hpp"
#include "data/events.hpp"
#include "data/land_reader.hpp"
#include "data/scenarios.hpp"
#include "layout/map_layout.hpp"
#include "output/writers.hpp"
#include "render/style.hpp"

namespace claimmap {

// Everything a map is made from, loaded once and shared read-only.
struct LoadedCase {
    CaseConfig config;
    LandData land;
    Gazetteer gazetteer;
    ScenarioSet scenarios;
    LandData inset;  // land of the locator inset
    Venues venues;
    EventSet events;
    LandData world;  // world land for event maps
};

// Loads the case file and what it names; `land_override` replaces the case's land source.
LoadedCase load_case(const std::filesystem::path& case_file,
                     const std::optional<std::filesystem::path>& land_override = std::nullopt);

struct OutputTarget {
    std::filesystem::path path;
    Format format;
};

// What a map shows beyond the case itself.
struct MapRequest {
    std::optional<std::string> scenario;  // colour land and sea by this scenario
    std::optional<std::string> compare;   // with `scenario`: hatch what changes going to this one
    std::optional<std::string> event;     // an event map: the scenario on the table, a callout, the timeline
    bool timeline = false;                // the world map of every event
};

// The display list of a map (computing the scenario claims it needs).
Scene build_scene(const LoadedCase& loaded, const Style& style, const MapOptions& options, const MapRequest& request = {});

// Renders the scene once and writes every target atomically; returns the paths written.
std::vector<std::filesystem::path> render_map(const LoadedCase& loaded, const Style& style, const MapOptions& options,
                                              const std::vector<OutputTarget>& targets, const MapRequest& request = {});

}  // namespace claimmap
