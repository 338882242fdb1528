#pragma once
// Claim regions per scenario and party: land, 12 nm territorial sea and 200 nm EEZ, each limited
// by the median line between the parties' coasts, with areas on the ellipsoid.
//
// Method (docs/method.md has the details and the error budget):
//  - Work in the case's conformal projection. Coast sites: every coastline vertex, densified to
//    `site_spacing_m`. One Voronoi diagram, computed once, of the sites with a Delaunay neighbour of
//    another land unit (the others do not change any unit's region); the cells of each land unit
//    (a disputed territory, or the undisputed land of a country) are unioned once. A party's sea
//    region under a scenario is the union of its units' cells: every point of it is nearer to that
//    party's coast than to the other's, so its boundary with the other party's region is the
//    median line (UNCLOS art. 15).
//  - One buffer of all land per distance, computed once, its vertices then moved to lie exactly
//    the distance from their nearest coast point measured on the ellipsoid. A party's zone is the
//    buffer within its region: inside its region the nearest coast is its own.
//  - Areas: rings densified, unprojected, measured with PROJ's geodesic polygon area; a unit's
//    territorial sea is its 12 nm area less its land, so no land overlay is needed for numbers.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"
#include "data/scenarios.hpp"
#include "geometry/coast_index.hpp"
#include "geometry/geos.hpp"
#include "geometry/projection.hpp"
#include "pipeline/map_job.hpp"

namespace claimmap {

constexpr double nautical_mile_m = 1852.0;

struct ZoneSettings {
    double territorial_sea_m = 12 * nautical_mile_m;
    double eez_m = 200 * nautical_mile_m;
    double site_spacing_m = 1000;  // coast densification for the median line
};

struct PartyClaim {
    std::string party;
    MultiPolygonXY land, territorial_sea, eez;  // model CRS (projected metres)
    double land_km2 = 0, territorial_sea_km2 = 0, eez_km2 = 0;
};

// The median line between two parties' coasts (UNCLOS art. 15), within the EEZ limit.
struct PairMedianLine {
    std::string party_a, party_b;  // in the case's party order
    MultiLineXY lines;
};

struct ScenarioClaims {
    std::string scenario;
    std::vector<PartyClaim> parties;  // in the case's party order
    MultiLineXY median_line;          // every pair's median line together
    std::vector<PairMedianLine> median_lines;  // each pair whose zones touch, in party order
    MultiLineXY split_cut;            // land boundary across a split territory, if any
    std::string split_territory;
    std::map<std::string, MultiPolygonXY> split_pieces;  // party -> its piece of the split territory
    const PartyClaim* party(const std::string& id) const;
};

// What passes to each party going from one scenario to another.
struct PartyGain {
    std::string party;
    MultiPolygonXY land, sea;  // gained land; gained territorial sea and EEZ
    double land_km2 = 0, territorial_sea_km2 = 0, eez_km2 = 0;  // net change (to minus from)
};

class ClaimModel {
public:
    explicit ClaimModel(const LoadedCase& loaded, ZoneSettings settings = {});
    ~ClaimModel();
    ClaimModel(const ClaimModel&) = delete;
    ClaimModel& operator=(const ClaimModel&) = delete;

    // Areas always; the geometry of land, zones and lines only when `geometry` (it costs unions).
    ScenarioClaims evaluate(const Scenario& scenario, bool geometry = true);

    // Land and sea each party gains going from `from` to `to` (both evaluated with geometry).
    std::vector<PartyGain> changes(const ScenarioClaims& from, const ScenarioClaims& to);

    const Projection& projection() const { return proj_; }
    const ZoneSettings& settings() const { return settings_; }
    // Geodesic area of projected polygons, in km².
    double area_km2(const MultiPolygonXY& polys) const;
    Ring to_lonlat(const PathXY& path, double max_segment_m = 0) const;
    // Outer limits of the whole-land buffers (both parties), for checks and drawing.
    MultiPolygonXY territorial_sea_limit();
    MultiPolygonXY eez_limit();
    // All coast sites (projected), for checks.
    const std::vector<XY>& coast_sites() const { return sites_; }
    const std::vector<std::string>& site_units() const { return site_unit_; }
    // Geodesic land area of each disputed territory, km².
    const std::map<std::string, double>& territory_km2() const { return territory_km2_; }

private:
    struct Split;
    // What one land unit contributes, computed once and reused by every scenario: its land, the
    // sea nearer to it than to any other unit (Voronoi cells), and that sea's zones and areas.
    struct UnitZones {
        GeomPtr land, cells, within12, within200;  // within12/200: the zone limits within the cells
        GeomPtr territorial_sea, eez;              // null until unit_geometry

        double land_km2 = 0, territorial_sea_km2 = 0, eez_km2 = 0;
    };
    // `geos` and `proj` are parameters so that a worker thread can pass its own.
    GeomPtr corrected_buffer(Geos& geos, const Projection& proj, const GEOSGeometry* land, double distance,
                             double simplify_tolerance) const;
    UnitZones& unit(const std::string& key);                 // cells and areas
    const UnitZones& unit_geometry(const std::string& key);  // and the zones' geometry

    // The union of pieces that tile without overlap, merging only polygons that can touch.
    MultiPolygonXY merge_touching(std::vector<GeomPtr> pieces);
    // The polygons of `sea` less all land.
    GeomPtr without_land(const GEOSGeometry* sea);
    const GEOSGeometry* shared_boundary(const std::string& a, const std::string& b);
    const Split& split_for(const TerritorySplit& split, const Scenario& scenario);
    std::vector<std::string> units_of(const std::string& party, const Scenario& scenario, const Split* split) const;

    const LoadedCase& loaded_;
    ZoneSettings settings_;
    Projection proj_;
    Geos geos_;
    Geos worker_geos_;  // the second thread's context; declared before any geometry it may own
    std::map<std::string, GeomPtr> unit_land_;  // unit -> land polygons (projected)
    std::map<std::string, double> unit_land_km2_;
    std::map<std::string, double> unit_land_in_region_km2_;  // as the zones are measured
    GeomPtr land_all_, region_, buffer12_, buffer200_;
    MultiPolygonXY land_polys_;       // land_all_'s polygons
    std::vector<BBox> land_bounds_;   // their boxes
    std::vector<bool> land_alone_;    // whether no other land polygon's box meets this one's
    std::unique_ptr<CoastIndex> coast_;
    std::vector<XY> sites_;
    std::vector<std::string> site_unit_;
    std::vector<GeomPtr> cells_;  // Voronoi cell of sites_[i]
    std::map<std::string, UnitZones> units_;
    std::map<std::pair<std::string, std::string>, GeomPtr> shared_boundaries_;
    std::map<std::string, double> territory_km2_;
    std::map<std::string, std::unique_ptr<Split>> splits_;
};

}  // namespace claimmap
