#pragma once
// Plain value types handed from stage to stage. No C handles here.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace claimmap {

struct LonLat {
    double lon = 0, lat = 0;
};

struct XY {
    double x = 0, y = 0;
};

using Ring = std::vector<LonLat>;

// A polygon in geographic coordinates (WGS 84, degrees); rings are closed (first == last).
struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

// Geometry in a projected plane (metres), for computation and drawing.
using PathXY = std::vector<XY>;
struct PolygonXY {
    PathXY outer;
    std::vector<PathXY> holes;
};
using MultiPolygonXY = std::vector<PolygonXY>;
using MultiLineXY = std::vector<PathXY>;

struct BBox {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};

// The box of a ring in degrees; an empty ring gives an inverted box (min > max).
inline BBox bounds(const Ring& ring) {
    BBox b{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
    for (const LonLat& p : ring)
        b = {std::min(b.min_x, p.lon), std::min(b.min_y, p.lat), std::max(b.max_x, p.lon), std::max(b.max_y, p.lat)};
    return b;
}

// One land polygon with its de facto holder and, for disputed units, a stable territory id.
struct LandFeature {
    Polygon shape;
    std::string country;    // ISO 3166 alpha-3 of the de facto holder, as in the land data
    std::string territory;  // disputed unit id (a [[territory]] of the case), empty if not disputed
    std::string name;       // gazetteer key of a named island ("hokkaido", ...), may be empty
    long long fid = -1;     // the feature's id in its source, for error messages
};

struct LandData {
    std::string source;  // path it was read from (and the layer, when the source has several)
    std::string country_field;  // the attribute the country was read from; empty when there is none
    std::vector<LandFeature> features;
};

}  // namespace claimmap
