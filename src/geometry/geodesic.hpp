#pragma once
// Measurements on the WGS 84 ellipsoid with PROJ's geodesic routines (Karney's algorithms).
#include "core/types.hpp"

namespace claimmap {

// Area of a polygon in square metres: outer ring minus holes, independent of ring orientation.
double geodesic_area_m2(const Polygon& poly);
// Distance between two points along the geodesic, in metres.
double geodesic_distance_m(LonLat a, LonLat b);
// Azimuth (degrees clockwise from north) of the geodesic from a to b, at a.
double geodesic_azimuth_deg(LonLat a, LonLat b);
// Point reached from `from` after `distance_m` metres at `azimuth_deg` (clockwise from north).
LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m);

// Even-odd point-in-polygon test in lon/lat (for small polygons away from the antimeridian).
bool contains(const Polygon& poly, LonLat p);

}  // namespace claimmap
