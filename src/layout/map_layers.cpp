// SceneBuilder: sea, land, disputed land, sea zones, boundaries, the graticule and the figures table.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "layout/scene_builder.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"

namespace claimmap::layout_detail {

Layer SceneBuilder::sea_layer() const {
    Layer layer = map_layer("sea");
    const BBox& f = view_.frame();
    PathItem rect;
    rect.rings.push_back(rectangle(f));
    rect.fill = style_.sea;
    layer.items.push_back(rect);
    return layer;
}

BBox SceneBuilder::visible_lonlat() const {
    const BBox& e = view_.extent();
    double inf = INFINITY;
    BBox out{inf, inf, -inf, -inf};
    for (int i = 0; i <= 32; ++i) {
        double t = i / 32.0;
        for (XY p : {XY{e.min_x + t * e.width(), e.min_y}, XY{e.min_x + t * e.width(), e.max_y},
                     XY{e.min_x, e.min_y + t * e.height()}, XY{e.max_x, e.min_y + t * e.height()}}) {
            LonLat g = proj_.inverse(p);
            out.min_x = std::min(out.min_x, g.lon);
            out.max_x = std::max(out.max_x, g.lon);
            out.min_y = std::min(out.min_y, g.lat);
            out.max_y = std::max(out.max_y, g.lat);
        }
    }
    return out;
}

Layer SceneBuilder::graticule_layer(const std::vector<BBox>& occupied) const {
    Layer layer = map_layer("graticule");
    // A world map spans the seam of its projection: sample around the whole globe instead.
    BBox ll = in_.world_map ? BBox{in_.case_config.world_centre_lon - 179.99, -60, in_.case_config.world_centre_lon + 179.99, 84} : visible_lonlat();
    double step = in_.world_map ? 30 : style_.graticule_step_deg;
    PathItem lines;
    lines.closed = false;
    lines.stroke = style_.graticule;
    lines.stroke_width = px(style_.graticule_width);
    for (double lon = std::ceil(ll.min_x / step) * step; lon <= ll.max_x; lon += step) {
        std::vector<XY> line;
        for (int i = 0; i <= 64; ++i) line.push_back(page({lon, ll.min_y + ll.height() * i / 64.0}));
        lines.rings.push_back(std::move(line));
    }
    for (double lat = std::ceil(ll.min_y / step) * step; lat <= ll.max_y; lat += step) {
        std::vector<XY> line;
        for (int i = 0; i <= 64; ++i) line.push_back(page({ll.min_x + ll.width() * i / 64.0, lat}));
        lines.rings.push_back(std::move(line));
    }
    layer.items.push_back(std::move(lines));
    // Degree labels just inside the frame: longitudes along the bottom, latitudes on the left.
    FontSpec f = font(style_.small_size);
    const BBox& fr = view_.frame();
    for (double lon = std::ceil(ll.min_x / step) * step; lon <= ll.max_x; lon += step) {
        // Where the meridian meets the bottom edge of the frame.
        double x = -1;
        for (int i = 0; i <= 60; ++i) {
            XY a = page({lon, ll.min_y + ll.height() * i / 60.0});
            if (a.y <= fr.max_y) { x = a.x; break; }
        }
        if (x < 0) continue;
        double wrapped = lon > 180 ? lon - 360 : lon;
        std::string s = longitude(wrapped);
        TextExtent e = measure_text(s, f);
        if (x - e.width / 2 < fr.min_x + px(4) || x + e.width / 2 > fr.max_x - px(4)) continue;
        BBox box{x - e.width / 2, fr.max_y - e.height - px(3), x + e.width / 2, fr.max_y - px(3)};
        if (std::any_of(occupied.begin(), occupied.end(), [&](const BBox& b) { return overlaps(b, box); })) continue;
        layer.items.push_back(text(s, {box.min_x, box.min_y}, f, style_.muted_text, true));
    }
    for (double lat = std::ceil(ll.min_y / step) * step; lat <= ll.max_y; lat += step) {
        double y = -1;
        for (int i = 0; i <= 60; ++i) {
            XY a = page({ll.min_x + ll.width() * i / 60.0, lat});
            if (a.x >= fr.min_x) { y = a.y; break; }
        }
        std::string s = latitude(lat);
        TextExtent e = measure_text(s, f);
        if (y < 0 || y - e.height / 2 < fr.min_y + px(4) || y + e.height / 2 > fr.max_y - px(4)) continue;
        BBox box{fr.min_x + px(4), y - e.height / 2, fr.min_x + px(4) + e.width, y + e.height / 2};
        if (std::any_of(occupied.begin(), occupied.end(), [&](const BBox& b) { return overlaps(b, box); })) continue;
        layer.items.push_back(text(s, {box.min_x, box.min_y}, f, style_.muted_text, true));
    }
    return layer;
}

Layer SceneBuilder::land_layer() const {
    Layer layer = map_layer("land");
    std::map<std::string, PathItem> by_holder;
    for (const LandFeature& f : in_.land.features) {
        if (!f.territory.empty()) continue;
        PathItem& path = by_holder[f.country];
        add_polygon(path, f.shape);
    }
    for (auto& [holder, path] : by_holder) {
        path.fill = style_.land_fill(holder);
        path.stroke = style_.coastline;
        path.stroke_width = px(style_.coastline_width);
        layer.items.push_back(std::move(path));
    }
    return layer;
}

Layer SceneBuilder::disputed_layer() const {
    Layer layer = map_layer("disputed");
    for (const std::string& id : in_.case_config.territories) {
        if (in_.scenario && in_.scenario->split_territory == id) {
            for (const auto& [party, pieces] : in_.scenario->split_pieces) {
                PathItem path;
                for (const Polygon& p : pieces) add_polygon(path, p);
                path.fill = style_.party(party).accent;
                path.stroke = style_.disputed_stroke;
                path.stroke_width = px(style_.disputed_stroke_width);
                layer.items.push_back(std::move(path));
            }
            continue;
        }
        PathItem path;
        for (const LandFeature& f : in_.land.features)
            if (f.territory == id) add_polygon(path, f.shape);
        if (path.rings.empty()) continue;
        path.fill = style_.disputed_fill;
        if (in_.scenario)
            if (auto it = in_.scenario->territory_holder.find(id); it != in_.scenario->territory_holder.end())
                path.fill = style_.party(it->second).accent;
        path.stroke = style_.disputed_stroke;
        path.stroke_width = px(style_.disputed_stroke_width);
        layer.items.push_back(std::move(path));
    }
    return layer;
}

Layer SceneBuilder::disputed_markers_layer() const {
    // Disputed land only a few pixels across (a few rocks, small islets far apart) vanishes at map
    // scale: a ring in the disputed outline colour round each group of its pieces shows where it is.
    Layer layer = map_layer("disputed-markers");
    const double tiny = px(8), group = px(30);
    for (const std::string& id : in_.case_config.territories) {
        std::vector<BBox> pieces;
        for (const LandFeature& f : in_.land.features)
            if (f.territory == id) {
                BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
                for (const XY& q : page_ring(f.shape.outer))
                    b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
                if (b.min_x <= b.max_x) pieces.push_back(b);
            }
        if (pieces.empty() || std::any_of(pieces.begin(), pieces.end(), [&](const BBox& b) { return std::max(b.width(), b.height()) >= tiny; }))
            continue;
        // Pieces within `group` of a group's box join it; each group gets one ring.
        std::vector<BBox> groups;
        for (const BBox& b : pieces) {
            auto near = std::find_if(groups.begin(), groups.end(), [&](const BBox& g) {
                return b.min_x < g.max_x + group && g.min_x < b.max_x + group && b.min_y < g.max_y + group && g.min_y < b.max_y + group;
            });
            if (near == groups.end()) groups.push_back(b);
            else *near = {std::min(near->min_x, b.min_x), std::min(near->min_y, b.min_y), std::max(near->max_x, b.max_x), std::max(near->max_y, b.max_y)};
        }
        for (const BBox& g : groups) {
            const XY c{(g.min_x + g.max_x) / 2, (g.min_y + g.max_y) / 2};
            const double r = std::hypot(g.width(), g.height()) / 2 + px(7);
            PathItem ring;
            std::vector<XY> circle;
            for (int i = 0; i < 48; ++i) circle.push_back({c.x + r * std::cos(i * M_PI / 24), c.y + r * std::sin(i * M_PI / 24)});
            ring.rings.push_back(std::move(circle));
            ring.stroke = style_.disputed_stroke;
            ring.stroke_width = px(1.5);
            layer.items.push_back(std::move(ring));
        }
    }
    return layer;
}

Layer SceneBuilder::zone_layer(const char* id, std::vector<Polygon> PartyOverlay::*zone, Rgba PartyStyle::*color) const {
    Layer layer = map_layer(id);
    for (const PartyOverlay& party : in_.scenario->parties) {
        PathItem path;
        for (const Polygon& p : party.*zone) add_polygon(path, p);
        if (path.rings.empty()) continue;
        path.fill = style_.party(party.party).*color;
        layer.items.push_back(std::move(path));
    }
    return layer;
}

PathItem SceneBuilder::line_item(const std::vector<Ring>& lines, Rgba color, const std::vector<double>& dash) const {
    std::vector<std::vector<XY>> rings;
    for (const Ring& l : lines) rings.push_back(page_ring(l));
    return page_line_item(std::move(rings), color, dash);
}

PathItem SceneBuilder::page_line_item(std::vector<std::vector<XY>> rings, Rgba color, const std::vector<double>& dash) const {
    PathItem path = polyline(std::move(rings), color, px(style_.median_width));
    for (double d : dash) path.dash.push_back(px(d));
    return path;
}

namespace {

// Where lines of one map run together (within `tol` of each other for more than a few steps),
// each is moved sideways so that they run side by side, `spacing` apart, centred on the shared
// course, as a newspaper draws two routes along one road; elsewhere each keeps its course. Within
// `area` (the frame and a margin) the lines are resampled every `step` (a point repeated dropped),
// and the sideways move eases in and out over a few steps; outside it, and wherever no line moves,
// each line keeps its own vertices. A piece of fewer than two distinct points is kept as it is.
// Every line is a set of open pieces; the order of `lines` sets who goes on which side.
std::vector<std::vector<std::vector<XY>>> side_by_side(const std::vector<std::vector<std::vector<XY>>>& lines, const BBox& area, double step,
                                                       double tol, double spacing) {
    struct Point {
        XY at;
        bool own = false;     // a vertex of the line itself (not a point added by the resampling)
        bool inside = false;  // in `area`: may move
    };
    auto finite = [](XY p) { return std::isfinite(p.x) && std::isfinite(p.y); };
    auto in_area = [&](XY p) { return p.x >= area.min_x && p.x <= area.max_x && p.y >= area.min_y && p.y <= area.max_y; };
    // The part of a..b within `area` (Liang-Barsky), as fractions of the way; false: none.
    auto clip = [&](XY a, XY b, double& t0, double& t1) {
        t0 = 0, t1 = 1;
        const double d[4][2] = {{-(b.x - a.x), a.x - area.min_x}, {b.x - a.x, area.max_x - a.x}, {-(b.y - a.y), a.y - area.min_y}, {b.y - a.y, area.max_y - a.y}};
        for (const auto& [q, r] : d) {
            if (q == 0) {
                if (r < 0) return false;
                continue;
            }
            const double t = r / q;
            if (q < 0) t0 = std::max(t0, t);
            else t1 = std::min(t1, t);
        }
        return t0 < t1;
    };
    // Far more points than any page needs: a bound, not a resolution.
    const double max_points = 1 << 20;
    std::vector<std::vector<std::vector<Point>>> dense(lines.size());
    for (size_t k = 0; k < lines.size(); ++k)
        for (const auto& piece : lines[k]) {
            std::vector<Point> d;
            for (const XY& b : piece) {
                if (!d.empty()) {
                    const XY a = d.back().at;
                    if (a.x == b.x && a.y == b.y) continue;
                    double t0, t1;
                    if (finite(a) && finite(b) && clip(a, b, t0, t1)) {
                        auto at = [&](double t) { return XY{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; };
                        const double len = std::hypot(b.x - a.x, b.y - a.y) * (t1 - t0);
                        const int n = static_cast<int>(std::clamp(std::ceil(len / step), 1.0, max_points));
                        if (t0 > 0) d.push_back({at(t0), false, true});
                        for (int j = 1; j < n; ++j) d.push_back({at(t0 + (t1 - t0) * j / n), false, true});
                        if (t1 < 1) d.push_back({at(t1), false, true});
                    }
                }
                d.push_back({b, true, finite(b) && in_area(b)});
            }
            dense[k].push_back(std::move(d));
        }
    // Each line's segments inside `area`, bucketed in a grid of cells `cell` across: the segments
    // within `tol` of a point lie in the cells round it.
    struct Segment {
        size_t piece, index;
    };
    const double cell = std::max({tol, area.width() / 4096, area.height() / 4096});
    const long columns = static_cast<long>(std::ceil(area.width() / cell)) + 1, rows = static_cast<long>(std::ceil(area.height() / cell)) + 1;
    auto cell_of = [&](double x, double y) {
        const long cx = std::clamp(static_cast<long>(std::floor((x - area.min_x) / cell)), 0L, columns - 1);
        const long cy = std::clamp(static_cast<long>(std::floor((y - area.min_y) / cell)), 0L, rows - 1);
        return std::pair{cx, cy};
    };
    std::vector<std::vector<std::pair<long, Segment>>> grids(lines.size());
    for (size_t j = 0; j < dense.size(); ++j) {
        for (size_t p = 0; p < dense[j].size(); ++p)
            for (size_t i = 0; i + 1 < dense[j][p].size(); ++i) {
                const Point& a = dense[j][p][i];
                const Point& b = dense[j][p][i + 1];
                if (!a.inside || !b.inside) continue;
                const auto [x0, y0] = cell_of(std::min(a.at.x, b.at.x), std::min(a.at.y, b.at.y));
                const auto [x1, y1] = cell_of(std::max(a.at.x, b.at.x), std::max(a.at.y, b.at.y));
                for (long y = y0; y <= y1; ++y)
                    for (long x = x0; x <= x1; ++x) grids[j].push_back({y * columns + x, {p, i}});
            }
        std::sort(grids[j].begin(), grids[j].end(), [](const auto& u, const auto& v) {
            return std::tie(u.first, u.second.piece, u.second.index) < std::tie(v.first, v.second.piece, v.second.index);
        });
    }
    // The nearest point of line j to p: its distance and the direction of the segment it lies on
    // (of equally near ones, the first along the line).
    struct Near {
        double dist = INFINITY;
        XY at, dir{1, 0};
    };
    auto nearest = [&](size_t j, XY p) {
        Near out;
        Segment best{SIZE_MAX, SIZE_MAX};
        const auto [x0, y0] = cell_of(p.x - tol, p.y - tol);
        const auto [x1, y1] = cell_of(p.x + tol, p.y + tol);
        for (long y = y0; y <= y1; ++y)
            for (long x = x0; x <= x1; ++x) {
                const long c = y * columns + x;
                auto it = std::lower_bound(grids[j].begin(), grids[j].end(), c, [](const auto& u, long v) { return u.first < v; });
                for (; it != grids[j].end() && it->first == c; ++it) {
                    const Segment s = it->second;
                    const XY a = dense[j][s.piece][s.index].at, b = dense[j][s.piece][s.index + 1].at;
                    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
                    if (len2 <= 0) continue;
                    const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
                    const double d = std::hypot(a.x + dx * t - p.x, a.y + dy * t - p.y);
                    if (d < out.dist || (d == out.dist && std::tie(s.piece, s.index) < std::tie(best.piece, best.index)))
                        out = {d, {a.x + dx * t, a.y + dy * t}, {dx / std::sqrt(len2), dy / std::sqrt(len2)}}, best = s;
                }
            }
        return out;
    };
    std::vector<std::vector<std::vector<XY>>> out(lines.size());
    for (size_t k = 0; k < dense.size(); ++k)
        for (size_t p = 0; p < dense[k].size(); ++p) {
            const std::vector<Point>& piece = dense[k][p];
            const size_t n = piece.size();
            if (n < 2) {
                out[k].push_back(lines[k][p]);
                continue;
            }
            std::vector<XY> shift(n, XY{0, 0});
            // No two consecutive points are the same: every point has a direction.
            auto tangent = [&](size_t i) {
                const XY a = piece[i + 1 < n ? i : i - 1].at, b = piece[i + 1 < n ? i + 1 : i].at;
                return XY{b.x - a.x, b.y - a.y};
            };
            // Which other lines each point shares its course with; runs shorter than a few steps
            // are lines crossing, not running together.
            std::vector<std::vector<std::pair<size_t, Near>>> with(n);
            for (size_t i = 0; i < n; ++i)
                if (piece[i].inside)
                    for (size_t j = 0; j < dense.size(); ++j)
                        if (j != k)
                            if (Near q = nearest(j, piece[i].at); q.dist <= tol) with[i].push_back({j, q});
            for (size_t i = 0; i < n;) {
                size_t e = i;
                while (e < n && !with[e].empty()) ++e;
                if (e - i < 5)
                    for (size_t m = i; m < e; ++m) with[m].clear();
                i = std::max(e, i + 1);
            }
            for (size_t i = 0; i < n; ++i) {
                if (with[i].empty()) continue;
                // Across the course (the normal of the first line of the group, so that every line of
                // it agrees whichever way each runs): where each line of the group is now, and so the
                // order they keep side by side (nearer than a third of a pixel: in the lines' order)
                // about the middle of the group.
                const XY own = tangent(i);
                const double len = std::hypot(own.x, own.y);
                XY dir = len > 0 ? XY{own.x / len, own.y / len} : XY{1, 0};
                size_t first = k;
                for (const auto& [j, q] : with[i])
                    if (j < first) first = j, dir = q.dir;
                const XY normal{-dir.y, dir.x};
                double mean = 0, rank = 0;
                for (const auto& [j, q] : with[i]) {
                    const double across = (q.at.x - piece[i].at.x) * normal.x + (q.at.y - piece[i].at.y) * normal.y;
                    mean += across;
                    if (across < -0.3 || (std::abs(across) <= 0.3 && j < k)) ++rank;
                }
                mean /= double(with[i].size() + 1);
                const double place = mean + (rank - with[i].size() / 2.0) * spacing;  // the group has with[i].size() + 1 lines
                shift[i] = {normal.x * place, normal.y * place};
            }
            // Eased over neighbours running the same way (not round the tip of a spike, where the
            // sides' moves would cancel out).
            std::vector<XY> moved(n);
            std::vector<bool> still(n, true);
            const int ease = 4;
            for (size_t i = 0; i < n; ++i) {
                XY sum{0, 0};
                int count = 0;
                const XY ti = tangent(i);
                for (int d = -ease; d <= ease; ++d)
                    if (long m = static_cast<long>(i) + d; m >= 0 && m < static_cast<long>(n)) {
                        const XY tm = tangent(m);
                        if (ti.x * tm.x + ti.y * tm.y <= 0) continue;
                        sum.x += shift[m].x, sum.y += shift[m].y, ++count;
                    }
                if (count == 0) count = 1;
                moved[i] = {piece[i].at.x + sum.x / count, piece[i].at.y + sum.y / count};
                still[i] = sum.x == 0 && sum.y == 0;
            }
            // The line's own vertices, and the points of the stretches that moved and where they
            // leave the course: the points added along a straight stretch that stayed add nothing.
            std::vector<XY> kept;
            for (size_t i = 0; i < n; ++i)
                if (piece[i].own || !still[i] || (i > 0 && !still[i - 1]) || (i + 1 < n && !still[i + 1])) kept.push_back(moved[i]);
            out[k].push_back(std::move(kept));
        }
    return out;
}

}  // namespace

void SceneBuilder::settle_lines() {
    // The lines of this map in drawing order: the view's boundaries (an overview), then the case's
    // claim lines. A scenario map's own lines keep the style's colours and dashes; the others keep
    // clear of them.
    struct Wanted {
        Rgba colour;
        std::string line;
        const std::vector<Ring>* geometry;
    };
    std::vector<Wanted> wanted;
    if (!in_.scenario && in_.view_boundaries)
        for (size_t i = 0; i < pov_.boundaries.size() && i < in_.view_boundaries->size(); ++i) {
            const ViewBoundary& b = pov_.boundaries[i];
            wanted.push_back({b.party.empty() ? style_.median_stroke : style_.party(b.party).accent, b.line, &(*in_.view_boundaries)[i]});
        }
    claim_lines_first_ = wanted.size();
    if (!in_.world_map)
        for (const ClaimLine& cl : in_.case_config.claim_lines) wanted.push_back({style_.party(cl.party).accent, cl.line, &cl.lines});
    std::vector<Rgba> colours;
    std::vector<std::vector<double>> dashes;
    if (in_.scenario) {
        colours.push_back(style_.median_stroke), dashes.push_back(style_.median_dash);
        if (!in_.scenario->split_cut.empty()) colours.push_back(style_.split_cut), dashes.push_back({});
        if (in_.compare_to) colours.push_back(style_.compare_stroke), dashes.push_back(style_.compare_dash);
    }
    // Every line on the sea and in the legend's panel (the page's colour).
    const std::vector<Rgba> grounds{style_.sea, style_.page};
    // Dash patterns, each kind of line trying its own first and then the others most like it.
    const std::vector<double> m = style_.median_dash.size() >= 2 ? style_.median_dash : std::vector<double>{7, 4};
    const std::vector<double> c = style_.compare_dash.size() >= 2 ? style_.compare_dash : std::vector<double>{2, 3};
    const std::vector<double> solid{}, long_dash{2.2 * m[0], m[1]}, dash_dot{m[0], m[1], c[0], m[1]},
        dash_dot_dot{m[0], m[1], c[0], m[1], c[0], m[1]}, long_short{2.2 * m[0], m[1], m[0], m[1]}, sparse_dot{c[0], 2.5 * c[1]};
    // Past the eight patterns, each of them again with its dashes lengthened by a third, then by
    // two thirds, ...: every line keeps a pattern of its own however many a map draws.
    auto stretched = [](std::vector<double> d, int times) {
        for (size_t i = 0; i < d.size(); i += 2) d[i] *= 1 + times / 3.0;
        return d;
    };
    looks_.clear();
    std::vector<std::vector<std::vector<XY>>> pages;
    for (size_t i = 0; i < wanted.size(); ++i) {
        const Wanted& w = wanted[i];
        std::vector<std::vector<XY>> rings;
        for (const Ring& r : *w.geometry) rings.push_back(page_ring(r));
        pages.push_back(std::move(rings));
        LineLook look;
        look.drawn = std::any_of(w.geometry->begin(), w.geometry->end(), [](const Ring& r) { return !r.empty(); });
        std::vector<std::vector<double>> order =
            w.line == "dashed"   ? std::vector{style_.median_dash, long_dash, dash_dot, long_short, dash_dot_dot, style_.compare_dash, sparse_dot, solid}
            : w.line == "dotted" ? std::vector{style_.compare_dash, sparse_dot, dash_dot, dash_dot_dot, style_.median_dash, long_dash, long_short, solid}
                                 : std::vector{solid, long_dash, long_short, style_.median_dash, dash_dot, dash_dot_dot, style_.compare_dash, sparse_dot};
        // A line drawn nowhere takes nothing from the others.
        if (!look.drawn) {
            look.colour = w.colour, look.dash = order.front();
            looks_.push_back(look);
            continue;
        }
        look.colour = distinct_colour(w.colour, colours, grounds);
        bool found = false;
        for (int times = 0; !found; ++times)
            for (const auto& d : order)
                if (std::vector<double> t = stretched(d, times); (times == 0 || !d.empty()) && std::find(dashes.begin(), dashes.end(), t) == dashes.end()) {
                    look.dash = std::move(t), found = true;
                    break;
                }
        colours.push_back(look.colour), dashes.push_back(look.dash);
        looks_.push_back(look);
    }
    // Lines nearer than about their width and a half read as one: those go side by side.
    // Only what may show in the frame moves: the frame and a margin wider than the stretch a move
    // takes to decide and to ease in (a few dozen steps).
    const double spacing = px(style_.median_width) * 1.7, step = px(2), tol = std::max(1.0, spacing * 0.85), margin = 32 * step + tol;
    const BBox& f = view_.frame();
    line_pages_ = side_by_side(pages, {f.min_x - margin, f.min_y - margin, f.max_x + margin, f.max_y + margin}, step, tol, spacing);
}

Layer SceneBuilder::view_boundaries_layer() const {
    Layer layer = map_layer("boundaries");
    for (size_t i = 0; i < pov_.boundaries.size() && i < in_.view_boundaries->size(); ++i)
        layer.items.push_back(page_line_item(line_pages_[i], looks_[i].colour, looks_[i].dash));
    return layer;
}

Layer SceneBuilder::claim_lines_layer() const {
    Layer layer = map_layer("claim-lines");
    for (size_t i = claim_lines_first_; i < looks_.size(); ++i) layer.items.push_back(page_line_item(line_pages_[i], looks_[i].colour, looks_[i].dash));
    return layer;
}

Layer SceneBuilder::boundaries_layer() const {
    Layer layer = map_layer("boundaries");
    layer.items.push_back(line_item(in_.scenario->median_line, style_.median_stroke, style_.median_dash));
    if (!in_.scenario->split_cut.empty())
        layer.items.push_back(line_item(in_.scenario->split_cut, style_.split_cut, {}));
    if (in_.compare_to) {
        layer.items.push_back(line_item(in_.compare_to->median_line, style_.compare_stroke, style_.compare_dash));
        if (!in_.compare_to->split_cut.empty())
            layer.items.push_back(line_item(in_.compare_to->split_cut, style_.compare_stroke, style_.compare_dash));
    }
    return layer;
}

Layer SceneBuilder::changes_layer() const {
    Layer layer = map_layer("changes");
    for (const GainOverlay& g : *in_.gains) {
        PathItem path;
        for (const Polygon& p : g.sea) add_polygon(path, p);
        for (const Polygon& p : g.land) add_polygon(path, p);
        if (path.rings.empty()) continue;
        path.hatch = hatch();
        path.stroke = style_.hatch;
        path.stroke_width = px(0.6);
        layer.items.push_back(std::move(path));
    }
    return layer;
}

std::string SceneBuilder::longitude(double lon) const { return longitude_text(cat_, lon); }

std::string SceneBuilder::latitude(double lat) const { return latitude_text(cat_, lat); }  // the equator: "0°", not "0°N"


Layer SceneBuilder::figures_layer() const {
    Layer layer;
    layer.id = "figures";
    // Under half a km² (islets changing hands) keeps a decimal: "+0" beside "0" read as nothing at all.
    auto km2 = [&](double v) { return std::abs(v) < 0.05 ? std::string("0") : cat_.number(v, std::abs(v) < 0.5 ? 1 : 0, {.sign = true, .minus_sign = true}); };
    std::vector<std::array<std::string, 4>> rows = {{"", tr("figures.land"), tr("figures.territorial_sea"), tr("figures.eez")}};
    for (const GainOverlay& g : *in_.gains)
        rows.push_back({party_name(g.party), km2(g.land_km2), km2(g.territorial_sea_km2), km2(g.eez_km2)});
    FontSpec head = font(style_.legend_size, true), body = font(style_.legend_size);
    std::array<double, 4> widths{};
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < 4; ++c)
            widths[c] = std::max(widths[c], measure_text(rows[r][c], r == 0 || c == 0 ? head : body).width);
    FontSpec title_font = font(style_.legend_size, true), note_font = font(style_.small_size);
    std::string note = tr("figures.note");
    double gap = px(14), pad = px(10), row_h = measure_text("Ag", body).height + px(3);
    double table_w = widths[0] + widths[1] + widths[2] + widths[3] + 3 * gap;
    // As a graphics desk sets it: the heading wraps to the table's width (in three lines at most,
    // never narrower than its longest word), and the table spans the panel, its numbers flush
    // right, so that it does not sit to the left under a heading wider than itself.
    // Where lines may break is the language's (Pango's): between words, and between characters in
    // Japanese and Chinese, a Latin word among them too.
    double content_w = std::max({table_w, measure_text(note, note_font).width, measure_text(in_.gains_title, title_font).width / 3,
                                 widest_unbreakable(in_.gains_title, title_font)});
    std::vector<std::string> heading = wrap(in_.gains_title, title_font, content_w);
    // Balanced lines rather than a last word alone: the narrowest width that needs no more lines.
    if (heading.size() > 1) {
        double lo = content_w / 2, hi = content_w;
        for (int i = 0; i < 12; ++i) {
            const double mid = (lo + hi) / 2;
            (wrap(in_.gains_title, title_font, mid).size() > heading.size() ? lo : hi) = mid;
        }
        heading = wrap(in_.gains_title, title_font, hi);
    }
    gap += (content_w - table_w) / 3;
    double w = content_w + 2 * pad;
    double h = pad * 2 + row_h * (rows.size() + heading.size()) + measure_text(note, note_font).height;
    const BBox& fr = view_.frame();
    double x = fr.max_x - w - px(12), y = fr.min_y + px(12);
    layer.items.push_back(panel(x, y, w, h, 0.92));
    double ty = y + pad;
    for (const std::string& line : heading) {
        layer.items.push_back(text(line, {x + pad, ty}, title_font, style_.text, false));
        ty += row_h;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        double cx = x + pad;
        for (size_t c = 0; c < 4; ++c) {
            const FontSpec& f = r == 0 || c == 0 ? head : body;
            double tw = measure_text(rows[r][c], f).width;
            // Numbers right-aligned in their column; party names left-aligned.
            double tx = c == 0 ? cx : cx + widths[c] - tw;
            layer.items.push_back(text(rows[r][c], {tx, ty}, f, r == 0 ? style_.muted_text : style_.text, false));
            cx += widths[c] + gap;
        }
        ty += row_h;
    }
    layer.items.push_back(text(note, {x + pad, ty}, note_font, style_.muted_text, false));
    return layer;
}

}  // namespace claimmap::layout_detail
