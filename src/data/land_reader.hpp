#pragma once
#include <filesystem>
#include <vector>

#include "core/types.hpp"

namespace claimmap {

// Reads polygons from any OGR vector source (shapefile, GeoJSON, GeoPackage, ...), transformed to
// WGS 84 lon/lat. Attributes: `country` (or A3/ISO_A3/ADM0_A3), `territory`, `name`; missing
// ones are empty. Multi-polygons are split into single polygons. Throws Error naming the file.
LandData read_land(const std::filesystem::path& path);

// Reads lines (LineString, MultiLineString) from any OGR vector source in lon/lat (WGS 84), for
// claimed boundaries and lines of control. Throws Error naming the file.
std::vector<Ring> read_lines(const std::filesystem::path& path);

}  // namespace claimmap
