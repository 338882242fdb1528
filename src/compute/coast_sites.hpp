#pragma once
// The coast points the median line is built from, shared by ClaimModel and MedianLines so that
// both draw the same line.
#include <string>
#include <vector>

#include "core/types.hpp"
#include "data/land_reader.hpp"
#include "geometry/projection.hpp"

namespace claimmap {

struct CoastSites {
    std::vector<XY> points;          // projected
    std::vector<std::string> units;  // per point: its land unit, a disputed territory or a country
    std::vector<PathXY> rings;       // every ring of the land, projected, as the sites came from
};

// The land unit of a feature: its disputed territory, or its country's undisputed land.
std::string land_unit(const LandFeature& feature);

// Every ring vertex of the land, densified to `spacing_m` (projected metres), thinned where the
// coast is more detailed than that, each point once.
CoastSites coast_sites(const LandData& land, const Projection& proj, double spacing_m);

// Inserts points so that no segment is longer than `max_segment` (0: unchanged).
PathXY densify(const PathXY& path, double max_segment);

// A projected path back in lon/lat, densified first to `max_segment_m` (straight projected edges
// are not geodesics).
Ring unproject(const PathXY& path, const Projection& proj, double max_segment_m);

}  // namespace claimmap
