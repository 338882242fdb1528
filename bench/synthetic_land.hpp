#pragma once
// Land for bench_zones at other vertex counts, made deterministically from a case's land (header
// only: every .cpp in bench/ is a benchmark of its own):
// - decimate_land: fewer vertices, each polygon simplified (GEOS, topology-preserving) in the case's
//   projection with the smallest tolerance, found by bisection, that leaves at most `target`;
// - add_archipelago: many more, as small islands on a jittered grid over the sea of the region.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "data/case_data.hpp"
#include "geometry/geos.hpp"
#include "geometry/projection.hpp"

namespace claimmap::bench {

inline size_t vertex_count(const LandData& land) {
    size_t n = 0;
    for (const LandFeature& f : land.features) {
        n += f.shape.outer.size();
        for (const Ring& h : f.shape.holes) n += h.size();
    }
    return n;
}

// Uniform in [0, 1) from a generator whose output the standard fixes (std::uniform_real_distribution
// is implementation-defined), so that every platform builds the same archipelago.
class Uniform {
public:
    explicit Uniform(uint64_t seed) : engine_(seed) {}
    double operator()() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double between(double a, double b) { return a + (b - a) * (*this)(); }

private:
    std::mt19937_64 engine_;
};

inline Ring to_lonlat(const Projection& proj, const PathXY& path) {
    Ring out;
    out.reserve(path.size());
    for (const XY& p : path) out.push_back(proj.inverse(p));
    return out;
}

// Returns the tolerance used, in metres of the projection.
inline double decimate_land(LandData& land, const Projection& proj, size_t target) {
    Geos geos;
    std::vector<GeomPtr> projected;
    for (const LandFeature& f : land.features) {
        PolygonXY p{proj.forward(f.shape.outer), {}};
        for (const Ring& h : f.shape.holes) p.holes.push_back(proj.forward(h));
        projected.push_back(geos.polygon(p));
    }
    auto simplified = [&](double tolerance) {
        std::vector<MultiPolygonXY> out;
        for (const GeomPtr& g : projected)
            out.push_back(geos.polygons(geos.take(GEOSTopologyPreserveSimplify_r(geos.handle(), g.get(), tolerance),
                                                  "topology-preserving simplify").get()));
        return out;
    };
    auto count = [](const std::vector<MultiPolygonXY>& polys) {
        size_t n = 0;
        for (const MultiPolygonXY& m : polys)
            for (const PolygonXY& p : m) {
                n += p.outer.size();
                for (const PathXY& h : p.holes) n += h.size();
            }
        return n;
    };
    if (vertex_count(land) <= target) return 0;
    double lo = 0, hi = 1;
    while (count(simplified(hi)) > target) {
        lo = hi;
        hi *= 2;
        if (hi > 1e6) throw Error("--vertices: cannot simplify the land to " + std::to_string(target) + " vertices");
    }
    for (int i = 0; i < 30; ++i) {
        const double mid = (lo + hi) / 2;
        (count(simplified(mid)) > target ? lo : hi) = mid;
    }
    std::vector<MultiPolygonXY> result = simplified(hi);
    std::vector<LandFeature> features;
    for (size_t i = 0; i < result.size(); ++i)
        for (const PolygonXY& p : result[i]) {
            LandFeature f = land.features[i];
            f.shape.outer = to_lonlat(proj, p.outer);
            f.shape.holes.clear();
            for (const PathXY& h : p.holes) f.shape.holes.push_back(to_lonlat(proj, h));
            features.push_back(std::move(f));
        }
    land.features = std::move(features);
    land.source += " simplified at " + std::to_string(static_cast<int>(std::lround(hi))) + " m";
    return hi;
}

// Islands on a grid of cells of `spacing` metres over the region: in each cell whose centre is in
// the region (0.2° inside its edges) one star-shaped island, jittered in place, radius and outline,
// kept when it is more than half a cell from the case's land. Each takes the country of the
// nearest party's land. The spacing shrinks until there are enough islands for `target` vertices,
// 8 to `max_vertices` each. Returns the number of islands added.
inline size_t add_archipelago(LandData& land, const CaseConfig& config, const Projection& proj, size_t target,
                              size_t max_vertices = 100) {
    const size_t have = vertex_count(land);
    if (target <= have) return 0;
    Geos geos;
    std::vector<GeomPtr> parts;
    std::map<std::string, std::vector<GeomPtr>> by_party;
    for (const LandFeature& f : land.features) {
        PolygonXY p{proj.forward(f.shape.outer), {}};
        parts.push_back(geos.polygon(p));
        if (config.party(f.country)) by_party[f.country].push_back(geos.polygon(p));
    }
    GeomPtr all = geos.union_all(std::move(parts));
    PreparedPtr land_prepared = geos.prepare(all.get());
    std::vector<std::pair<std::string, GeomPtr>> party_land;
    for (auto& [party, polys] : by_party) party_land.emplace_back(party, geos.union_all(std::move(polys)));
    std::vector<PreparedPtr> party_prepared;
    for (const auto& pl : party_land) party_prepared.push_back(geos.prepare(pl.second.get()));
    if (party_land.empty()) throw Error("--archipelago: the land has no party's country to tag the islands with");

    const BBox inner{config.region.min_x + 0.2, config.region.min_y + 0.2, config.region.max_x - 0.2, config.region.max_y - 0.2};
    const BBox xy = proj.forward_box(config.region);
    struct Cell {
        XY centre;
        double radius;
    };
    for (double spacing = 40000;; spacing *= 0.9) {
        if (spacing < 1000) throw Error("--archipelago: no room for enough islands in the region");
        Uniform random(20261130);
        std::vector<Cell> cells;
        for (double y = xy.min_y + spacing / 2; y < xy.max_y; y += spacing)
            for (double x = xy.min_x + spacing / 2; x < xy.max_x; x += spacing) {
                const XY c{x + random.between(-0.2, 0.2) * spacing, y + random.between(-0.2, 0.2) * spacing};
                const double radius = random.between(0.06, 0.15) * spacing;
                const LonLat ll = proj.inverse(c);
                if (ll.lon < inner.min_x || ll.lon > inner.max_x || ll.lat < inner.min_y || ll.lat > inner.max_y) continue;
                GeomPtr around = geos.buffer(geos.point(c).get(), radius + spacing / 2, 4);
                if (GEOSPreparedIntersects_r(geos.handle(), land_prepared.get(), around.get())) continue;
                cells.push_back({c, radius});
            }
        const size_t per_island = (target - have + cells.size() - 1) / std::max<size_t>(cells.size(), 1);
        if (cells.empty() || per_island > std::max<size_t>(max_vertices, 8)) continue;
        const size_t vertices = std::max<size_t>(per_island, 8);
        for (const Cell& cell : cells) {
            PathXY outline;
            for (size_t k = 0; k < vertices; ++k) {
                const double angle = 2 * M_PI * static_cast<double>(k) / static_cast<double>(vertices);
                const double r = cell.radius * random.between(0.7, 1.3);
                outline.push_back({cell.centre.x + r * std::cos(angle), cell.centre.y + r * std::sin(angle)});
            }
            outline.push_back(outline.front());
            GeomPtr centre = geos.point(cell.centre);
            size_t nearest = 0;
            double best = INFINITY;
            for (size_t i = 0; i < party_land.size(); ++i) {
                double d = INFINITY;
                GEOSPreparedDistance_r(geos.handle(), party_prepared[i].get(), centre.get(), &d);
                if (d < best) best = d, nearest = i;
            }
            LandFeature f;
            f.shape.outer = to_lonlat(proj, outline);
            f.country = party_land[nearest].first;
            land.features.push_back(std::move(f));
        }
        land.source += " + " + std::to_string(cells.size()) + " synthetic islands of " + std::to_string(vertices) + " vertices";
        return cells.size();
    }
}

}  // namespace claimmap::bench
