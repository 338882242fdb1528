#include "compute/median_line.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <CGAL/Delaunay_triangulation_2.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Triangulation_face_base_with_info_2.h>
#include <CGAL/Triangulation_vertex_base_with_info_2.h>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"

namespace claimmap {

namespace {

using Kernel = CGAL::Exact_predicates_inexact_constructions_kernel;
using VertexBase = CGAL::Triangulation_vertex_base_with_info_2<unsigned, Kernel>;  // site index
using FaceBase = CGAL::Triangulation_face_base_with_info_2<int, Kernel>;           // triangle index
using Delaunay = CGAL::Delaunay_triangulation_2<Kernel, CGAL::Triangulation_data_structure_2<VertexBase, FaceBase>>;

XY circumcentre(XY a, XY b, XY c) {
    // Relative to a, for precision with coordinates in the millions of metres.
    const double bx = b.x - a.x, by = b.y - a.y, cx = c.x - a.x, cy = c.y - a.y;
    const double d = 2 * (bx * cy - by * cx);
    const double b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
    return {a.x + (cy * b2 - by * c2) / d, a.y + (bx * c2 - cx * b2) / d};
}

}  // namespace

MedianLines::MedianLines(const LoadedCase& loaded, ZoneSettings settings)
    : loaded_(loaded), settings_(settings), proj_(Projection::cached(loaded.config.crs)) {
    if (!loaded.config.sea) return;  // a land dispute: no median lines (pairs() gives none)
    sites_ = coast_sites(loaded.land, proj_, settings_.site_spacing_m);
    coast_ = std::make_unique<CoastIndex>(sites_.rings, 250.0);
    if (sites_.points.size() < 3) return;

    // Delaunay triangulation (CGAL, exact predicates: about 5x faster than GEOS's here), then
    // every edge with the triangles on either side.
    std::vector<std::pair<Kernel::Point_2, unsigned>> points;
    points.reserve(sites_.points.size());
    for (unsigned i = 0; i < sites_.points.size(); ++i) points.push_back({{sites_.points[i].x, sites_.points[i].y}, i});
    Delaunay triangulation(points.begin(), points.end());
    if (triangulation.dimension() < 2) return;
    planar_ = true;
    // Triangles are numbered in the order CGAL keeps them, which follows the insertions alone.
    std::vector<Delaunay::Face_handle> faces;
    for (auto f = triangulation.finite_faces_begin(); f != triangulation.finite_faces_end(); ++f) {
        f->info() = int(faces.size());
        faces.push_back(f);
        circumcentres_.push_back(circumcentre(sites_.points[f->vertex(0)->info()], sites_.points[f->vertex(1)->info()],
                                              sites_.points[f->vertex(2)->info()]));
    }
    // Every edge once, from the lower-numbered of its triangles (the finite one on the hull). Not
    // CGAL's edge iterator: it reports an edge from the face at the lower memory address, so the
    // direction of each Voronoi edge, and with it the bisection's steps and the merged lines,
    // depended on where the heap had put the faces (what the process had done before).
    for (const Delaunay::Face_handle& face : faces)
        for (int i = 0; i < 3; ++i) {
            const Delaunay::Face_handle other = face->neighbor(i);
            const bool hull = triangulation.is_infinite(other);
            if (!hull && other->info() < face->info()) continue;
            const unsigned a = face->vertex(face->cw(i))->info(), b = face->vertex(face->ccw(i))->info();
            edges_.push_back({std::min(a, b), std::max(a, b), face->info(), hull ? -1 : other->info(), face->vertex(i)->info()});
        }
    circumcentre_m_.assign(circumcentres_.size(), NAN);

    // The data region, projected with curved edges (as ClaimModel cuts its zones).
    region_ = geos_.polygon({proj_.forward_outline(loaded.config.region, 100), {}});
}

double MedianLines::coast_distance(XY p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::hypot(p.x, p.y) > 4e7) return INFINITY;
    try {
        return geodesic_distance_m(proj_.inverse(p), proj_.inverse(coast_->nearest(p)));
    } catch (const Error&) {
        return INFINITY;
    }
}

double MedianLines::circumcentre_distance(int triangle) {
    double& d = circumcentre_m_[triangle];
    if (std::isnan(d)) d = coast_distance(circumcentres_[triangle]);
    return d;
}

std::optional<MultiLineXY> MedianLines::between(const Scenario& scenario) {
    std::optional<std::vector<PairMedianLine>> lines = pairs(scenario);
    if (!lines) return std::nullopt;
    MultiLineXY out;
    for (const PairMedianLine& p : *lines) out.insert(out.end(), p.lines.begin(), p.lines.end());
    return out;
}

std::optional<std::vector<PairMedianLine>> MedianLines::pairs(const Scenario& scenario) {
    if (!loaded_.config.sea) return std::vector<PairMedianLine>{};
    if (scenario.split || !planar_) return std::nullopt;
    const auto& parties = loaded_.config.parties;
    // Party index of each land unit under the scenario: a territory's holder, else the country
    // itself; -1 for land of no party.
    std::unordered_map<std::string, int> side_of_unit;
    auto side = [&](const std::string& unit) {
        auto it = side_of_unit.find(unit);
        if (it != side_of_unit.end()) return it->second;
        std::string holder = unit;
        for (const std::string& t : loaded_.config.territories)
            if (t == unit) holder = scenario.holder(t);
        int s = -1;
        for (size_t i = 0; i < parties.size(); ++i)
            if (parties[i].id == holder) s = int(i);
        return side_of_unit[unit] = s;
    };
    const double limit = settings_.eez_m;
    std::map<std::pair<int, int>, std::vector<GeomPtr>> pieces;
    for (const VoronoiEdge& e : edges_) {
        const int sa = side(sites_.units[e.site_a]), sb = side(sites_.units[e.site_b]);
        if (sa < 0 || sb < 0 || sa == sb) continue;
        const XY a = sites_.points[e.site_a], b = sites_.points[e.site_b];
        const XY p0 = circumcentres_[e.triangle_1];
        XY p1;
        if (e.triangle_2 >= 0) {
            p1 = circumcentres_[e.triangle_2];
        } else {
            // A ray away from the triangle, long enough to pass the limit whatever the scale.
            XY n{-(b.y - a.y), b.x - a.x};
            const XY c = sites_.points[e.opposite_1];
            if (n.x * (c.x - a.x) + n.y * (c.y - a.y) > 0) n = {-n.x, -n.y};
            const double len = std::hypot(n.x, n.y), reach = std::hypot(p0.x - a.x, p0.y - a.y) + 3 * limit;
            p1 = {p0.x + n.x / len * reach, p0.y + n.y / len * reach};
        }
        const XY d{p1.x - p0.x, p1.y - p0.y};
        const double d2 = d.x * d.x + d.y * d.y;
        if (!(d2 > 0)) continue;  // four sites on one circle: a zero-length edge
        auto at = [&](double s) { return s <= 0 ? p0 : s >= 1 ? p1 : XY{p0.x + d.x * s, p0.y + d.y * s}; };
        auto distance = [&](double s) {
            if (s <= 0) return circumcentre_distance(e.triangle_1);
            if (s >= 1 && e.triangle_2 >= 0) return circumcentre_distance(e.triangle_2);
            return coast_distance(at(s));
        };
        // Nearest the coast where the edge crosses the segment between its sites; the distance
        // grows away from there, so what lies within the limit is one interval around it.
        const double nearest = std::clamp(((a.x + b.x) / 2 - p0.x) * d.x / d2 + ((a.y + b.y) / 2 - p0.y) * d.y / d2, 0.0, 1.0);
        if (distance(nearest) > limit) continue;
        auto crossing = [&](double inside, double outside) {
            // Bisection to a metre: the limit lies between `inside` and `outside`.
            const double length = std::sqrt(d2);
            while (std::abs(outside - inside) * length > 1.0) {
                const double mid = (inside + outside) / 2;
                (distance(mid) <= limit ? inside : outside) = mid;
            }
            return inside;
        };
        const double lo = distance(0) <= limit ? 0 : crossing(nearest, 0);
        const double hi = distance(1) <= limit ? 1 : crossing(nearest, 1);
        if (hi > lo) pieces[std::minmax(sa, sb)].push_back(geos_.line({at(lo), at(hi)}));
    }
    std::vector<PairMedianLine> out;
    for (auto& [pair, lines] : pieces) {
        GeomPtr all = geos_.collect(std::move(lines), GEOS_MULTILINESTRING);
        GeomPtr inside = geos_.intersection(geos_.line_merge(all.get()).get(), region_.get());
        MultiLineXY merged = geos_.lines(geos_.line_merge(inside.get()).get());
        if (!merged.empty()) out.push_back({parties[pair.first].id, parties[pair.second].id, std::move(merged)});
    }
    return out;
}

}  // namespace claimmap
