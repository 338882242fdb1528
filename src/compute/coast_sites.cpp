#include "compute/coast_sites.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

namespace claimmap {

std::string land_unit(const LandFeature& feature) {
    return feature.territory.empty() ? feature.country : feature.territory;
}

PathXY densify(const PathXY& path, double max_segment) {
    if (max_segment <= 0 || path.size() < 2) return path;
    PathXY out;
    out.reserve(path.size());
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const XY a = path[i], b = path[i + 1];
        int steps = std::max(1, static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / max_segment)));
        for (int k = 0; k < steps; ++k) out.push_back({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps});
    }
    out.push_back(path.back());
    return out;
}

Ring unproject(const PathXY& path, const Projection& proj, double max_segment_m) {
    Ring out;
    PathXY dense = densify(path, max_segment_m);
    out.reserve(dense.size());
    for (const XY& p : dense) out.push_back(proj.inverse(p));
    return out;
}

CoastSites coast_sites(const LandData& land, const Projection& proj, double spacing_m) {
    CoastSites sites;
    struct Hash {
        size_t operator()(const XY& p) const { return std::hash<double>{}(p.x) * 31 + std::hash<double>{}(p.y); }
    };
    struct Same {
        bool operator()(const XY& a, const XY& b) const { return a.x == b.x && a.y == b.y; }
    };
    std::unordered_set<XY, Hash, Same> seen;  // membership only: the order of sites is the rings'
    seen.reserve(land.features.size() * 16);
    // A site closer than half the spacing to the last one adds nothing to the median line.
    const double min_gap = spacing_m / 2;
    auto add_ring = [&](const PathXY& ring, const std::string& unit) {
        PathXY dense = densify(ring, spacing_m);
        XY last{INFINITY, INFINITY};
        for (size_t i = 0; i + 1 < dense.size(); ++i) {
            if (std::hypot(dense[i].x - last.x, dense[i].y - last.y) < min_gap) continue;
            if (seen.insert(dense[i]).second) {
                sites.points.push_back(dense[i]);
                sites.units.push_back(unit);
                last = dense[i];
            }
        }
    };
    for (const LandFeature& f : land.features) {
        const std::string unit = land_unit(f);
        sites.rings.push_back(proj.forward(f.shape.outer));
        add_ring(sites.rings.back(), unit);
        for (const Ring& h : f.shape.holes) {
            sites.rings.push_back(proj.forward(h));
            add_ring(sites.rings.back(), unit);
        }
    }
    return sites;
}

}  // namespace claimmap
