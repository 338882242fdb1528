#pragma once
// Builds the display list of a map: sea, graticule, land by de facto holder, disputed territories,
// labels from the gazetteer, scale bar, legend, title and credits.
#include <optional>
#include <string>

#include "core/types.hpp"
#include "data/case_data.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace claimmap {

struct MapOptions {
    int width = 1600, height = 1200;
    std::optional<BBox> extent;     // lon/lat; default: the case's extent
    std::optional<std::string> crs;  // default: the case's CRS
    std::optional<std::string> title, subtitle;
    bool graticule = true, legend = true, scale_bar = true, labels = true;
};

// Largest image side accepted: keeps a typo from allocating gigabytes.
constexpr int max_image_side = 20000;

struct MapInputs {
    const CaseConfig& case_config;
    const LandData& land;
    const Gazetteer& gazetteer;
    const Style& style;
};

Scene build_map_scene(const MapInputs& in, const MapOptions& options);

// The layout geometry the scene was built with, for tests that look up where things went.
struct MapFrame {
    BBox frame;         // page pixels of the map area
    BBox projected;     // projected extent shown in the frame
    std::string crs;
};
MapFrame map_frame(const MapInputs& in, const MapOptions& options);

}  // namespace claimmap
