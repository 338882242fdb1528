#include "compute/claims.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <thread>
#include <unordered_map>

#include <CGAL/Delaunay_triangulation_2.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Triangulation_vertex_base_with_info_2.h>

#include "compute/coast_sites.hpp"
#include "core/error.hpp"
#include "geometry/coast_index.hpp"
#include "geometry/geodesic.hpp"

namespace claimmap {

struct ClaimModel::Split {
    std::string territory, party, rest;
    XY axis;       // unit vector, pointing to the `party` end
    double t = 0;  // cut position along the axis: p·axis >= t goes to `party`
    GeomPtr land_party, land_rest;
    double party_km2 = 0, rest_km2 = 0;
    MultiLineXY cut;
    std::string key_party() const { return territory + ">" + party; }
    std::string key_rest() const { return territory + ">" + rest; }
};

namespace {

double dot(XY a, XY b) { return a.x * b.x + a.y * b.y; }

// Even-odd test against one ring.
bool in_ring(const PathXY& ring, XY p) {
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const XY& a = ring[i];
        const XY& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

// The sites whose Voronoi cells can meet a cell of another label: those with a Delaunay neighbour
// of another label. Dropping any of the others leaves the region nearer to each label unchanged:
// the cell of a dropped site goes to its Delaunay neighbours, all of its own label, and dropping
// it only joins its neighbours to each other, so a site whose neighbours all share its label keeps
// that while the others go too. So the diagram of the kept sites gives each label exactly the
// region the diagram of all sites gives it, at a fraction of the cost on a detailed coast.
std::vector<bool> sites_on_label_borders(const std::vector<XY>& sites, const std::vector<size_t>& label) {
    using Kernel = CGAL::Exact_predicates_inexact_constructions_kernel;
    using VertexBase = CGAL::Triangulation_vertex_base_with_info_2<size_t, Kernel>;
    using Delaunay = CGAL::Delaunay_triangulation_2<Kernel, CGAL::Triangulation_data_structure_2<VertexBase>>;
    std::vector<std::pair<Kernel::Point_2, size_t>> points;
    points.reserve(sites.size());
    for (size_t i = 0; i < sites.size(); ++i) points.push_back({{sites[i].x, sites[i].y}, i});
    Delaunay triangulation(points.begin(), points.end());
    // Fewer than three sites, or all on one line: nothing to gain, keep them all.
    if (triangulation.dimension() < 2) return std::vector<bool>(sites.size(), true);
    std::vector<bool> keep(sites.size(), false);
    for (auto e = triangulation.finite_edges_begin(); e != triangulation.finite_edges_end(); ++e) {
        const size_t a = e->first->vertex(e->first->cw(e->second))->info();
        const size_t b = e->first->vertex(e->first->ccw(e->second))->info();
        if (label[a] != label[b]) keep[a] = keep[b] = true;
    }
    // Duplicate points are merged into one vertex by the triangulation: keep those too.
    std::vector<bool> in_triangulation(sites.size(), false);
    for (auto v = triangulation.finite_vertices_begin(); v != triangulation.finite_vertices_end(); ++v)
        in_triangulation[v->info()] = true;
    for (size_t i = 0; i < sites.size(); ++i)
        if (!in_triangulation[i]) keep[i] = true;
    return keep;
}


BBox bounds(const PathXY& ring) {
    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const XY& p : ring) {
        b.min_x = std::min(b.min_x, p.x), b.max_x = std::max(b.max_x, p.x);
        b.min_y = std::min(b.min_y, p.y), b.max_y = std::max(b.max_y, p.y);
    }
    return b;
}

bool meet(const BBox& a, const BBox& b) {
    return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

// Every pair (i of `a`, j of `b`) whose boxes meet, in a stable order: a sweep along x, so that
// thousands of islets cost n log n plus the pairs, not n².
std::vector<std::pair<size_t, size_t>> meeting_pairs(const std::vector<BBox>& a, const std::vector<BBox>& b) {
    struct Box {
        double min_x;
        bool from_a;
        size_t index;
    };
    std::vector<Box> boxes;
    boxes.reserve(a.size() + b.size());
    for (size_t i = 0; i < a.size(); ++i) boxes.push_back({a[i].min_x, true, i});
    for (size_t j = 0; j < b.size(); ++j) boxes.push_back({b[j].min_x, false, j});
    std::sort(boxes.begin(), boxes.end(), [](const Box& x, const Box& y) {
        return std::tie(x.min_x, x.from_a, x.index) < std::tie(y.min_x, y.from_a, y.index);
    });
    std::vector<std::pair<size_t, size_t>> pairs;
    std::vector<size_t> open_a, open_b;  // boxes begun, not yet ended, along x
    for (const Box& box : boxes) {
        const BBox& self = box.from_a ? a[box.index] : b[box.index];
        auto sweep = [&](std::vector<size_t>& open, const std::vector<BBox>& other, bool other_is_a) {
            size_t kept = 0;
            for (size_t k : open) {
                if (other[k].max_x < self.min_x) continue;  // ended before this one begins
                open[kept++] = k;
                if (meet(self, other[k])) pairs.push_back(other_is_a ? std::pair{k, box.index} : std::pair{box.index, k});
            }
            open.resize(kept);
        };
        if (box.from_a) {
            sweep(open_b, b, false);
            open_a.push_back(box.index);
        } else {
            sweep(open_a, a, true);
            open_b.push_back(box.index);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

double signed_area(const PathXY& ring) {
    double twice = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return twice / 2;
}

// Adds each hole to the polygon of `polys` whose area holds it. Every hole must lie inside one
// polygon's area, clear of all other boundaries but for single points: an inner point of the hole
// then lies in exactly one polygon. Holes are turned against their polygon's outer ring, as GEOS
// writes them.
void add_holes(Geos& geos, MultiPolygonXY& polys, const std::vector<PathXY>& holes) {
    if (holes.empty()) return;
    std::vector<BBox> poly_bounds, hole_bounds;
    for (const PolygonXY& p : polys) poly_bounds.push_back(bounds(p.outer));
    for (const PathXY& h : holes) hole_bounds.push_back(bounds(h));
    std::vector<GeomPtr> geoms(polys.size());
    std::vector<PreparedPtr> prepared(polys.size());
    std::vector<bool> placed(holes.size(), false);
    std::vector<std::vector<size_t>> added(polys.size());
    for (const auto& [h, k] : meeting_pairs(hole_bounds, poly_bounds)) {
        if (placed[h]) continue;
        const BBox &hb = hole_bounds[h], &pb = poly_bounds[k];
        if (hb.min_x < pb.min_x || hb.max_x > pb.max_x || hb.min_y < pb.min_y || hb.max_y > pb.max_y) continue;
        if (!prepared[k]) {
            geoms[k] = geos.polygon(polys[k]);
            prepared[k] = geos.prepare(geoms[k].get());
        }
        GeomPtr area = geos.polygon({holes[h], {}});
        GeomPtr inner = geos.take(GEOSPointOnSurface_r(geos.handle(), area.get()), "point on surface");
        const char inside = GEOSPreparedContains_r(geos.handle(), prepared[k].get(), inner.get());
        if (inside == 2) throw Error("GEOS contains: failed");
        if (inside) placed[h] = true, added[k].push_back(h);
    }
    for (size_t h = 0; h < holes.size(); ++h)
        if (!placed[h]) throw Error("zone geometry: a hole lies in no polygon");
    for (size_t k = 0; k < polys.size(); ++k)
        for (size_t h : added[k]) {
            PathXY ring = holes[h];
            if ((signed_area(ring) > 0) == (signed_area(polys[k].outer) > 0)) std::reverse(ring.begin(), ring.end());
            polys[k].holes.push_back(std::move(ring));
        }
}

}  // namespace

const PartyClaim* ScenarioClaims::party(const std::string& id) const {
    for (const PartyClaim& p : parties)
        if (p.party == id) return &p;
    return nullptr;
}

ClaimModel::~ClaimModel() = default;

ClaimModel::ClaimModel(const LoadedCase& loaded, ZoneSettings settings)
    : loaded_(loaded), settings_(settings), proj_(Projection::cached(loaded.config.crs)) {
    // Land per unit: a disputed territory, or a country's undisputed land.
    std::map<std::string, std::vector<GeomPtr>> parts;
    std::vector<std::pair<std::string, GeomPtr>> land_at_region_edge;  // measured once the region is projected
    const BBox& region = loaded.config.region;
    const double margin = 0.01;  // degrees: well clear of the projected region's chords
    for (const LandFeature& f : loaded.land.features) {
        const std::string unit = land_unit(f);
        const double km2 = geodesic_area_m2(f.shape) / 1e6;
        unit_land_km2_[unit] += km2;
        if (!f.territory.empty()) territory_km2_[f.territory] += km2;
        PolygonXY poly{proj_.forward(f.shape.outer), {}};
        for (const Ring& h : f.shape.holes) poly.holes.push_back(proj_.forward(h));
        GeomPtr g = geos_.polygon(poly);
        if (!geos_.is_valid(g.get())) g = geos_.make_valid(g.get());
        const bool inside = std::all_of(f.shape.outer.begin(), f.shape.outer.end(), [&](const LonLat& p) {
            return p.lon > region.min_x + margin && p.lon < region.max_x - margin && p.lat > region.min_y + margin &&
                   p.lat < region.max_y - margin;
        });
        if (inside) {
            unit_land_in_region_km2_[unit] += km2;
        } else {
            land_at_region_edge.emplace_back(unit, geos_.clone(g.get()));
        }
        parts[unit].push_back(std::move(g));
    }
    CoastSites coast = claimmap::coast_sites(loaded.land, proj_, settings_.site_spacing_m);
    sites_ = std::move(coast.points);
    site_unit_ = std::move(coast.units);
    // Land polygons are disjoint, so collecting them is enough; a union (slow at full coastline
    // detail) is only needed when the source has overlaps.
    std::vector<GeomPtr> all;
    for (auto& [unit, geoms] : parts) {
        std::vector<GeomPtr> polys;
        for (const GeomPtr& g : geoms)
            for (const PolygonXY& p : geos_.polygons(g.get())) {
                all.push_back(geos_.polygon(p));
                polys.push_back(geos_.polygon(p));
            }
        unit_land_[unit] = geos_.collect(std::move(polys), GEOS_MULTIPOLYGON);
    }
    // Each polygon is valid; together they are unless two overlap, which only polygons whose boxes
    // meet can do: only those are checked (not thousands of islets).
    auto index_land = [&] {
        land_polys_ = geos_.polygons(land_all_.get());
        land_bounds_.clear();
        for (const PolygonXY& p : land_polys_) land_bounds_.push_back(bounds(p.outer));
        land_alone_.assign(land_polys_.size(), true);
        for (const auto& [i, j] : meeting_pairs(land_bounds_, land_bounds_))
            if (i != j) land_alone_[i] = land_alone_[j] = false;
    };
    land_all_ = geos_.collect(std::move(all), GEOS_MULTIPOLYGON);
    index_land();
    std::vector<GeomPtr> crowded;
    for (size_t i = 0; i < land_polys_.size(); ++i)
        if (!land_alone_[i]) crowded.push_back(geos_.polygon(land_polys_[i]));
    if (!geos_.is_valid(geos_.collect(std::move(crowded), GEOS_MULTIPOLYGON).get())) {
        land_all_ = geos_.unary_union(land_all_.get());
        for (auto& [unit, land] : unit_land_) land = geos_.unary_union(land.get());
        index_land();
    }
    // A land dispute (sea = false): land alone, no zones, no median lines.
    if (!loaded.config.sea) return;

    // The data region, projected with curved edges.
    const PathXY region_ring = proj_.forward_outline(loaded.config.region, 100);
    region_ = geos_.polygon({region_ring, {}});
    // Each unit's land within the region, measured as the zones are (projected, densified): the
    // zone limits are cut to the region, and the land is measured out of them.
    for (auto& [unit, land] : land_at_region_edge)
        unit_land_in_region_km2_[unit] += area_km2(geos_.polygons(geos_.intersection(land.get(), region_.get()).get()));
    std::vector<PathXY> rings;
    const MultiPolygonXY& land_plain = land_polys_;
    for (const PolygonXY& p : land_plain) {
        rings.push_back(p.outer);
        for (const PathXY& h : p.holes) rings.push_back(h);
    }
    coast_ = std::make_unique<CoastIndex>(rings, 250.0);
    // Whole-land buffers, corrected to geodesic distances and cut to the data region. The coast
    // is simplified before buffering (the slow step) by a tenth of the distance; the correction
    // then measures every vertex from the full-detail coast (docs/method.md). The territorial-sea
    // limit is computed on a second core, with its own GEOS context and PROJ object, while this
    // thread does the Voronoi diagram and the EEZ limit.
    auto limit = [&](Geos& geos, const Projection& proj, const GEOSGeometry* land, const GEOSGeometry* region,
                     double distance) {
        return geos.intersection(corrected_buffer(geos, proj, land, distance, distance / 10).get(), region);
    };
    GeomPtr worker_limit;
    std::exception_ptr worker_error;
    {
        Projection worker_proj = proj_;  // copied here: a PROJ object serves one thread
        std::jthread worker([&, proj = std::move(worker_proj)] {
            try {
                GeomPtr land = worker_geos_.multipolygon(land_plain);
                GeomPtr region = worker_geos_.polygon({region_ring, {}});
                worker_limit = limit(worker_geos_, proj, land.get(), region.get(), settings_.territorial_sea_m);
            } catch (...) {
                worker_error = std::current_exception();
            }
        });

        // One Voronoi diagram of the coast sites that border another unit's (each site of a disputed
        // territory counts as its own, so that a split of it finds its cells); each cell is
        // matched back to its site through a grid.
        std::vector<size_t> label(sites_.size());
        {
            std::map<std::string, size_t> unit_label;
            const auto& territories = loaded.config.territories;
            for (size_t i = 0; i < sites_.size(); ++i) {
                const bool disputed = std::find(territories.begin(), territories.end(), site_unit_[i]) != territories.end();
                label[i] = disputed ? i : sites_.size() + unit_label.emplace(site_unit_[i], unit_label.size()).first->second;
            }
        }
        const std::vector<bool> keep = sites_on_label_borders(sites_, label);
        std::vector<XY> kept;
        std::vector<size_t> kept_index;
        for (size_t i = 0; i < sites_.size(); ++i)
            if (keep[i]) kept.push_back(sites_[i]), kept_index.push_back(i);
        const double inf = INFINITY;
        BBox env = bounds(region_ring);
        const double pad = settings_.eez_m * 2;
        env = {env.min_x - pad, env.min_y - pad, env.max_x + pad, env.max_y + pad};
        GeomPtr diagram = geos_.voronoi(geos_.multipoint(kept).get(), geos_.box(env).get());
        const double cell = 20000;
        std::unordered_map<long long, std::vector<size_t>> grid;
        auto key = [&](long long ix, long long iy) { return ix * 1000003LL + iy; };
        for (size_t i : kept_index)
            grid[key(std::llround(std::floor(sites_[i].x / cell)), std::llround(std::floor(sites_[i].y / cell)))].push_back(i);
        cells_.resize(sites_.size());
        int n = GEOSGetNumGeometries_r(geos_.handle(), diagram.get());
        for (int c = 0; c < n; ++c) {
            const GEOSGeometry* poly = GEOSGetGeometryN_r(geos_.handle(), diagram.get(), c);
            PathXY ring = geos_.coordinates(GEOSGetExteriorRing_r(geos_.handle(), poly));
            double x0 = inf, y0 = inf, x1 = -inf, y1 = -inf;
            for (const XY& p : ring) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
            // Sites lie inside the region; clamp the search box to the sites' extent.
            bool found = false;
            for (long long ix = std::llround(std::floor(std::max(x0, env.min_x + pad) / cell));
                 !found && ix <= std::llround(std::floor(std::min(x1, env.max_x - pad) / cell)); ++ix)
                for (long long iy = std::llround(std::floor(std::max(y0, env.min_y + pad) / cell));
                     !found && iy <= std::llround(std::floor(std::min(y1, env.max_y - pad) / cell)); ++iy) {
                    auto it = grid.find(key(ix, iy));
                    if (it == grid.end()) continue;
                    for (size_t s : it->second)
                        if (!cells_[s] && in_ring(ring, sites_[s])) {
                            cells_[s] = geos_.clone(poly);
                            found = true;
                            break;
                        }
                }
        }
        for (size_t s : kept_index)
            if (!cells_[s]) throw Error("median line: no Voronoi cell found for a coast site");
        buffer200_ = limit(geos_, proj_, land_all_.get(), region_.get(), settings_.eez_m);
    }  // joins the worker
    if (worker_error) std::rethrow_exception(worker_error);
    buffer12_ = geos_.clone(worker_limit.get());
    worker_limit.reset();
}

GeomPtr ClaimModel::corrected_buffer(Geos& geos, const Projection& proj, const GEOSGeometry* land, double distance,
                                     double simplify_tolerance) const {
    // Simplified polygon by polygon: an islet that would collapse is kept as it is, since its
    // circle can still reach beyond every other coast's.
    std::vector<GeomPtr> simple_parts;
    for (const PolygonXY& p : geos.polygons(land)) {
        GeomPtr original = geos.polygon(p);
        GeomPtr simple = geos.simplify(original.get(), simplify_tolerance);
        if (geos.is_empty(simple.get())) {
            GeomPtr ring = geos.line(p.outer);
            simple = geos.simplify(ring.get(), simplify_tolerance);
        }
        simple_parts.push_back(std::move(simple));
    }
    // Buffered part by part and then unioned: one buffer of all parts nodes every offset curve
    // against every other, which is slow where hundreds of islets' circles overlap.
    std::vector<GeomPtr> buffers;
    for (const GeomPtr& part : simple_parts) buffers.push_back(geos.buffer(part.get(), distance, 8));
    GeomPtr raw = geos.union_all(std::move(buffers));
    MultiPolygonXY polys = geos.polygons(raw.get());
    // Each vertex goes to exactly `distance` (on the ellipsoid) from its nearest coast point, along
    // the geodesic from that point. Where two coasts' limits meet, the move can bring a vertex nearer
    // to the other coast, so it repeats until the nearest point stays put. Densified first so that
    // no chord between corrected vertices falls far inside the limit.
    auto correct = [&](PathXY& ring) {
        ring = densify(ring, distance / 20);
        for (XY& v : ring) {
            XY c = coast_->nearest(v);
            for (int iteration = 0; iteration < 8; ++iteration) {
                LonLat cg = proj.inverse(c);
                XY moved = proj.forward(geodesic_destination(cg, geodesic_azimuth_deg(cg, proj.inverse(v)), distance));
                bool settled = std::hypot(moved.x - v.x, moved.y - v.y) < 1.0;
                v = moved;
                if (settled) break;
                // Still nearest to the same coast point: moving again would not move it.
                const XY next = coast_->nearest(v);
                if (std::hypot(next.x - c.x, next.y - c.y) < 1e-6) break;
                c = next;
            }
        }
    };
    for (PolygonXY& p : polys) {
        correct(p.outer);
        for (PathXY& h : p.holes) correct(h);
    }
    GeomPtr fixed = geos.multipolygon(polys);
    // Where two coasts' limits meet, corrected vertices can cross: the structure method (rings
    // noded and their enclosed areas kept) mends that about five times faster than the linework one.
    if (!geos.is_valid(fixed.get())) fixed = geos.make_valid_polygons(fixed.get());
    return geos.unary_union(fixed.get());
}

ClaimModel::UnitZones& ClaimModel::unit(const std::string& key) {
    if (auto it = units_.find(key); it != units_.end()) return it->second;
    // A key is a unit id, or "<territory>><party>" for one side of a split territory.
    std::string base = key;
    const Split* split = nullptr;
    if (auto pos = key.find('>'); pos != std::string::npos) {
        base = key.substr(0, pos);
        split = splits_.at(base).get();
    }
    if (!loaded_.config.sea) {
        UnitZones z;
        auto empty = [&] { return geos_.take(GEOSGeom_createEmptyPolygon_r(geos_.handle()), "empty polygon"); };
        z.cells = empty(), z.territorial_sea = empty(), z.eez = empty();
        z.land = split ? geos_.clone((key == split->key_party() ? split->land_party : split->land_rest).get())
                       : geos_.clone(unit_land_.at(base).get());
        z.land_km2 = split ? (key == split->key_party() ? split->party_km2 : split->rest_km2) : unit_land_km2_.at(base);
        return units_[key] = std::move(z);
    }
    std::vector<GeomPtr> parts;
    for (size_t s = 0; s < sites_.size(); ++s) {
        if (!cells_[s] || site_unit_[s] != base) continue;
        if (split && (key == split->key_party()) != (dot(sites_[s], split->axis) >= split->t)) continue;
        parts.push_back(geos_.clone(cells_[s].get()));
    }
    UnitZones z;
    z.cells = parts.empty() ? geos_.take(GEOSGeom_createEmptyPolygon_r(geos_.handle()), "empty polygon")
                            : geos_.coverage_union(std::move(parts));
    if (split) {
        bool party_side = key == split->key_party();
        z.land = geos_.clone(party_side ? split->land_party.get() : split->land_rest.get());
        z.land_km2 = party_side ? split->party_km2 : split->rest_km2;
    } else {
        z.land = geos_.clone(unit_land_.at(base).get());
        z.land_km2 = unit_land_km2_.at(base);
    }
    // Areas without cutting out the land (the slow overlay at full detail): within its cells, the
    // territorial sea is the 12 nm limit less the unit's land, and the EEZ the 200 nm limit less
    // the 12 nm one. A whole unit's land lies in its own cells (a land point's nearest coast is its
    // own island's); a split territory's pieces do not follow its cut, so the land there is measured.
    z.within12 = geos_.intersection(buffer12_.get(), z.cells.get());
    z.within200 = geos_.intersection(buffer200_.get(), z.cells.get());
    const double km2_12 = area_km2(geos_.polygons(z.within12.get()));
    const double land_in_cells =
        split ? area_km2(geos_.polygons(geos_.intersection(unit_land_.at(base).get(), z.cells.get()).get()))
              : unit_land_in_region_km2_.at(base);
    z.territorial_sea_km2 = km2_12 - land_in_cells;
    z.eez_km2 = area_km2(geos_.polygons(z.within200.get())) - km2_12;
    return units_[key] = std::move(z);
}

const ClaimModel::UnitZones& ClaimModel::unit_geometry(const std::string& key) {
    UnitZones& z = unit(key);
    if (z.territorial_sea) return z;
    z.territorial_sea = without_land(z.within12.get());
    z.eez = geos_.difference(z.within200.get(), z.within12.get());
    return z;
}

// The median line between two units: where their cells meet, at sea and within the EEZ limit.
const GEOSGeometry* ClaimModel::shared_boundary(const std::string& a, const std::string& b) {
    auto key = std::minmax(a, b);
    if (auto it = shared_boundaries_.find(key); it != shared_boundaries_.end()) return it->second.get();
    GeomPtr ba = geos_.boundary(unit(a).cells.get());
    GeomPtr bb = geos_.boundary(unit(b).cells.get());
    GeomPtr shared = geos_.intersection(ba.get(), bb.get());
    GeomPtr within = geos_.intersection(shared.get(), buffer200_.get());
    // Less the land it crosses, if any: only land polygons near one of its segments take part, not
    // all land with its thousands of islets.
    std::vector<BBox> segments;
    for (const PathXY& line : geos_.lines(within.get()))
        for (size_t i = 1; i < line.size(); ++i) segments.push_back(bounds({line[i - 1], line[i]}));
    std::set<size_t> near;
    for (const auto& [segment, land] : meeting_pairs(segments, land_bounds_)) near.insert(land);
    if (!near.empty()) {
        std::vector<GeomPtr> land;
        for (size_t i : near) land.push_back(geos_.polygon(land_polys_[i]));
        within = geos_.difference(within.get(), geos_.collect(std::move(land), GEOS_MULTIPOLYGON).get());
    }
    return (shared_boundaries_[key] = std::move(within)).get();
}

GeomPtr ClaimModel::without_land(const GEOSGeometry* sea) {
    // Polygon by polygon; a land polygon without holes that lies inside a sea polygon, clear of
    // every other land polygon's box (an islet), becomes a hole as it is: the overlay is left with
    // the land on the sea polygon's boundary, not thousands of islets inside it.
    MultiPolygonXY polys = geos_.polygons(sea);
    std::vector<BBox> poly_bounds;
    for (const PolygonXY& p : polys) poly_bounds.push_back(bounds(p.outer));
    std::vector<std::vector<size_t>> land_near(polys.size());
    for (const auto& [k, i] : meeting_pairs(poly_bounds, land_bounds_)) land_near[k].push_back(i);
    MultiPolygonXY out;
    for (size_t k = 0; k < polys.size(); ++k) {
        if (land_near[k].empty()) {
            out.push_back(std::move(polys[k]));
            continue;
        }
        GeomPtr poly = geos_.polygon(polys[k]);
        PreparedPtr prepared = geos_.prepare(poly.get());
        std::vector<PathXY> islets;
        std::vector<GeomPtr> overlaid;
        for (size_t i : land_near[k]) {
            GeomPtr land = geos_.polygon(land_polys_[i]);
            if (land_alone_[i] && land_polys_[i].holes.empty()) {
                const char inside = GEOSPreparedContainsProperly_r(geos_.handle(), prepared.get(), land.get());
                if (inside == 2) throw Error("GEOS contains properly: failed");
                if (inside) {
                    islets.push_back(land_polys_[i].outer);
                    continue;
                }
            }
            overlaid.push_back(std::move(land));
        }
        MultiPolygonXY pieces;
        if (overlaid.empty()) pieces.push_back(std::move(polys[k]));
        else pieces = geos_.polygons(geos_.difference(poly.get(), geos_.collect(std::move(overlaid), GEOS_MULTIPOLYGON).get()).get());
        add_holes(geos_, pieces, islets);
        for (PolygonXY& p : pieces) out.push_back(std::move(p));
    }
    return geos_.multipolygon(out);
}

MultiPolygonXY ClaimModel::merge_touching(std::vector<GeomPtr> pieces) {
    // Every polygon of every piece, with its box; polygons of different pieces whose boxes meet
    // are grouped (union-find) and each group unioned, the rest passed through as they are.
    struct Part {
        size_t piece;
        PolygonXY poly;
    };
    std::vector<Part> parts;
    std::vector<BBox> part_bounds;
    for (size_t i = 0; i < pieces.size(); ++i)
        for (PolygonXY& p : geos_.polygons(pieces[i].get())) {
            part_bounds.push_back(bounds(p.outer));
            parts.push_back({i, std::move(p)});
        }
    std::vector<size_t> group(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) group[i] = i;
    auto root = [&](size_t i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    for (const auto& [i, j] : meeting_pairs(part_bounds, part_bounds))
        if (i < j && parts[i].piece != parts[j].piece) {
            const size_t ri = root(i), rj = root(j);
            group[std::max(ri, rj)] = std::min(ri, rj);
        }
    std::map<size_t, std::vector<size_t>> groups;  // by the group's first part: a stable order
    for (size_t i = 0; i < parts.size(); ++i) groups[root(i)].push_back(i);
    MultiPolygonXY out;
    for (auto& [first, members] : groups) {
        if (members.size() == 1) {
            out.push_back(std::move(parts[members[0]].poly));
            continue;
        }
        // A hole whose box meets no other polygon of the group cannot be filled by the union: it is
        // set aside and put back after, so that the union does not node thousands of islets' holes.
        std::vector<BBox> hole_bounds, member_bounds;
        std::vector<std::pair<size_t, size_t>> holes;  // (member, hole)
        for (size_t m = 0; m < members.size(); ++m) {
            member_bounds.push_back(part_bounds[members[m]]);
            for (size_t h = 0; h < parts[members[m]].poly.holes.size(); ++h) {
                holes.push_back({m, h});
                hole_bounds.push_back(bounds(parts[members[m]].poly.holes[h]));
            }
        }
        std::vector<bool> free(holes.size(), true);
        for (const auto& [h, m] : meeting_pairs(hole_bounds, member_bounds))
            if (m != holes[h].first) free[h] = false;
        std::vector<std::vector<PathXY>> kept(members.size());
        std::vector<PathXY> set_aside;
        for (size_t h = 0; h < holes.size(); ++h) {
            PathXY& ring = parts[members[holes[h].first]].poly.holes[holes[h].second];
            (free[h] ? set_aside : kept[holes[h].first]).push_back(std::move(ring));
        }
        std::vector<GeomPtr> stripped;
        for (size_t m = 0; m < members.size(); ++m) {
            parts[members[m]].poly.holes = std::move(kept[m]);
            stripped.push_back(geos_.polygon(parts[members[m]].poly));
        }
        MultiPolygonXY merged = geos_.polygons(geos_.union_all(std::move(stripped)).get());
        add_holes(geos_, merged, set_aside);
        for (PolygonXY& p : merged) out.push_back(std::move(p));
    }
    return out;
}

std::vector<std::string> ClaimModel::units_of(const std::string& party, const Scenario& scenario, const Split* split) const {
    std::vector<std::string> keys;
    if (unit_land_.count(party)) keys.push_back(party);
    for (const std::string& t : loaded_.config.territories)
        if (scenario.holder(t) == party) keys.push_back(t);
    if (split && split->party == party) keys.push_back(split->key_party());
    if (split && split->rest == party) keys.push_back(split->key_rest());
    return keys;
}

const ClaimModel::Split& ClaimModel::split_for(const TerritorySplit& ts, const Scenario& scenario) {
    if (auto it = splits_.find(ts.territory); it != splits_.end()) {
        if (it->second->party == ts.party) return *it->second;
        // A different split of the same territory: cached pieces belong to the old one.
        units_.erase(it->second->key_party());
        units_.erase(it->second->key_rest());
        for (auto b = shared_boundaries_.begin(); b != shared_boundaries_.end();)
            b = b->first.first.find('>') != std::string::npos || b->first.second.find('>') != std::string::npos
                    ? shared_boundaries_.erase(b)
                    : std::next(b);
        splits_.erase(it);
    }
    auto split = std::make_unique<Split>();
    split->territory = ts.territory;
    split->party = ts.party;
    split->rest = ts.rest;
    const GEOSGeometry* land = unit_land_.at(ts.territory).get();

    // Long axis from the principal component of the territory's vertices.
    PathXY pts;
    for (const PolygonXY& p : geos_.polygons(land)) pts.insert(pts.end(), p.outer.begin(), p.outer.end());
    XY mean{0, 0};
    for (const XY& p : pts) mean.x += p.x / pts.size(), mean.y += p.y / pts.size();
    double sxx = 0, sxy = 0, syy = 0;
    for (const XY& p : pts) {
        sxx += (p.x - mean.x) * (p.x - mean.x);
        sxy += (p.x - mean.x) * (p.y - mean.y);
        syy += (p.y - mean.y) * (p.y - mean.y);
    }
    double angle = 0.5 * std::atan2(2 * sxy, sxx - syy);
    XY axis{std::cos(angle), std::sin(angle)};
    LonLat from = ts.direction();
    if (dot(axis, {from.lon, from.lat}) < 0) axis = {-axis.x, -axis.y};
    XY normal{-axis.y, axis.x};
    double tmin = INFINITY, tmax = -INFINITY;
    for (const XY& p : pts) tmin = std::min(tmin, dot(p, axis)), tmax = std::max(tmax, dot(p, axis));

    // The party's target: its share of all disputed land, less what it holds whole.
    double total = 0, whole = 0;
    for (const auto& [id, km2] : territory_km2_) {
        total += km2;
        if (scenario.holder(id) == ts.party) whole += km2;
    }
    const double needed = ts.share * total - whole;
    const double territory_km2 = territory_km2_.at(ts.territory);
    if (needed <= 0 || needed >= territory_km2)
        throw Error(loaded_.config.scenarios.string() + ": scenario '" + scenario.id + "': no cut of '" + ts.territory +
                    "' gives " + ts.party + " that share of the disputed land");

    const double far = 4e6;
    auto half_plane = [&](double t) {
        XY o{axis.x * t, axis.y * t};
        auto at = [&](double a, double n) { return XY{o.x + axis.x * a + normal.x * n, o.y + axis.y * a + normal.y * n}; };
        return geos_.polygon({{at(0, -far), at(far, -far), at(far, far), at(0, far)}, {}});
    };
    // The piece's area falls smoothly from the whole territory at tmin to nothing at tmax: false
    // position (Illinois) finds the cut in a few areas where bisection to a millimetre takes ~30.
    auto excess = [&](double t) {
        return area_km2(geos_.polygons(geos_.intersection(land, half_plane(t).get()).get())) - needed;
    };
    double lo = tmin, hi = tmax, f_lo = territory_km2 - needed, f_hi = -needed, t = (lo + hi) / 2;
    int side = 0;
    for (int i = 0; i < 60 && hi - lo > 1e-3; ++i) {
        t = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
        if (!(t > lo && t < hi)) t = (lo + hi) / 2;
        const double f = excess(t);
        if (std::abs(f) <= 1e-10 * territory_km2) break;
        if (f > 0) {
            lo = t, f_lo = f;
            if (side == 1) f_hi /= 2;  // the same end twice: halve the other's weight
            side = 1;
        } else {
            hi = t, f_hi = f;
            if (side == -1) f_lo /= 2;
            side = -1;
        }
        t = (lo + hi) / 2;
    }
    split->axis = axis;
    split->t = t;
    GeomPtr hp = half_plane(split->t);
    split->land_party = geos_.intersection(land, hp.get());
    split->land_rest = geos_.difference(land, hp.get());
    split->party_km2 = area_km2(geos_.polygons(split->land_party.get()));
    split->rest_km2 = area_km2(geos_.polygons(split->land_rest.get()));
    XY o{axis.x * split->t, axis.y * split->t};
    GeomPtr cut_line = geos_.line({{o.x - normal.x * far, o.y - normal.y * far}, {o.x + normal.x * far, o.y + normal.y * far}});
    split->cut = geos_.lines(geos_.intersection(cut_line.get(), land).get());
    return *(splits_[ts.territory] = std::move(split));
}

ScenarioClaims ClaimModel::evaluate(const Scenario& scenario, bool geometry) {
    ScenarioClaims out;
    out.scenario = scenario.id;
    const Split* split = scenario.split ? &split_for(*scenario.split, scenario) : nullptr;
    std::vector<std::vector<std::string>> party_units;
    for (const Party& party : loaded_.config.parties) {
        PartyClaim claim;
        claim.party = party.id;
        std::vector<GeomPtr> land, sea, eez;
        for (const std::string& key : units_of(party.id, scenario, split)) {
            const UnitZones& z = geometry ? unit_geometry(key) : unit(key);
            claim.land_km2 += z.land_km2;
            claim.territorial_sea_km2 += z.territorial_sea_km2;
            claim.eez_km2 += z.eez_km2;
            if (!geometry) continue;
            land.push_back(geos_.clone(z.land.get()));
            sea.push_back(geos_.clone(z.territorial_sea.get()));
            eez.push_back(geos_.clone(z.eez.get()));
        }
        // Unit zones tile the sea without overlap, so their union is a plain merge.
        if (geometry) // Units' land is disjoint: gathered, not unioned. Their zones tile the sea, so only pieces
        // that can touch across a cell boundary are merged.
        for (const GeomPtr& g : land)
            for (PolygonXY& p : geos_.polygons(g.get())) claim.land.push_back(std::move(p));
        if (geometry) claim.territorial_sea = merge_touching(std::move(sea));
        if (geometry) claim.eez = merge_touching(std::move(eez));
        if (geometry) party_units.push_back(units_of(party.id, scenario, split));
        out.parties.push_back(std::move(claim));
    }
    // A median line between every pair of parties whose zones touch: the shared boundaries of
    // their units' cells.
    const auto& parties = loaded_.config.parties;
    for (size_t i = 0; geometry && loaded_.config.sea && i < party_units.size(); ++i)
        for (size_t j = i + 1; j < party_units.size(); ++j) {
            std::vector<GeomPtr> pieces;
            for (const std::string& a : party_units[i])
                for (const std::string& b : party_units[j])
                    pieces.push_back(geos_.clone(shared_boundary(a, b)));
            if (pieces.empty()) continue;
            GeomPtr merged = geos_.union_all(std::move(pieces));
            MultiLineXY lines = geos_.lines(geos_.line_merge(merged.get()).get());
            if (lines.empty()) continue;
            out.median_line.insert(out.median_line.end(), lines.begin(), lines.end());
            out.median_lines.push_back({parties[i].id, parties[j].id, std::move(lines)});
        }
    if (geometry) if (split) {
        out.split_cut = split->cut;
        out.split_territory = split->territory;
        out.split_pieces[split->party] = geos_.polygons(split->land_party.get());
        out.split_pieces[split->rest] = geos_.polygons(split->land_rest.get());
    }
    return out;
}

std::vector<PartyGain> ClaimModel::changes(const ScenarioClaims& from, const ScenarioClaims& to) {
    std::vector<PartyGain> out;
    for (const PartyClaim& after : to.parties) {
        const PartyClaim* before = from.party(after.party);
        if (!before) continue;
        PartyGain g;
        g.party = after.party;
        // Pieces may share edges (territorial sea against EEZ), so they are unioned, not collected.
        auto merged = [&](const MultiPolygonXY& polys) {
            std::vector<GeomPtr> parts;
            for (const PolygonXY& p : polys) parts.push_back(geos_.polygon(p));
            return geos_.union_all(std::move(parts));
        };
        auto gained = [&](const MultiPolygonXY& a, const MultiPolygonXY& b) {
            return geos_.difference(merged(b).get(), merged(a).get());
        };
        g.land = geos_.polygons(gained(before->land, after.land).get());
        MultiPolygonXY before_sea = before->territorial_sea, after_sea = after.territorial_sea;
        before_sea.insert(before_sea.end(), before->eez.begin(), before->eez.end());
        after_sea.insert(after_sea.end(), after.eez.begin(), after.eez.end());
        GeomPtr gained_sea = gained(before_sea, after_sea);
        // Slivers along shared edges are numerical noise, not a change of hands.
        GeomPtr cleaned = geos_.buffer(geos_.buffer(gained_sea.get(), -50, 2).get(), 50, 2);
        g.sea = geos_.polygons(cleaned.get());
        g.land_km2 = after.land_km2 - before->land_km2;
        g.territorial_sea_km2 = after.territorial_sea_km2 - before->territorial_sea_km2;
        g.eez_km2 = after.eez_km2 - before->eez_km2;
        out.push_back(std::move(g));
    }
    return out;
}

Ring ClaimModel::to_lonlat(const PathXY& path, double max_segment_m) const {
    return unproject(path, proj_, max_segment_m);
}

double ClaimModel::area_km2(const MultiPolygonXY& polys) const {
    double m2 = 0;
    for (const PolygonXY& p : polys) {
        // Straight projected edges are not geodesics: densify long ones before unprojecting.
        Polygon g{to_lonlat(p.outer, 2000), {}};
        for (const PathXY& h : p.holes) g.holes.push_back(to_lonlat(h, 2000));
        m2 += geodesic_area_m2(g);
    }
    return m2 / 1e6;
}

MultiPolygonXY ClaimModel::territorial_sea_limit() { return geos_.polygons(buffer12_.get()); }
MultiPolygonXY ClaimModel::eez_limit() { return geos_.polygons(buffer200_.get()); }

}  // namespace claimmap
