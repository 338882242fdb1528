#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "helpers.hpp"
#include "core/error.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"
#include "render/cairo_handles.hpp"
#include "output/png_encoder.hpp"
#include "output/tables.hpp"
#include "i18n/catalog.hpp"
#include "compute/median_line.hpp"

using namespace claimmap;

namespace {

struct Image {
    SurfacePtr surface;
    int width() const { return cairo_image_surface_get_width(surface.get()); }
    int height() const { return cairo_image_surface_get_height(surface.get()); }
    Rgba at(int x, int y) const {
        const unsigned char* data = cairo_image_surface_get_data(surface.get());
        uint32_t px;
        std::memcpy(&px, data + y * cairo_image_surface_get_stride(surface.get()) + x * 4, 4);
        return {((px >> 16) & 255) / 255.0, ((px >> 8) & 255) / 255.0, (px & 255) / 255.0, ((px >> 24) & 255) / 255.0};
    }
};

Image decode_png(const std::string& bytes) { return Image{test::decode_png(bytes)}; }

bool near(const Rgba& a, const Rgba& b, double tol = 6 / 255.0) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

struct Rendered {
    MapOptions options;
    Image image;
    Projection proj;
    Viewport view;
    XY page(LonLat p) const { return view.to_page(proj.forward(p)); }
    Rgba at(LonLat p) const {
        XY xy = page(p);
        return image.at(static_cast<int>(xy.x), static_cast<int>(xy.y));
    }
};

// Where a scene puts the case's extent: its drawn frame (whose bottom depends on how many lines the
// credits take) and the case's projection, as the layout does it.
Viewport scene_view(const Scene& scene, const LoadedCase& k, const MapOptions& o) {
    BBox frame{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const Layer& l : scene.layers)
        if (l.id == "frame")
            for (const XY& q : std::get<PathItem>(l.items.front()).rings.front())
                frame = {std::min(frame.min_x, q.x), std::min(frame.min_y, q.y), std::max(frame.max_x, q.x), std::max(frame.max_y, q.y)};
    return Viewport(Projection(o.crs.value_or(k.config.crs)).forward_box(o.extent.value_or(k.config.extent)), frame);
}

Rendered render_default(int w, int h, const MapRequest& request = {}) {
    MapOptions o;
    o.width = w;
    o.height = h;
    const LoadedCase& k = test::kurils();
    Scene scene = build_scene(k, test::default_style(), o, request);
    return {o, decode_png(encode_scene(scene, Format::png)), Projection(k.config.crs), scene_view(scene, k, o)};
}

// Inside with a margin of 0.02° (3-4 px on the default map), clear of the antialiased coastline.
bool deep_inside(const Polygon& poly, LonLat p) {
    const double m = 0.02;
    return contains(poly, p) && contains(poly, {p.lon - m, p.lat}) && contains(poly, {p.lon + m, p.lat}) &&
           contains(poly, {p.lon, p.lat - m}) && contains(poly, {p.lon, p.lat + m});
}

// Points of a grid over a territory's polygons that lie inside them.
std::vector<LonLat> interior_samples(const std::string& territory) {
    std::vector<LonLat> out;
    for (const LandFeature& f : test::kurils().land.features) {
        if (f.territory != territory) continue;
        double x0 = 180, x1 = -180, y0 = 90, y1 = -90;
        for (const LonLat& p : f.shape.outer) {
            x0 = std::min(x0, p.lon), x1 = std::max(x1, p.lon), y0 = std::min(y0, p.lat), y1 = std::max(y1, p.lat);
        }
        // A fixed 0.01° grid (about 1 km, 2 px on the default map), so tiny islets weigh little.
        for (double lon = std::ceil(x0 * 100) / 100; lon < x1; lon += 0.01)
            for (double lat = std::ceil(y0 * 100) / 100; lat < y1; lat += 0.01)
                if (deep_inside(f.shape, {lon, lat})) out.push_back({lon, lat});
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

// Our own PNG encoder: exact for opaque images (written as RGB), within rounding for translucent
// ones (unpremultiplied RGBA), read back by Cairo's decoder.
BOOST_AUTO_TEST_CASE(png_encoder_round_trips_through_cairo) {
    for (bool translucent : {false, true}) {
        const int w = 37, h = 23;  // odd sizes, so that a row stride differs from width * 4
        SurfacePtr in(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
        unsigned char* data = cairo_image_surface_get_data(in.get());
        const int stride = cairo_image_surface_get_stride(in.get());
        uint32_t seed = 12345;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                seed = seed * 1664525u + 1013904223u;
                uint32_t a = translucent ? (seed >> 24) : 255u, px = 0;
                for (int shift : {0, 8, 16}) px |= (((seed >> shift) & 255u) * a / 255u) << shift;  // premultiplied
                px |= a << 24;
                std::memcpy(data + y * stride + x * 4, &px, 4);
            }
        cairo_surface_mark_dirty(in.get());
        const std::string bytes = encode_png_image(in.get());
        BOOST_TEST(bytes.substr(1, 3) == "PNG");
        BOOST_TEST(static_cast<int>(bytes[25]) == (translucent ? 6 : 2));  // IHDR colour type: RGBA or RGB
        Image out = decode_png(bytes);
        BOOST_TEST_REQUIRE(out.width() == w);
        BOOST_TEST_REQUIRE(out.height() == h);
        Image original{std::move(in)};
        int worst = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                Rgba a = original.at(x, y), b = out.at(x, y);
                for (double d : {a.r - b.r, a.g - b.g, a.b - b.b, a.a - b.a})
                    worst = std::max(worst, static_cast<int>(std::lround(std::abs(d) * 255)));
            }
        BOOST_TEST(worst <= (translucent ? 1 : 0), (translucent ? "translucent" : "opaque") << ": " << worst);
    }
}

BOOST_AUTO_TEST_CASE(png_has_the_requested_size) {
    Rendered r = render_default(900, 640);
    BOOST_TEST(r.image.width() == 900);
    BOOST_TEST(r.image.height() == 640);
}

BOOST_AUTO_TEST_CASE(disputed_islands_carry_the_highlight_colour_and_open_sea_does_not) {
    Rendered r = render_default(1600, 1200);
    const Style& style = test::default_style();
    for (const std::string& id : test::kurils().config.territories) {
        auto samples = interior_samples(id);
        BOOST_REQUIRE_MESSAGE(!samples.empty(), id << " has no interior samples");
        int hits = 0;
        for (const LonLat& p : samples) hits += near(r.at(p), style.disputed_fill);
        double share = double(hits) / samples.size();
        BOOST_TEST_MESSAGE(id << ": " << hits << " of " << samples.size() << " interior samples highlighted");
        // Leader lines and label halos may cross a few samples: nearly all, not all.
        BOOST_TEST(share > 0.9, id << " highlighted share " << share);
    }
    for (LonLat sea : {LonLat{145.3, 42.5}, LonLat{144.8, 45.3}, LonLat{149.3, 43.3}}) {
        for (const LandFeature& f : test::kurils().land.features) BOOST_REQUIRE(!contains(f.shape, sea));
        BOOST_TEST(near(r.at(sea), style.sea), "sea at " << sea.lon << "," << sea.lat);
        BOOST_TEST(!near(r.at(sea), style.disputed_fill));
    }
    // Hokkaido is land held by Japan, not highlighted.
    BOOST_TEST(near(r.at({143.5, 43.0}), style.land_fill("JPN")));
}

// Share of a territory's interior samples drawn in `color`.
double share_in_color(const Rendered& r, const std::string& territory, const Rgba& color) {
    auto samples = interior_samples(territory);
    int hits = 0;
    for (const LonLat& p : samples) hits += near(r.at(p), color);
    return samples.empty() ? 0 : double(hits) / samples.size();
}

BOOST_AUTO_TEST_CASE(scenario_map_colours_land_and_sea_by_holder) {
    MapRequest request;
    request.scenario = "two-island";
    Rendered r = render_default(1600, 1200, request);
    const Style& style = test::default_style();
    BOOST_TEST(share_in_color(r, "shikotan", style.party("JPN").accent) > 0.9);
    BOOST_TEST(share_in_color(r, "habomai", style.party("JPN").accent) > 0.9);
    BOOST_TEST(share_in_color(r, "etorofu", style.party("RUS").accent) > 0.9);
    BOOST_TEST(share_in_color(r, "kunashiri", style.party("RUS").accent) > 0.9);
    // Open Pacific south of Hokkaido: Japan's EEZ; Sea of Okhotsk north of Etorofu: Russia's.
    BOOST_TEST(near(r.at({145.3, 42.5}), style.party("JPN").eez));
    BOOST_TEST(near(r.at({146.8, 46.2}), style.party("RUS").eez));
    // Within 12 nm of Shikotan's coast (about 10 km off it): Japan's territorial sea.
    BOOST_TEST(near(r.at({147.05, 43.75}), style.party("JPN").territorial_sea));
}

BOOST_AUTO_TEST_CASE(comparison_map_hatches_what_changes_hands) {
    MapOptions o;
    MapRequest request;
    request.scenario = "two-island";
    request.compare = "four-island";
    const LoadedCase& k = test::kurils();
    Scene scene = build_scene(k, test::default_style(), o, request);
    std::string svg = encode_scene(scene, Format::svg);
    for (const std::string id : {"eez", "territorial-sea", "boundaries", "changes", "figures", "legend"})
        BOOST_TEST(svg.find("<g id=\"layer-" + id + "\"") != std::string::npos, id);
    BOOST_TEST(svg.find("<pattern id=\"hatch-0\"") != std::string::npos);
    BOOST_TEST(svg.find("fill=\"url(#hatch-0)\"") != std::string::npos);
    BOOST_TEST(svg.find("Change from “Two islands") != std::string::npos);
    // Kunashiri changes hands: its pixels carry hatch lines over Russia's accent, not plain accent.
    Rendered r = render_default(1600, 1200, request);
    double plain = share_in_color(r, "kunashiri", test::default_style().party("RUS").accent);
    BOOST_TEST(plain < 0.9, "kunashiri should be hatched, plain share " << plain);
    BOOST_TEST(plain > 0.3, "kunashiri should keep its fill under the hatch, plain share " << plain);
}

Scene overview(const std::string& pov, int w = 1600, int h = 1200) {
    MapOptions o;
    o.width = w;
    o.height = h;
    o.pov = pov;
    return build_scene(test::kurils(), test::default_style(), o);
}

const Layer& layer_named(const Scene& scene, const std::string& id) {
    for (const Layer& l : scene.layers)
        if (l.id == id) return l;
    BOOST_FAIL("no layer " << id);
    throw;
}

// CIEDE2000 as published (Sharma, Wu & Dalal 2005, table 1: pairs 1, 7, 17 and 25), and Lab to
// sRGB and back.
BOOST_AUTO_TEST_CASE(colour_difference_is_ciede2000) {
    struct Pair {
        Lab x, y;
        double de;
    };
    for (const Pair& p : {Pair{{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425}, Pair{{50, 0, 0}, {50, -1, 2}, 2.3669},
                          Pair{{50, 2.5, 0}, {73, 25, -18}, 27.1492}, Pair{{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644}}) {
        BOOST_TEST(std::abs(delta_e(p.x, p.y) - p.de) < 1e-4, delta_e(p.x, p.y) << " for " << p.de);
    }
    const Rgba c{0.2, 0.6, 0.4, 1}, back = from_lab(to_lab(c));
    BOOST_TEST(std::abs(back.r - c.r) + std::abs(back.g - c.g) + std::abs(back.b - c.b) < 1e-6);
    BOOST_TEST(delta_e(Rgba{1, 1, 1, 1}, Rgba{0, 0, 0, 1}) > 99);
}

namespace {

// A scene's open lines of the boundaries and claim lines (each with its pieces).
std::vector<const PathItem*> drawn_lines(const Scene& scene) {
    std::vector<const PathItem*> lines;
    for (const Layer& l : scene.layers)
        if (l.id == "boundaries" || l.id == "claim-lines")
            for (const SceneItem& item : l.items)
                if (const auto* p = std::get_if<PathItem>(&item); p && !p->rings.empty()) lines.push_back(p);
    return lines;
}

// The longest stretch of line a (in pixels, sampled every pixel, inside `frame`) running within `d`
// of line b.
double longest_near(const PathItem& a, const PathItem& b, double d, const BBox& frame) {
    double longest = 0;
    for (const auto& ring : a.rings) {
        double run = 0;
        for (size_t i = 0; i + 1 < ring.size(); ++i) {
            const XY p = ring[i], q = ring[i + 1];
            const double len = std::hypot(q.x - p.x, q.y - p.y);
            const int n = std::max(1, static_cast<int>(len));
            for (int k = 0; k < n; ++k) {
                const XY s{p.x + (q.x - p.x) * (k + 0.5) / n, p.y + (q.y - p.y) * (k + 0.5) / n};
                bool near_b = false;
                for (const auto& other : b.rings)
                    for (size_t j = 0; !near_b && j + 1 < other.size(); ++j) {
                        const XY u = other[j], v = other[j + 1];
                        const double dx = v.x - u.x, dy = v.y - u.y, l2 = dx * dx + dy * dy;
                        const double t = l2 > 0 ? std::clamp(((s.x - u.x) * dx + (s.y - u.y) * dy) / l2, 0.0, 1.0) : 0;
                        near_b = std::hypot(u.x + dx * t - s.x, u.y + dy * t - s.y) < d;
                    }
                const bool inside = s.x > frame.min_x && s.x < frame.max_x && s.y > frame.min_y && s.y < frame.max_y;
                run = near_b && inside ? run + len / n : 0;
                longest = std::max(longest, run);
            }
        }
    }
    return longest;
}

}  // namespace

// Every boundary a point of view draws (and every claim line) can be told from the others, on the
// map and in the legend. Senkaku's neutral view once drew two lines dotted alike; then Taiwan's
// indigo dotted line read as today's near-black dashed one, and
// where China's, Taiwan's and today's lines ran together they were drawn over each other as one
// mixed line. Every line of a view now differs from every other by colour (CIEDE2000 at least 20)
// and by dashes, stands out on the sea and in the legend's panel, and runs beside, not over, a
// line it shares its course with (strokes overlap for a few pixels at most where lines meet).
BOOST_AUTO_TEST_CASE(every_line_of_a_view_differs_by_colour_and_dashes_and_runs_beside_the_others) {
    int pairs = 0;
    for (const std::string style_name : {"default", "dark", "print"})
        for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
            const LoadedCase& loaded = test::built_in_case(id);
            const Style style = read_style(style_file(style_name, CLAIMMAP_DATA_DIR));
            for (const View& view : loaded.config.views) {
                MapOptions o;
                o.pov = view.id;
                const Scene scene = build_scene(loaded, style, o);
                const std::vector<const PathItem*> lines = drawn_lines(scene);
                const BBox frame = *layer_named(scene, "sea").clip;
                const std::string what = style_name + " " + id + " " + view.id;
                BOOST_TEST_REQUIRE(layer_named(scene, "boundaries").items.size() == view.boundaries.size(), what);
                // (An indigo accent vanished on the dark style's sea.)
                for (const PathItem* l : lines) {
                    BOOST_TEST(delta_e(*l->stroke, style.sea) >= 20, what << ": a line is the sea's colour");
                    BOOST_TEST(contrast_ratio(*l->stroke, style.sea) >= 3.0, what << ": a line hardly shows on the sea");
                }
                for (size_t i = 0; i < lines.size(); ++i)
                    for (size_t j = i + 1; j < lines.size(); ++j) {
                        ++pairs;
                        BOOST_TEST(delta_e(*lines[i]->stroke, *lines[j]->stroke) >= 20,
                                   what << ": lines " << i << " and " << j << " differ by ΔE " << delta_e(*lines[i]->stroke, *lines[j]->stroke));
                        BOOST_TEST(lines[i]->dash != lines[j]->dash, what << ": lines " << i << " and " << j << " have the same dashes");
                        // Strokes overlap where centres are nearer than a stroke's width: where lines
                        // meet or cross, not along a shared stretch.
                        const double near = longest_near(*lines[i], *lines[j], lines[i]->stroke_width * 0.9, frame);
                        BOOST_TEST(near < 12 * lines[i]->stroke_width, what << ": lines " << i << " and " << j << " overlap along " << near << " px");
                    }
            }
        }
    BOOST_TEST(pairs >= 12);
}

namespace {

// An overview of the Kurils whose first view draws `lines`, one per boundary of `kinds`.
Scene view_drawing(const std::vector<ViewBoundary>& kinds, const std::vector<std::vector<Ring>>& lines) {
    const LoadedCase& k = test::kurils();
    CaseConfig cc = k.config;
    cc.views.front().boundaries = kinds;
    MapOptions o;
    o.pov = cc.views.front().id;
    MapInputs in{cc, k.land, k.gazetteer, test::default_style()};
    in.view_boundaries = &lines;
    return build_map_scene(in, o);
}

// The distance from p to the nearest segment of `rings`.
double distance_to(const XY& p, const std::vector<std::vector<XY>>& rings) {
    double best = INFINITY;
    for (const auto& r : rings)
        for (size_t i = 0; i + 1 < r.size(); ++i) {
            const XY u = r[i], v = r[i + 1];
            const double dx = v.x - u.x, dy = v.y - u.y, l2 = dx * dx + dy * dy;
            const double t = l2 > 0 ? std::clamp(((p.x - u.x) * dx + (p.y - u.y) * dy) / l2, 0.0, 1.0) : 0;
            best = std::min(best, std::hypot(u.x + dx * t - p.x, u.y + dy * t - p.y));
        }
    return best;
}

}  // namespace

// A boundary of one point, or with a point repeated: the one-point piece read before its start, and
// a repeated point had no direction, stayed where it was while the rest of its line moved aside and
// drew a kink back onto the line it ran beside.
BOOST_AUTO_TEST_CASE(lines_beside_each_other_keep_apart_through_repeated_points_and_one_point_pieces_pass_through) {
    const BBox e = test::kurils().config.extent;
    const double lon = (e.min_x + e.max_x) / 2, top = e.max_y - 0.25 * e.height(), bottom = e.min_y + 0.25 * e.height();
    const std::vector<ViewBoundary> kinds{{"", "A", "dashed", ""}, {"", "B", "solid", ""}, {"", "C", "dotted", ""}, {"", "D", "solid", ""}};
    const std::vector<std::vector<Ring>> lines{{{{lon, top}, {lon, top}, {lon, bottom}}},
                                               {{{lon, top}, {lon, bottom}}},
                                               {{{lon + 1, top}}},
                                               {{{lon + 1, bottom}, {lon + 1, bottom}}}};
    const Scene scene = view_drawing(kinds, lines);
    const Layer& layer = layer_named(scene, "boundaries");
    BOOST_TEST_REQUIRE(layer.items.size() == 4u);
    const PathItem& a = std::get<PathItem>(layer.items[0]);
    const PathItem& b = std::get<PathItem>(layer.items[1]);
    int points = 0;
    for (const auto& ring : a.rings)
        for (const XY& p : ring) {
            ++points;
            BOOST_TEST(distance_to(p, b.rings) >= a.stroke_width, "a point of A at " << p.x << "," << p.y << " is " << distance_to(p, b.rings) << " px from B");
        }
    BOOST_TEST(points >= 2);
    const PathItem& c = std::get<PathItem>(layer.items[2]);
    const PathItem& d = std::get<PathItem>(layer.items[3]);
    BOOST_TEST_REQUIRE(c.rings.size() == 1u);
    BOOST_TEST(c.rings[0].size() == 1u);
    BOOST_TEST_REQUIRE(d.rings.size() == 1u);
    BOOST_TEST(d.rings[0].size() == 2u);
}

// A boundary the view draws nowhere (no geometry) took a colour and a dash pattern from the lines
// after it, which then drew in their second choice.
BOOST_AUTO_TEST_CASE(a_boundary_without_geometry_takes_no_colour_or_dashes_from_the_others) {
    const BBox e = test::kurils().config.extent;
    const double lon = (e.min_x + e.max_x) / 2, top = e.max_y - 0.25 * e.height(), bottom = e.min_y + 0.25 * e.height();
    const ViewBoundary kind{"", "Line", "dashed", ""};
    const std::vector<Ring> line{{{lon, top}, {lon, bottom}}};
    const PathItem alone = std::get<PathItem>(layer_named(view_drawing({kind}, {line}), "boundaries").items.at(0));
    for (const std::vector<Ring>& nothing : {std::vector<Ring>{}, std::vector<Ring>{Ring{}}}) {
        const Scene scene = view_drawing({kind, kind}, {nothing, line});
        const PathItem& drawn = std::get<PathItem>(layer_named(scene, "boundaries").items.at(1));
        BOOST_TEST(to_hex(*drawn.stroke) == to_hex(*alone.stroke));
        BOOST_TEST(drawn.dash == alone.dash);
        int swatches = 0;
        for (const SceneItem& item : layer_named(scene, "legend").items)
            if (const auto* p = std::get_if<PathItem>(&item); p && !p->closed && p->stroke) ++swatches;
        BOOST_TEST(swatches == 1);
    }
}

// Past the eighth line of a map the dash pattern fell back to the line's first choice, one that
// an earlier line already drew.
BOOST_AUTO_TEST_CASE(every_line_of_a_crowded_view_has_its_own_dashes) {
    const BBox e = test::kurils().config.extent;
    const double top = e.max_y - 0.25 * e.height(), bottom = e.min_y + 0.25 * e.height();
    std::vector<ViewBoundary> kinds;
    std::vector<std::vector<Ring>> lines;
    for (int i = 0; i < 20; ++i) {
        kinds.push_back({"", "Line " + std::to_string(i), i % 3 == 0 ? "dashed" : i % 3 == 1 ? "dotted" : "solid", ""});
        const double lon = e.min_x + e.width() * (i + 1) / 22.0;
        lines.push_back({{{lon, top}, {lon, bottom}}});
    }
    const Scene scene = view_drawing(kinds, lines);
    const Layer& layer = layer_named(scene, "boundaries");
    BOOST_TEST_REQUIRE(layer.items.size() == 20u);
    for (size_t i = 0; i < 20; ++i)
        for (size_t j = i + 1; j < 20; ++j)
            BOOST_TEST(std::get<PathItem>(layer.items[i]).dash != std::get<PathItem>(layer.items[j]).dash, "lines " << i << " and " << j);
}

// A party's line must show in the legend too, whose panel is the page's colour: an accent checked
// against the sea alone vanished on a page of its own lightness.
BOOST_AUTO_TEST_CASE(legend_line_swatches_stand_out_on_the_legend_panel_and_the_sea) {
    Style style = read_style(style_file("default", CLAIMMAP_DATA_DIR));
    Rgba grey;
    BOOST_TEST_REQUIRE(parse_color("#8a8f98", grey));
    style.page = grey;  // a grey page round a pale sea: China's green showed on the sea, not on the grey
    const Scene scene = build_scene(test::built_in_case("senkaku"), style, MapOptions{});
    const Layer& legend = layer_named(scene, "legend");
    const PathItem& panel = std::get<PathItem>(legend.items.front());
    BOOST_TEST_REQUIRE(panel.fill.has_value());
    int swatches = 0;
    for (const SceneItem& item : legend.items)
        if (const auto* p = std::get_if<PathItem>(&item); p && !p->closed && p->stroke) {
            ++swatches;
            BOOST_TEST(contrast_ratio(*p->stroke, *panel.fill) >= 3, to_hex(*p->stroke) << " hardly shows on the legend's " << to_hex(*panel.fill));
            BOOST_TEST(contrast_ratio(*p->stroke, style.sea) >= 3, to_hex(*p->stroke) << " hardly shows on the sea");
        }
    BOOST_TEST(swatches == 3);
}

// China's long dash was cut to one dash in a 22 px swatch and read as Japan's plain dash.
BOOST_AUTO_TEST_CASE(a_legend_line_swatch_shows_its_dash_pattern_twice) {
    int swatches = 0;
    for (const std::string id : {"kurils", "takeshima", "senkaku"})
        for (const View& view : test::built_in_case(id).config.views) {
            MapOptions o;
            o.pov = view.id;
            const Scene scene = build_scene(test::built_in_case(id), test::default_style(), o);
            for (const SceneItem& item : layer_named(scene, "legend").items)
                if (const auto* p = std::get_if<PathItem>(&item); p && !p->closed && !p->dash.empty()) {
                    ++swatches;
                    double period = 0;
                    for (double d : p->dash) period += d;
                    const auto& line = p->rings.front();
                    BOOST_TEST(std::hypot(line.back().x - line.front().x, line.back().y - line.front().y) >= 2 * period - 1e-9, id << " " << view.id);
                }
        }
    BOOST_TEST(swatches >= 8);
}

BOOST_AUTO_TEST_CASE(point_of_view_changes_names_title_and_legend_together) {
    struct Expect {
        std::string pov, title, first_name, legend;
    };
    for (const Expect& e : {Expect{"neutral", "Southern Kurils / Northern Territories", "Etorofu / Iturup", "Disputed: held by Russia"},
                            Expect{"japan", "Northern Territories (Southern Kurils)", "<tspan xml:lang=\"ja\">択捉島</tspan> Etorofu", "Northern Territories: claimed by Japan"},
                            Expect{"russia", "Southern Kurils (Northern Territories)", "<tspan xml:lang=\"ru\">Итуруп</tspan> Iturup", "Southern Kurils: Russian territory"}}) {
        std::string svg = encode_scene(overview(e.pov), Format::svg);
        BOOST_TEST(svg.find(">" + e.title + "</text>") != std::string::npos, e.pov);
        BOOST_TEST(svg.find(">" + e.first_name + "</text>") != std::string::npos, e.pov);
        BOOST_TEST(svg.find(e.legend) != std::string::npos, e.pov);
        // Both languages stay on the map whatever the point of view.
        BOOST_TEST(svg.find("択捉島") != std::string::npos, e.pov);
        BOOST_TEST(svg.find("Итуруп") != std::string::npos, e.pov);
    }
    BOOST_CHECK_THROW(overview("martian"), Error);
}

// Text boxes of each label (two stacked lines) in the labels layer.
std::vector<BBox> label_boxes(const Scene& scene) {
    std::vector<BBox> boxes;
    const Layer& labels = layer_named(scene, "labels");
    std::vector<const TextItem*> texts;
    for (const SceneItem& item : labels.items)
        if (const auto* t = std::get_if<TextItem>(&item)) texts.push_back(t);
    for (size_t i = 0; i + 1 < texts.size(); i += 2) {
        BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const TextItem* t : {texts[i], texts[i + 1]}) {
            TextExtent e = measure_text(t->text, t->font);
            b = {std::min(b.min_x, t->origin.x), std::min(b.min_y, t->origin.y), std::max(b.max_x, t->origin.x + e.width),
                 std::max(b.max_y, t->origin.y + e.height)};
        }
        boxes.push_back(b);
    }
    return boxes;
}

BOOST_AUTO_TEST_CASE(labels_do_not_collide_and_disputed_territories_are_never_dropped) {
    const LoadedCase& k = test::kurils();
    for (const std::string pov : {"neutral", "japan", "russia"})
        for (auto [w, h] : {std::pair{1600, 1200}, std::pair{1200, 675}, std::pair{800, 800}}) {
            MapOptions o;
            o.width = w, o.height = h, o.pov = pov;
            Scene scene = build_scene(k, test::default_style(), o);
            std::vector<BBox> boxes = label_boxes(scene);
            for (size_t i = 0; i < boxes.size(); ++i)
                for (size_t j = i + 1; j < boxes.size(); ++j) {
                    const BBox &a = boxes[i], &b = boxes[j];
                    bool overlap = a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
                    BOOST_TEST(!overlap, pov << " " << w << "x" << h << ": labels " << i << " and " << j << " overlap");
                }
            std::string svg = encode_scene(scene, Format::svg);
            for (const std::string& id : k.config.territories) {
                const Place* p = k.gazetteer.find(id);
                BOOST_TEST(svg.find(*p->names.find("ja")) != std::string::npos, pov << " " << w << "x" << h << " lost " << id);
            }
            // No label box covers a pixel of disputed land.
            Projection proj(k.config.crs);
            Viewport view = scene_view(scene, k, o);
            for (const LandFeature& f : k.land.features) {
                if (f.territory.empty()) continue;
                for (const LonLat& v : f.shape.outer) {
                    XY p = view.to_page(proj.forward(v));
                    for (const BBox& b : boxes)
                        BOOST_TEST(!(p.x > b.min_x && p.x < b.max_x && p.y > b.min_y && p.y < b.max_y),
                                   pov << " " << w << "x" << h << ": a label covers " << f.territory);
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(north_arrow_points_to_true_north_at_the_map_centre) {
    for (double centre_lon : {146.5, 141.0, 152.0}) {
        MapOptions o;
        o.extent = BBox{centre_lon - 3, 42.5, centre_lon + 3, 46.5};
        const LoadedCase& k = test::kurils();
        Scene scene = build_scene(k, test::default_style(), o);
        const Layer& arrow = layer_named(scene, "north-arrow");
        // The dark half is {tip, notch, left}: tip minus notch is the arrow's direction.
        const auto& ring = std::get<PathItem>(arrow.items.front()).rings.front();
        double drawn = std::atan2(ring[0].x - ring[1].x, -(ring[0].y - ring[1].y)) * 180 / M_PI;
        // Independently: where a point 10 km due north (geodesic) of the centre lands on the page.
        Projection proj(k.config.crs);
        Viewport view = scene_view(scene, k, o);
        XY c{(view.frame().min_x + view.frame().max_x) / 2, (view.frame().min_y + view.frame().max_y) / 2};
        LonLat g = proj.inverse(view.to_projected(c));
        XY n = view.to_page(proj.forward(geodesic_destination(g, 0, 10000)));
        double expected = std::atan2(n.x - c.x, -(n.y - c.y)) * 180 / M_PI;
        BOOST_TEST(std::abs(drawn - expected) < 0.5, "centre " << centre_lon << ": drawn " << drawn << "°, north " << expected << "°");
        if (centre_lon != 146.5) BOOST_TEST(std::abs(expected) > 2.0, "off the central meridian north is not straight up");
    }
}

BOOST_AUTO_TEST_CASE(furniture_can_be_switched_off) {
    MapOptions o;
    o.inset = o.north_arrow = o.legend = o.scale_bar = o.graticule = false;
    Scene scene = build_scene(test::kurils(), test::default_style(), o);
    for (const Layer& l : scene.layers)
        for (const std::string off : {"inset", "north-arrow", "legend", "scale-bar", "graticule", "graticule-labels"}) BOOST_TEST(l.id != off);
    Scene full = overview("neutral");
    for (const std::string on : {"inset", "north-arrow", "legend", "scale-bar", "graticule", "credits"})
        BOOST_TEST(layer_named(full, on).items.size() > 0u, on);
}

BOOST_AUTO_TEST_CASE(svg_has_one_group_per_layer_and_pdf_is_a_pdf) {
    MapOptions o;
    const LoadedCase& k = test::kurils();
    Scene scene = build_map_scene({k.config, k.land, k.gazetteer, test::default_style()}, o);
    std::string svg = encode_scene(scene, Format::svg);
    for (const Layer& layer : scene.layers) {
        std::string open = "<g id=\"layer-" + layer.id + "\"";
        auto first = svg.find(open);
        BOOST_TEST(first != std::string::npos, layer.id);
        BOOST_TEST(svg.find(open, first + 1) == std::string::npos, layer.id << " appears twice");
    }
    for (const std::string id : {"sea", "land", "disputed", "labels", "legend", "title", "credits"})
        BOOST_TEST(svg.find("<g id=\"layer-" + id + "\"") != std::string::npos, id);
    // Text stays text, in all three scripts.
    BOOST_TEST(svg.find(">Etorofu / Iturup</text>") != std::string::npos);
    // Each name in its own language, so that shaping and SVG readers pick its glyph forms.
    BOOST_TEST(svg.find("<tspan xml:lang=\"ja\">択捉島</tspan> · <tspan xml:lang=\"ru\">Итуруп</tspan>") != std::string::npos);
    BOOST_TEST(svg.find("OpenStreetMap contributors") != std::string::npos);
    std::string pdf = encode_scene(scene, Format::pdf);
    BOOST_TEST(pdf.rfind("%PDF-", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(same_inputs_give_the_same_bytes) {
    MapOptions o;
    o.width = 800;
    o.height = 600;
    const LoadedCase& k = test::kurils();
    MapInputs in{k.config, k.land, k.gazetteer, test::default_style()};
    for (Format f : {Format::png, Format::svg, Format::pdf})
        BOOST_TEST(encode_scene(build_map_scene(in, o), f) == encode_scene(build_map_scene(in, o), f),
                   format_extension(f));
}

// On a scenario map a party's land, territorial sea and EEZ lie side by side: no two of them may
// look alike, in any shipped style, for parties with their own colours and for palette ones.
BOOST_AUTO_TEST_CASE(every_style_keeps_a_partys_land_and_sea_zones_apart) {
    auto apart = [](const Rgba& a, const Rgba& b) {  // Euclidean distance in 0-255 sRGB steps
        return 255 * std::sqrt((a.r - b.r) * (a.r - b.r) + (a.g - b.g) * (a.g - b.g) + (a.b - b.b) * (a.b - b.b));
    };
    int styles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(CLAIMMAP_DATA_DIR) / "styles")) {
        if (entry.path().extension() != ".toml") continue;
        ++styles;
        for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
            const CaseConfig& cc = test::built_in_case(id).config;
            std::vector<std::string> parties;
            for (const Party& p : cc.parties) parties.push_back(p.id);
            Style s = with_party_colours(read_style(entry.path()), parties);
            for (const std::string& p : parties) {
                const PartyStyle& c = s.party(p);
                const std::string what = entry.path().filename().string() + " " + p;
                BOOST_TEST(apart(c.land, c.eez) >= 12, what << ": land and EEZ alike");
                BOOST_TEST(apart(c.land, c.territorial_sea) >= 12, what << ": land and territorial sea alike");
                BOOST_TEST(apart(c.eez, c.territorial_sea) >= 12, what << ": EEZ and territorial sea alike");
            }
        }
    }
    BOOST_TEST(styles >= 3);
}

// The degree figures along the frame are drawn over the land, give way to place labels (Takeshima's "130°E" sat on the
// Korea Strait's name) and keep clear of the scale bar, whose figures they would read as.
BOOST_AUTO_TEST_CASE(degree_labels_give_way_to_place_labels_and_the_scale_bar) {
    auto text_boxes = [](const Layer& layer) {
        std::vector<BBox> boxes;
        for (const SceneItem& item : layer.items)
            if (const auto* t = std::get_if<TextItem>(&item)) {
                TextExtent e = measure_text(t->text, t->font);
                boxes.push_back({t->origin.x, t->origin.y, t->origin.x + e.width, t->origin.y + e.height});
            }
        return boxes;
    };
    auto meet = [](const BBox& a, const BBox& b, double gap) {
        return a.min_x < b.max_x + gap && b.min_x < a.max_x + gap && a.min_y < b.max_y + gap && b.min_y < a.max_y + gap;
    };
    int degree_labels = 0;
    for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        ClaimCache cache(loaded);
        for (const std::string& lang : loaded.config.languages)
            for (bool scenario : {false, true}) {
                MapOptions o;
                o.lang = lang;
                MapRequest request;
                if (scenario) request.scenario = loaded.scenarios.baseline;
                cache.prepare(loaded, o, request);
                Scene scene = build_scene(loaded, test::default_style(), o, request, cache);
                std::vector<BBox> labels = text_boxes(layer_named(scene, "labels"));
                const Layer& bar = layer_named(scene, "scale-bar");
                BBox bar_box{INFINITY, INFINITY, -INFINITY, -INFINITY};
                for (const SceneItem& item : bar.items)
                    if (const auto* p = std::get_if<PathItem>(&item))
                        for (const auto& ring : p->rings)
                            for (const XY& q : ring)
                                bar_box = {std::min(bar_box.min_x, q.x), std::min(bar_box.min_y, q.y), std::max(bar_box.max_x, q.x), std::max(bar_box.max_y, q.y)};
                // The figures are drawn over the land (Taiwan's coast hid "120°E"), the lines under it.
                size_t land_at = 0, figures_at = 0;
                for (size_t i = 0; i < scene.layers.size(); ++i) {
                    if (scene.layers[i].id == "land") land_at = i;
                    if (scene.layers[i].id == "graticule-labels") figures_at = i;
                }
                BOOST_TEST(figures_at > land_at, id << " " << lang);
                BOOST_TEST(text_boxes(layer_named(scene, "graticule")).empty());
                for (const BBox& d : text_boxes(layer_named(scene, "graticule-labels"))) {
                    ++degree_labels;
                    const std::string what = fmt::format("{} {}{}: degree label at {:.0f},{:.0f}", id, lang, scenario ? " scenario" : "", d.min_x, d.min_y);
                    for (const BBox& l : labels) BOOST_TEST(!meet(d, l, 0), what << " on a place label");
                    for (const BBox& t : text_boxes(bar)) BOOST_TEST(!meet(d, t, 5), what << " at the scale bar's figures");
                    BOOST_TEST(!meet(d, bar_box, 5), what << " at the scale bar");
                }
            }
    }
    BOOST_TEST(degree_labels >= 20);
}

// With three parties the legend names the pairs whose median lines are drawn; the scenario after
// them must not read as one more pair ("..., China–Taiwan, China's claim" did).
BOOST_AUTO_TEST_CASE(median_line_legend_lists_the_pairs_then_the_scenario) {
    MapRequest request;
    request.scenario = "china-claim";
    for (const auto& [lang, words] : std::vector<std::pair<std::string, std::string>>{
             {"en", "Median lines Japan–China, Japan–Taiwan and China–Taiwan: China’s claim"},
             {"zh-Hant", "日本—中國、日本—臺灣及中國—臺灣中線：中國的主張"}}) {
        MapOptions o;
        o.lang = lang;
        std::string svg = encode_scene(build_scene(test::built_in_case("senkaku"), test::default_style(), o, request), Format::svg);
        BOOST_TEST(svg.find(">" + words + "</text>") != std::string::npos, lang);
    }
}

// Disputed land a few pixels across gets a ring round it (the Liancourt Rocks and the Senkakus
// were a dot under a leader line); the Kuril islands, large enough to see, get none.
BOOST_AUTO_TEST_CASE(disputed_land_too_small_to_see_is_ringed) {
    for (const auto& [id, rings_wanted] : std::vector<std::pair<std::string, bool>>{{"kurils", false}, {"takeshima", true}, {"senkaku", true}}) {
        Scene scene = build_scene(test::built_in_case(id), test::default_style(), MapOptions{});
        std::vector<BBox> rings;
        for (const Layer& l : scene.layers)
            if (l.id == "disputed-markers")
                for (const SceneItem& item : l.items) {
                    const auto& p = std::get<PathItem>(item);
                    BOOST_TEST(!p.fill.has_value(), id << ": a ring hides what it marks");
                    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
                    for (const XY& q : p.rings.at(0)) b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
                    rings.push_back(b);
                }
        BOOST_TEST(rings.empty() != rings_wanted, id);
        if (!rings_wanted) continue;
        // Every point of disputed land lies inside a ring.
        for (const SceneItem& item : layer_named(scene, "disputed").items)
            for (const auto& ring : std::get<PathItem>(item).rings)
                for (const XY& q : ring)
                    BOOST_TEST(std::any_of(rings.begin(), rings.end(), [&](const BBox& b) { return q.x > b.min_x && q.x < b.max_x && q.y > b.min_y && q.y < b.max_y; }),
                               id << ": disputed land at " << q.x << "," << q.y << " outside every ring");
    }
}

// The median lines of an overview stop where the computed region ends (a portrait page shows open
// sea beyond it): the credits say where zones and lines were computed, as on scenario maps.
BOOST_AUTO_TEST_CASE(an_overview_with_median_lines_says_where_they_were_computed) {
    MapOptions o;
    o.width = 1240;
    o.height = 1754;
    std::string svg = encode_scene(build_scene(test::kurils(), test::default_style(), o), Format::svg);
    BOOST_TEST(svg.find("within 139–157°E, 41–55°N") != std::string::npos);
    o.pov = "russia";  // one line, as Russia holds the islands
    svg = encode_scene(build_scene(test::kurils(), test::default_style(), o), Format::svg);
    BOOST_TEST(svg.find("within 139–157°E, 41–55°N") != std::string::npos);
}

// Islets changing hands: well under a km², written with a decimal on both sides ("+0" beside "0"
// said nothing, and not even the same nothing).
BOOST_AUTO_TEST_CASE(figures_under_half_a_square_kilometre_keep_a_decimal) {
    MapRequest request;
    request.scenario = "japan-claim";
    Scene scene = build_scene(test::built_in_case("takeshima"), test::default_style(), MapOptions{}, request);
    std::vector<std::string> cells;
    for (const SceneItem& item : layer_named(scene, "figures").items)
        if (const auto* t = std::get_if<TextItem>(&item)) cells.push_back(t->text);
    BOOST_TEST((std::find(cells.begin(), cells.end(), "+0.2") != cells.end()));
    BOOST_TEST((std::find(cells.begin(), cells.end(), "\u22120.2") != cells.end()));
    BOOST_TEST((std::find(cells.begin(), cells.end(), "+0") == cells.end()));
}

// Negative figures on a map are typeset with the minus sign (U+2212), as wide as the plus and
// not a hyphen, in every language; the tables read by programs keep the ASCII hyphen-minus.
BOOST_AUTO_TEST_CASE(signed_figures_on_maps_use_the_minus_sign_and_tables_keep_ascii) {
    const std::string minus = "\u2212";
    for (const std::string lang : {"en", "ja", "ru"}) {
        BOOST_TEST_CONTEXT(lang) {
            MapRequest request;
            request.scenario = "two-island";
            request.compare = "four-island";
            MapOptions o;
            o.lang = lang;
            Scene scene = build_scene(test::kurils(), test::default_style(), o, request);
            int negative = 0;
            for (const SceneItem& item : layer_named(scene, "figures").items)
                if (const auto* t = std::get_if<TextItem>(&item)) {
                    BOOST_TEST(!std::regex_search(t->text, std::regex("(^|[^A-Za-z])-[0-9]")), "a hyphen for a minus in \"" << t->text << "\"");
                    if (t->text.starts_with(minus)) ++negative;
                }
            BOOST_TEST(negative > 0, "no negative figure on the comparison map");
        }
    }
    const Catalog& ru = catalog(CLAIMMAP_DATA_DIR, "ru");
    BOOST_TEST(ru.number(-1234.5, 1, {.sign = true, .minus_sign = true}) == minus + "1\u00a0234,5");
    BOOST_TEST(ru.plain(-4.5, {.minus_sign = true}) == minus + "4,5");
    BOOST_TEST(ru.number(-1234.5, 1, {.group = false}) == "-1234,5");
    Comparison c;
    c.baseline = "status-quo";
    c.rows.push_back({"two-island", "Two islands", "RUS", 100, 200, 300, -12.5, -1234.5, -0.2});
    for (TableFormat f : {TableFormat::csv, TableFormat::json, TableFormat::markdown, TableFormat::table}) {
        const std::string out = format_comparison(c, f);
        BOOST_TEST(out.find("-12.5") != std::string::npos, out);
        BOOST_TEST(out.find(minus) == std::string::npos, out);
    }
}

// A name written alike in two languages stands once: on Taiwan's map "浙江省 Zhejiang" had
// "浙江省" (Japanese and simplified Chinese) again on its second line.
BOOST_AUTO_TEST_CASE(a_name_written_alike_in_two_languages_stands_once) {
    MapOptions o;
    o.pov = "taiwan";
    Scene scene = build_scene(test::built_in_case("senkaku"), test::default_style(), o);
    std::vector<std::string> lines;
    for (const SceneItem& item : layer_named(scene, "labels").items)
        if (const auto* t = std::get_if<TextItem>(&item)) lines.push_back(t->text);
    int checked = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i)
        for (const std::string name : {"浙江省", "福建省", "八重山列島"})
            if (lines[i].starts_with(name + " ")) {
                BOOST_TEST(lines[i + 1].find(name) == std::string::npos, lines[i] << " / " << lines[i + 1]);
                ++checked;
            }
    BOOST_TEST(checked == 3);
}

// An overview map is the same, byte for byte, whatever was drawn before it in the process. Its
// median lines once depended on where the heap had put CGAL's triangles (the triangulation reports
// each edge from the face at the lower address), and a scenario map, whose model runs a worker
// thread, leaves the heap differently each time.
BOOST_AUTO_TEST_CASE(an_overview_map_is_byte_identical_after_scenario_maps) {
    const LoadedCase& loaded = test::built_in_case("takeshima");
    MapOptions o;
    o.width = 800;
    o.height = 600;
    const std::string first = encode_scene(build_scene(loaded, test::default_style(), o), Format::png);
    MapRequest request;
    request.scenario = "japan-claim";
    for (int round = 0; round < 3; ++round) {
        encode_scene(build_scene(loaded, test::default_style(), o, request), Format::png);
        const std::string again = encode_scene(build_scene(loaded, test::default_style(), o), Format::png);
        BOOST_TEST((again == first), "round " << round << ": the overview map changed after a scenario map");
    }
}

// The same, made reliable: between two computations of the median lines the heap is left with
// holes of many sizes in a shuffled order, so that the triangulation's blocks land at addresses in
// another order than the first time. The lines must not change by a bit.
BOOST_AUTO_TEST_CASE(median_lines_do_not_depend_on_where_the_heap_puts_the_triangulation) {
    const LoadedCase& loaded = test::built_in_case("takeshima");
    std::vector<const Scenario*> scenarios;
    for (const ViewBoundary& b : loaded.config.view("neutral").boundaries) scenarios.push_back(loaded.scenarios.find(b.scenario));
    BOOST_REQUIRE(!scenarios.empty());
    auto compute = [&] {
        MedianLines lines(loaded);
        std::vector<MultiLineXY> out;
        for (const Scenario* s : scenarios) {
            BOOST_REQUIRE(s);
            std::optional<MultiLineXY> l = lines.between(*s);
            BOOST_REQUIRE(l.has_value());
            out.push_back(std::move(*l));
        }
        return out;
    };
    auto same = [](const std::vector<MultiLineXY>& a, const std::vector<MultiLineXY>& b) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (a[i].size() != b[i].size()) return false;
            for (size_t j = 0; j < a[i].size(); ++j) {
                if (a[i][j].size() != b[i][j].size()) return false;
                for (size_t k = 0; k < a[i][j].size(); ++k)
                    if (a[i][j][k].x != b[i][j][k].x || a[i][j][k].y != b[i][j][k].y) return false;
            }
        }
        return true;
    };
    const std::vector<MultiLineXY> first = compute();
    size_t points = 0;
    for (const MultiLineXY& m : first)
        for (const PathXY& l : m) points += l.size();
    BOOST_TEST(points > 10);
    std::minstd_rand random(1);
    for (int round = 0; round < 8; ++round) {
        // Blocks of 1 KB up to 32 to 128 KB in a shuffled order, every second or third one freed.
        std::vector<std::unique_ptr<char[]>> blocks;
        const size_t largest = size_t(32 * 1024) << (round % 3);
        for (int i = 0; i < 500 + 400 * round; ++i) {
            const size_t size = 1024 + random() % largest;
            blocks.emplace_back(new char[size]);
            blocks.back()[0] = char(i);
        }
        for (size_t i = round % 2; i < blocks.size(); i += 2 + round % 2) blocks[i].reset();
        BOOST_TEST(same(compute(), first), "round " << round << ": the median lines changed");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(event_maps)

BOOST_AUTO_TEST_CASE(event_map_has_callout_venue_inset_timeline_and_the_scenario_on_the_table) {
    const LoadedCase& k = test::kurils();
    MapRequest request;
    request.event = "singapore-abe-putin-2018";
    MapOptions o;
    Scene scene = build_scene(k, test::default_style(), o, request);
    std::string svg = encode_scene(scene, Format::svg);
    for (const std::string id : {"event-callout", "venue-inset", "timeline", "eez", "boundaries"})
        BOOST_TEST(svg.find("<g id=\"layer-" + id + "\"") != std::string::npos, id);
    BOOST_TEST(svg.find(">14 November 2018</text>") != std::string::npos);
    BOOST_TEST(svg.find("Singapore") != std::string::npos);
    BOOST_TEST(svg.find("Shinzo Abe") != std::string::npos);
    // The subtitle says who met (roles stay in the callout); the callout says what happened, once.
    BOOST_TEST(svg.find(">Summit: Shinzo Abe (Japan) and Vladimir Putin (Russia)</text>") != std::string::npos);
    const std::string summary = k.events.find("singapore-abe-putin-2018")->summary;
    BOOST_TEST(svg.find(summary.substr(0, 40)) == svg.rfind(summary.substr(0, 40)), "the summary appears twice");
    BOOST_TEST(svg.find("On the table: two islands") != std::string::npos);
    BOOST_TEST(svg.find("Source: ") != std::string::npos);
    // The venue's distance on the inset is the geodesic one.
    const Venue* v = k.venues.find("singapore");
    BOOST_TEST_REQUIRE(v != nullptr);
    LonLat islands{0, 0};
    size_t n = 0;
    for (const LandFeature& f : k.land.features)
        if (!f.territory.empty())
            for (const LonLat& p : f.shape.outer) islands.lon += p.lon, islands.lat += p.lat, ++n;
    islands = {islands.lon / n, islands.lat / n};
    std::string km = fmt::format("{:.0f} km", geodesic_distance_m(islands, v->lonlat) / 1000);
    BOOST_TEST(svg.find("Singapore · " + km) != std::string::npos, km);
    // The timeline has a dot per event after the axis break, one of them highlighted (larger).
    const Layer& timeline = render::layer_named(scene, "timeline");
    int dots = 0;
    for (const SceneItem& item : timeline.items)
        if (const auto* p = std::get_if<PathItem>(&item); p && p->fill && p->rings.size() == 1 && p->rings[0].size() == 24) ++dots;
    int recent = 0;
    for (const Event& e : k.events.events) recent += e.date.year >= k.events.events.back().date.year - 10;
    BOOST_TEST(dots == recent);
    // Under the two-island scenario Shikotan is drawn in Japan's accent.
    BOOST_TEST(svg.find(to_hex(test::default_style().party("JPN").accent)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(event_without_a_scenario_and_unknown_event) {
    MapRequest request;
    request.event = "harada-morgulov-tokyo-2016";
    Scene scene = build_scene(test::kurils(), test::default_style(), MapOptions{}, request);
    for (const Layer& l : scene.layers) BOOST_TEST(l.id != "eez", "an event with no scenario draws no zones");
    std::string svg = encode_scene(scene, Format::svg);
    BOOST_TEST(svg.find("On the table: no settlement scenario named") != std::string::npos);
    request.event = "yalta-1945";
    try {
        build_scene(test::kurils(), test::default_style(), MapOptions{}, request);
        BOOST_FAIL("unknown event accepted");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find("events.toml: has no event 'yalta-1945'") != std::string::npos, e.what());
    }
}

// A visit to the disputed islets themselves: the inset names the place, with no "1 km" measured
// from the islets' centre and no great circle; a venue far away keeps both.
BOOST_AUTO_TEST_CASE(venue_inset_gives_no_distance_for_a_visit_to_the_territory_itself) {
    auto inset_text = [](const LoadedCase& loaded, const std::string& event) {
        MapRequest request;
        request.event = event;
        std::string all;
        // The scene must outlive the loop: a temporary in the range expression would be freed first.
        const Scene scene = build_scene(loaded, test::default_style(), MapOptions{}, request);
        for (const SceneItem& item : render::layer_named(scene, "venue-inset").items)
            if (const auto* t = std::get_if<TextItem>(&item)) all += t->text + "\n";
        return all;
    };
    const std::string at_the_rocks = inset_text(test::built_in_case("takeshima"), "lee-visit-2012");
    BOOST_TEST(at_the_rocks == test::built_in_case("takeshima").config.view("neutral").title + "\n");
    BOOST_TEST(inset_text(test::built_in_case("takeshima"), "icj-refusal-2012").find(" km") != std::string::npos);
}

// A visit to the disputed territory itself is named as the point of view names the territory, in
// the reader's language: a language's own name of the islets is one side's (ko 독도, ja 竹島), which
// a neutral map must not give as the place. The title, which names the territory already, does not
// name it twice.
BOOST_AUTO_TEST_CASE(a_visit_to_the_territory_is_named_as_the_view_names_it) {
    const LoadedCase& t = test::built_in_case("takeshima");
    for (const std::string lang : {"en", "ja", "ko"})
        for (const View& view : t.config.views) {
            BOOST_TEST_CONTEXT(lang << " " << view.id) {
                const std::string view_title = case_text(t, lang).get("view." + view.id + ".title", view.title);
                MapRequest request;
                request.event = "lee-visit-2012";
                MapOptions o;
                o.lang = lang;
                o.pov = view.id;
                const Scene scene = build_scene(t, test::default_style(), o, request);
                std::string caption;
                for (const SceneItem& item : render::layer_named(scene, "event-callout").items)
                    if (const auto* text = std::get_if<TextItem>(&item)) {
                        caption = text->text;
                        break;
                    }
                const std::string date = catalog(CLAIMMAP_DATA_DIR, lang).date(t.events.find("lee-visit-2012")->date);
                // The caption's place follows the date (it may wrap: compare its start).
                BOOST_TEST(caption.find(view_title.substr(0, 6)) != std::string::npos, caption << " / " << view_title);
                if (view.id == "neutral" && lang != "en") {
                    const std::string* own = t.venues.find("liancourt-rocks")->names.find(lang);
                    BOOST_TEST_REQUIRE(own != nullptr);
                    BOOST_TEST(caption.find(date + (lang == "ja" ? "、" : ", ") + *own) == std::string::npos, caption);
                }
                BOOST_TEST(scene.title.find(view_title) == scene.title.rfind(view_title), scene.title);
            }
        }
}

// Only a venue on the territory is the territory: a town across the strait, nearer the territory's
// centre than 100 km (Ulleungdo is 87 km from the Liancourt Rocks), keeps its own name.
BOOST_AUTO_TEST_CASE(a_town_across_the_strait_is_not_the_territory) {
    LoadedCase t = test::built_in_case("takeshima");
    Venue* seoul = nullptr;
    for (Venue& v : t.venues.venues)
        if (v.id == "seoul") seoul = &v;
    BOOST_TEST_REQUIRE(seoul != nullptr);
    const std::string view_title = t.config.view("neutral").title;
    auto caption_of = [&](LonLat at) {
        seoul->lonlat = at;
        MapRequest request;
        request.event = "icj-proposal-2012";
        const Scene scene = build_scene(t, test::default_style(), MapOptions{}, request);
        for (const SceneItem& item : render::layer_named(scene, "event-callout").items)
            if (const auto* text = std::get_if<TextItem>(&item)) return text->text;
        return std::string();
    };
    const std::string across = caption_of({130.905, 37.484});  // Ulleung-eup, Ulleungdo
    BOOST_TEST(across.find(seoul->name) != std::string::npos, across);
    BOOST_TEST(across.find(view_title.substr(0, 10)) == std::string::npos, across);
    const Venue& rocks = *t.venues.find("liancourt-rocks");
    const std::string on = caption_of(rocks.lonlat);
    BOOST_TEST(on.find(view_title.substr(0, 10)) != std::string::npos, on);
}

// On the timeline map a visit to the territory itself is counted under the territory's own label,
// not labelled a second time as a venue in each side's words ("Liancourt Rocks 竹島 독도" beside
// "Liancourt Rocks (Dokdo / Takeshima)").
BOOST_AUTO_TEST_CASE(the_timeline_counts_visits_to_the_territory_under_its_own_label) {
    const LoadedCase& t = test::built_in_case("takeshima");
    MapRequest request;
    request.timeline = true;
    const Scene scene = build_scene(t, test::default_style(), MapOptions{}, request);
    const Venue& rocks = *t.venues.find("liancourt-rocks");
    const View& view = t.config.view("neutral");
    std::vector<std::string> texts;
    for (const SceneItem& item : render::layer_named(scene, "event-venues").items)
        if (const auto* text = std::get_if<TextItem>(&item)) texts.push_back(text->text);
    for (const std::string& text : texts)
        for (const auto& [key, name] : rocks.names.by_key)
            if (text != view.title)
                BOOST_TEST(!(text.starts_with(name + " ") || text == name), "a venue label for the territory: " << text);
    auto title = std::find(texts.begin(), texts.end(), view.title);
    BOOST_TEST_REQUIRE((title != texts.end()));
    BOOST_TEST_REQUIRE((title + 1 != texts.end()));
    BOOST_TEST(*(title + 1) == "1 event");
}

// No line of the timeline map (great circles, leaders) runs through a name on it: a label goes on
// a side no line takes, or, where every side is taken, the line stops short of it (a knock-out).
// Checked on the scene: no segment of an open line enters a label's box (Moscow's name was crossed
// by the line to Sochi, the islands' name by the line to Buenos Aires).
// Every built-in case's timeline map in each of its languages (default style).
void each_timeline_map(const std::function<void(const std::string& id, const std::string& lang, const Scene&)>& check) {
    for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        for (const std::string& lang : loaded.config.languages) {
            MapRequest request;
            request.timeline = true;
            MapOptions o;
            o.lang = lang;
            check(id, lang, build_scene(loaded, test::default_style(), o, request));
        }
    }
}

BOOST_AUTO_TEST_CASE(no_line_of_the_timeline_map_crosses_a_label) {
    // Whether the segment a-b enters the box (Liang-Barsky).
    auto enters = [](XY a, XY b, const BBox& box) {
        double t0 = 0, t1 = 1;
        const double d[2] = {b.x - a.x, b.y - a.y};
        const double lo[2] = {box.min_x - a.x, box.min_y - a.y}, hi[2] = {box.max_x - a.x, box.max_y - a.y};
        for (int k = 0; k < 2; ++k) {
            if (d[k] == 0) {
                if (lo[k] >= 0 || hi[k] <= 0) return false;
                continue;
            }
            double u = lo[k] / d[k], v = hi[k] / d[k];
            if (u > v) std::swap(u, v);
            t0 = std::max(t0, u), t1 = std::min(t1, v);
        }
        return t0 < t1;
    };
    int labels = 0, lines = 0;
    each_timeline_map([&](const std::string& id, const std::string& lang, const Scene& scene) {
            const Layer& venues = render::layer_named(scene, "event-venues");
            std::vector<std::pair<std::string, BBox>> boxes;
            for (const SceneItem& item : venues.items)
                if (const auto* t = std::get_if<TextItem>(&item)) {
                    TextExtent e = measure_text(t->text, t->font, t->langs);
                    // The glyphs' box, less half a pixel: a leader may end on its label's edge.
                    boxes.push_back({t->text, {t->origin.x + 0.5, t->origin.y + 0.5, t->origin.x + e.width - 0.5, t->origin.y + e.height - 0.5}});
                }
            labels += static_cast<int>(boxes.size());
            for (const SceneItem& item : venues.items)
                if (const auto* p = std::get_if<PathItem>(&item); p && !p->closed)
                    for (const auto& line : p->rings) {
                        ++lines;
                        for (size_t i = 0; i + 1 < line.size(); ++i)
                            for (const auto& [text, box] : boxes)
                                BOOST_TEST(!enters(line[i], line[i + 1], box),
                                           id << " " << lang << ": a line crosses '" << text << "' at (" << line[i].x << ", " << line[i].y << ")");
                    }
    });
    BOOST_TEST(labels >= 20);
    BOOST_TEST(lines >= 10);
}

// Vladivostok's name sat far above its dot on a long leader although there was room beside it.
// Every venue label of every case and language sits next to its dot (its box within 12 px of the
// disc) unless no spot next to it is free, and then it has a leader; every venue's line reaches its dot.
BOOST_AUTO_TEST_CASE(timeline_venue_labels_sit_next_to_their_dots) {
    int labels = 0;
    each_timeline_map([&](const std::string& id, const std::string& lang, const Scene& scene) {
            const Layer& venues = render::layer_named(scene, "event-venues");
            const BBox frame = *venues.clip;
            struct Dot {
                XY c;
                double r;
            };
            std::vector<Dot> dots;
            std::vector<BBox> texts;
            std::vector<std::vector<XY>> lines;  // arcs and leaders
            std::vector<std::pair<BBox, const TextItem*>> venue_labels;
            for (const SceneItem& item : venues.items)
                if (const auto* p = std::get_if<PathItem>(&item)) {
                    if (p->closed && p->fill && *p->fill == test::default_style().text) {
                        XY c{0, 0};
                        for (const XY& q : p->rings.front()) c.x += q.x / p->rings.front().size(), c.y += q.y / p->rings.front().size();
                        dots.push_back({c, std::hypot(p->rings.front().front().x - c.x, p->rings.front().front().y - c.y)});
                    } else if (!p->closed)
                        for (const auto& l : p->rings) lines.push_back(l);
                }
            for (size_t i = 0; i < venues.items.size(); ++i)
                if (const auto* t = std::get_if<TextItem>(&venues.items[i])) {
                    const TextExtent e = measure_text(t->text, t->font, t->langs);
                    texts.push_back({t->origin.x, t->origin.y, t->origin.x + e.width, t->origin.y + e.height});
                    // A venue's name and its count under it: one label.
                    if (t->color == test::default_style().label_text && t->font.bold && i + 1 < venues.items.size())
                        if (const auto* t2 = std::get_if<TextItem>(&venues.items[i + 1])) {
                            const TextExtent e2 = measure_text(t2->text, t2->font, t2->langs);
                            venue_labels.push_back({{t->origin.x, t->origin.y, std::max(t->origin.x + e.width, t2->origin.x + e2.width), t2->origin.y + e2.height}, t});
                        }
                }
            auto gap = [](const BBox& b, XY q) { return std::hypot(q.x - std::clamp(q.x, b.min_x, b.max_x), q.y - std::clamp(q.y, b.min_y, b.max_y)); };
            auto box_overlaps = [](const BBox& a, const BBox& b) { return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y; };
            auto enters = [&](XY a, XY b, const BBox& box) {  // whether the segment passes through the box (sampled every half pixel)
                const int n = std::max(1, static_cast<int>(2 * std::hypot(b.x - a.x, b.y - a.y)));
                for (int k = 0; k <= n; ++k)
                    if (gap(box, {a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n}) == 0) return true;
                return false;
            };
            for (const auto& [box, t] : venue_labels) {
                ++labels;
                // Its dot: the nearest, or the one its leader starts from.
                const Dot* own = &*std::min_element(dots.begin(), dots.end(), [&](const Dot& a, const Dot& b) { return gap(box, a.c) - a.r < gap(box, b.c) - b.r; });
                const std::vector<XY>* leader = nullptr;
                for (const auto& l : lines)
                    if (l.size() == 2 && gap(box, l.back()) < 4)  // it stops short of the label (knock-out)
                        for (const Dot& d : dots)
                            if (std::hypot(l.front().x - d.c.x, l.front().y - d.c.y) < 0.5) own = &d, leader = &l;
                const std::string what = id + " " + lang + " '" + t->text + "'";
                if (!leader) {
                    BOOST_TEST(gap(box, own->c) - own->r <= 12, what << " is " << gap(box, own->c) - own->r << " px from its dot, with no leader");
                    continue;
                }
                // A leader: no spot next to the dot was free of the other labels and dots.
                const double w = box.width(), h = box.height(), r = own->r + 4;
                for (double f : {0.0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1.0, -1.0})
                    for (XY o : {XY{-w / 2 + f * w / 2, -r - h}, XY{-w / 2 + f * w / 2, r}, XY{r, -h / 2 + f * h / 2}, XY{-r - w, -h / 2 + f * h / 2}}) {
                        const BBox b{own->c.x + o.x, own->c.y + o.y, own->c.x + o.x + w, own->c.y + o.y + h};
                        const bool in_frame = b.min_x > frame.min_x && b.max_x < frame.max_x && b.min_y > frame.min_y && b.max_y < frame.max_y;
                        const bool on_text = std::any_of(texts.begin(), texts.end(), [&](const BBox& q) { return box_overlaps(q, b) && !box_overlaps(q, box); });
                        // Nearer another dot than its own, it would name that one.
                        const bool on_dot = std::any_of(dots.begin(), dots.end(), [&](const Dot& d) { return &d != own && gap(b, d.c) < gap(b, own->c) + d.r; });
                        // Over its own line, which must be seen to reach its dot.
                        const bool on_own_line = std::any_of(lines.begin(), lines.end(), [&](const std::vector<XY>& l) {
                            const bool own_line = l.size() > 2 && (std::hypot(l.front().x - own->c.x, l.front().y - own->c.y) < own->r + 2 ||
                                                                   std::hypot(l.back().x - own->c.x, l.back().y - own->c.y) < own->r + 2);
                            for (size_t i = 0; own_line && i + 1 < l.size(); ++i)
                                if (enters(l[i], l[i + 1], b)) return true;
                            return false;
                        });
                        BOOST_TEST(!(in_frame && !on_text && !on_dot && !on_own_line), what << " is set away on a leader though there is room at (" << b.min_x << ", " << b.min_y << ")");
                    }
            }
            // Every venue's great circle reaches its dot.
            for (const Dot& d : dots) {
                double nearest = INFINITY;
                for (const auto& l : lines)
                    if (l.size() > 2)
                        for (const XY& q : l) nearest = std::min(nearest, std::hypot(q.x - d.c.x, q.y - d.c.y));
                BOOST_TEST(nearest <= d.r + 2, id << " " << lang << ": no line reaches the dot at (" << d.c.x << ", " << d.c.y << ")");
            }
    });
    BOOST_TEST(labels >= 20);
}

// The event map's venue inset had the same fault the timeline once had: its great circle ran
// through the venue's label. For every event of every case (and language), no line of the inset
// crosses its text, the label sits next to the venue's dot, and the line reaches the dot.
BOOST_AUTO_TEST_CASE(the_venue_insets_line_keeps_off_its_label_and_reaches_its_dot) {
    int insets = 0;
    for (const std::string id : {"kurils", "takeshima", "senkaku"}) {
        const LoadedCase& loaded = test::built_in_case(id);
        for (const std::string& lang : loaded.config.languages)
            for (const Event& e : loaded.events.events) {
                if (e.place.empty()) continue;
                MapRequest request;
                request.event = e.id;
                MapOptions o;
                o.lang = lang;
                const Scene scene = build_scene(loaded, test::default_style(), o, request);
                const Layer& inset = render::layer_named(scene, "venue-inset");
                std::vector<BBox> boxes;
                std::vector<std::vector<XY>> lines;
                std::vector<XY> venue_dots;
                for (const SceneItem& item : inset.items)
                    if (const auto* t = std::get_if<TextItem>(&item)) {
                        const TextExtent te = measure_text(t->text, t->font, t->langs);
                        boxes.push_back({t->origin.x + 0.5, t->origin.y + 0.5, t->origin.x + te.width - 0.5, t->origin.y + te.height - 0.5});
                    } else if (const auto* p = std::get_if<PathItem>(&item)) {
                        if (!p->closed)
                            for (const auto& l : p->rings) lines.push_back(l);
                        else if (p->fill && *p->fill == test::default_style().text) {
                            XY c{0, 0};
                            for (const XY& q : p->rings.front()) c.x += q.x / p->rings.front().size(), c.y += q.y / p->rings.front().size();
                            venue_dots.push_back(c);
                        }
                    }
                const std::string what = id + " " + lang + " " + e.id;
                BOOST_TEST_REQUIRE(boxes.size() == 1u, what);
                ++insets;
                for (const auto& l : lines)
                    for (size_t i = 0; i + 1 < l.size(); ++i) {
                        bool crosses = false;
                        const int n = std::max(1, static_cast<int>(2 * std::hypot(l[i + 1].x - l[i].x, l[i + 1].y - l[i].y)));
                        for (int k = 0; k <= n && !crosses; ++k) {
                            const XY q{l[i].x + (l[i + 1].x - l[i].x) * k / n, l[i].y + (l[i + 1].y - l[i].y) * k / n};
                            crosses = q.x > boxes[0].min_x && q.x < boxes[0].max_x && q.y > boxes[0].min_y && q.y < boxes[0].max_y;
                        }
                        BOOST_TEST(!crosses, what << ": the inset's line runs through its label at (" << l[i].x << ", " << l[i].y << ")");
                    }
                if (venue_dots.empty()) continue;  // a visit to the territory: no venue dot, no line
                const XY d = venue_dots.front();
                const BBox& b = boxes[0];
                BOOST_TEST(std::hypot(d.x - std::clamp(d.x, b.min_x, b.max_x), d.y - std::clamp(d.y, b.min_y, b.max_y)) <= 12, what << ": the label is away from its dot");
                if (lines.empty()) continue;
                double nearest = INFINITY;
                for (const auto& l : lines)
                    for (const XY& q : l) nearest = std::min(nearest, std::hypot(q.x - d.x, q.y - d.y));
                BOOST_TEST(nearest <= 6, what << ": the line stops " << nearest << " px from the venue");
            }
    }
    BOOST_TEST(insets >= 30);
}

BOOST_AUTO_TEST_CASE(timeline_map_shows_every_venue) {
    const LoadedCase& k = test::kurils();
    MapRequest request;
    request.timeline = true;
    Scene scene = build_scene(k, test::default_style(), MapOptions{}, request);
    std::string svg = encode_scene(scene, Format::svg);
    BOOST_TEST(svg.find("<g id=\"layer-event-venues\"") != std::string::npos);
    BOOST_TEST(svg.find("<g id=\"layer-timeline\"") != std::string::npos);
    std::set<std::string> places;
    for (const Event& e : k.events.events)
        if (!e.place.empty()) places.insert(e.place);  // no source names where some events were
    for (const std::string& p : places) {
        const Venue* v = k.venues.find(p);
        BOOST_TEST_REQUIRE(v != nullptr);
        BOOST_TEST(svg.find(">" + v->name + " ") != std::string::npos, v->name << " has no label");
    }
    // The equator is "0°", like the prime meridian, not "0°N".
    BOOST_TEST(svg.find(">0°N</text>") == std::string::npos);
    BOOST_TEST(svg.find(">0°</text>") != std::string::npos);
    // A world map has no scale bar or north arrow: neither is true across it.
    for (const Layer& l : scene.layers) {
        BOOST_TEST(l.id != "scale-bar");
        BOOST_TEST(l.id != "north-arrow");
    }
}

BOOST_AUTO_TEST_SUITE_END()
