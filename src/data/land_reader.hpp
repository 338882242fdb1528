#pragma once
#include <filesystem>

#include "core/types.hpp"

namespace claimmap {

// Reads polygons from any OGR vector source (shapefile, GeoJSON, GeoPackage, ...), transformed to
// WGS 84 lon/lat. Attributes: `country` (or A3/ISO_A3/ADM0_A3), `territory`, `name`; missing
// ones are empty. Multi-polygons are split into single polygons. Throws Error naming the file.
LandData read_land(const std::filesystem::path& path);

}  // namespace claimmap
