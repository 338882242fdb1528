#pragma once
// The median line alone, for maps that draw it over plain land (every overview map does, for the
// boundaries its point of view lists). ClaimModel gets the same line as a by-product of the
// parties' sea zones, which costs unions and buffers; here it comes straight from the Voronoi
// diagram of the same coast sites:
//  - one Delaunay triangulation of the sites (CGAL), computed once for every scenario;
//  - a Voronoi edge is the dual of a Delaunay edge (between the circumcentres of the triangles on
//    either side; a ray outwards on the hull). Where the edge's two sites belong to different
//    parties under a scenario, every point of it is equally near to both parties' coasts and
//    nearer than to any other coast point: it is part of the median line (UNCLOS art. 15);
//  - each such edge is cut where its distance to the nearest coast point (not site), measured on
//    the ellipsoid, passes the EEZ distance, as ClaimModel's corrected EEZ limit does, then to the
//    data region.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compute/claims.hpp"
#include "compute/coast_sites.hpp"
#include "geometry/coast_index.hpp"
#include "geometry/geos.hpp"
#include "geometry/projection.hpp"

namespace claimmap {

class MedianLines {
public:
    explicit MedianLines(const LoadedCase& loaded, ZoneSettings settings = {});

    // The median line between every pair of parties under `scenario` whose zones touch, in the
    // case's projection and party order; nullopt for a scenario that splits a territory (its coast
    // changes sides along the cut, which only ClaimModel computes).
    // Also nullopt when the sites do not span a plane (fewer than three, or all on one line): the
    // model then draws the line.
    std::optional<std::vector<PairMedianLine>> pairs(const Scenario& scenario);
    // Every pair's lines together.
    std::optional<MultiLineXY> between(const Scenario& scenario);

    const Projection& projection() const { return proj_; }

private:
    struct VoronoiEdge {
        unsigned site_a, site_b;
        int triangle_1, triangle_2;  // triangle_2 < 0: a hull edge, whose Voronoi edge is a ray
        unsigned opposite_1;         // triangle_1's third corner, for the direction of a ray
    };
    // Geodesic distance from a projected point to the nearest coast point, INFINITY where the point
    // cannot be unprojected.
    double coast_distance(XY p) const;
    double circumcentre_distance(int triangle);

    const LoadedCase& loaded_;
    ZoneSettings settings_;
    Projection proj_;
    Geos geos_;
    CoastSites sites_;
    std::unique_ptr<CoastIndex> coast_;
    std::vector<XY> circumcentres_;
    std::vector<double> circumcentre_m_;  // coast_distance of each circumcentre; NaN until needed
    std::vector<VoronoiEdge> edges_;
    GeomPtr region_;
    bool planar_ = false;  // the triangulation has triangles
};

}  // namespace claimmap
