#include "geometry/geodesic.hpp"

#include <geodesic.h>

#include <cmath>

namespace claimmap {
namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic geod;
        geod_init(&geod, 6378137.0, 1.0 / 298.257223563);
        return geod;
    }();
    return g;
}

double ring_area(const Ring& ring) {
    if (ring.size() < 4) return 0.0;
    geod_polygon poly;
    geod_polygon_init(&poly, 0);
    // The closing point repeats the first; geod_polygon closes the ring itself.
    for (size_t i = 0; i + 1 < ring.size(); ++i) geod_polygon_addpoint(&wgs84(), &poly, ring[i].lat, ring[i].lon);
    double area = 0, perimeter = 0;
    geod_polygon_compute(&wgs84(), &poly, 0, 1, &area, &perimeter);
    return std::abs(area);
}

bool ring_contains(const Ring& ring, LonLat p) {
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}

}  // namespace

double geodesic_area_m2(const Polygon& poly) {
    double area = ring_area(poly.outer);
    for (const Ring& hole : poly.holes) area -= ring_area(hole);
    return area;
}

double geodesic_distance_m(LonLat a, LonLat b) {
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
    return s12;
}

double geodesic_azimuth_deg(LonLat a, LonLat b) {
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
    return azi1;
}

LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m) {
    double lat = 0, lon = 0, azi = 0;
    geod_direct(&wgs84(), from.lat, from.lon, azimuth_deg, distance_m, &lat, &lon, &azi);
    return {lon, lat};
}

bool contains(const Polygon& poly, LonLat p) {
    if (poly.outer.empty() || !ring_contains(poly.outer, p)) return false;
    for (const Ring& hole : poly.holes)
        if (ring_contains(hole, p)) return false;
    return true;
}

}  // namespace claimmap
