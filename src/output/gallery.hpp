#pragma once
// A static HTML gallery of an atlas run: the maps, the event timeline and the scenario table.
#include <string>
#include <vector>

#include "output/tables.hpp"
#include "pipeline/map_job.hpp"

namespace claimmap {

struct GalleryMap {
    std::string name, png;
    std::vector<std::string> alternates;  // the same map in other formats
    int width = 0, height = 0;
};

std::string gallery_html(const LoadedCase& loaded, const std::vector<GalleryMap>& maps, const Comparison& comparison);

}  // namespace claimmap
