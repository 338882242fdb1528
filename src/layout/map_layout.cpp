#include "layout/map_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"

namespace claimmap {
namespace {

// Page furniture sizes are given for a 1000 px map and scale with the shorter side.
struct PageMetrics {
    double unit, margin, title_band, credits_band;
};

PageMetrics page_metrics(const MapOptions& o, const Style& s) {
    double u = std::min(o.width, o.height) / 1000.0;
    double margin = 24 * u;
    double title_band = margin + (s.title_size + s.subtitle_size) * u * 1.45 + 12 * u;
    double credits_band = s.credits_size * u * 1.5 * 2 + 14 * u;
    return {u, margin, title_band, credits_band};
}

BBox frame_box(const MapOptions& o, const PageMetrics& m) {
    return {m.margin, m.title_band, o.width - m.margin, o.height - m.credits_band};
}

void validate(const MapOptions& o) {
    if (o.width < 200 || o.height < 150 || o.width > max_image_side || o.height > max_image_side)
        throw Error(fmt::format("image size {}x{} is out of range: width 200..{}, height 150..{} pixels", o.width,
                                o.height, max_image_side, max_image_side));
}

class SceneBuilder {
public:
    SceneBuilder(const MapInputs& in, const MapOptions& o)
        : in_(in), o_(o), style_(in.style), m_(page_metrics(o, in.style)),
          proj_(o.crs.value_or(in.case_config.crs)),
          view_(proj_.forward_box(o.extent.value_or(in.case_config.extent)), frame_box(o, m_)) {}

    Scene build() {
        Scene scene;
        scene.width = o_.width;
        scene.height = o_.height;
        scene.background = style_.page;
        scene.title = title();
        scene.layers.push_back(sea_layer());
        if (in_.scenario) {
            scene.layers.push_back(zone_layer("eez", &PartyOverlay::eez, &PartyStyle::eez));
            scene.layers.push_back(zone_layer("territorial-sea", &PartyOverlay::territorial_sea, &PartyStyle::territorial_sea));
        }
        if (o_.graticule) scene.layers.push_back(graticule_layer());
        scene.layers.push_back(land_layer());
        scene.layers.push_back(disputed_layer());
        if (in_.scenario) scene.layers.push_back(boundaries_layer());
        if (in_.gains && in_.compare_to) scene.layers.push_back(changes_layer());
        // Boxes first, so that labels can keep out of them.
        std::optional<Layer> legend, figures;
        if (o_.legend) legend = legend_layer();
        if (in_.gains) figures = figures_layer();
        std::vector<BBox> occupied;
        for (const auto* l : {&legend, &figures})
            if (*l && !(*l)->items.empty()) occupied.push_back(box_of(std::get<PathItem>((*l)->items.front())));
        if (o_.labels) scene.layers.push_back(labels_layer(occupied));
        scene.layers.push_back(frame_layer());
        if (o_.scale_bar) scene.layers.push_back(scale_bar_layer());
        if (legend) scene.layers.push_back(std::move(*legend));
        if (figures) scene.layers.push_back(std::move(*figures));
        scene.layers.push_back(title_layer());
        scene.layers.push_back(credits_layer());
        return scene;
    }

    MapFrame frame() const { return {view_.frame(), view_.extent(), proj_.crs()}; }

private:
    double px(double size) const { return size * m_.unit; }
    XY page(LonLat p) const { return view_.to_page(proj_.forward(p)); }
    std::string title() const {
        if (o_.title) return *o_.title;
        if (in_.scenario && in_.compare_to)
            return in_.case_config.title + ": comparing two scenarios";
        if (in_.scenario) return in_.case_config.title + ": " + in_.scenario->title;
        return in_.case_config.title;
    }
    std::string subtitle() const {
        if (o_.subtitle) return *o_.subtitle;
        if (in_.scenario && in_.compare_to)
            return "Colours: " + in_.scenario->title + ". Hatched: what changes hands under " + in_.compare_to->title;
        if (in_.scenario) return in_.scenario->description;
        return in_.case_config.subtitle;
    }
    std::string party_name(const std::string& id) const {
        const Party* p = in_.case_config.party(id);
        return p ? p->name : id;
    }

    std::vector<XY> page_ring(const Ring& ring) const {
        std::vector<XY> out;
        out.reserve(ring.size());
        for (const LonLat& p : ring) out.push_back(page(p));
        return out;
    }

    void add_polygon(PathItem& path, const Polygon& poly) const {
        path.rings.push_back(page_ring(poly.outer));
        for (const Ring& hole : poly.holes) path.rings.push_back(page_ring(hole));
    }

    Layer map_layer(std::string id) const {
        Layer layer;
        layer.id = std::move(id);
        layer.clip = view_.frame();
        return layer;
    }

    TextItem text(const std::string& s, XY origin, FontSpec font, Rgba color, bool halo) const {
        TextExtent e = measure_text(s, font);
        TextItem t;
        t.text = s;
        t.origin = origin;
        t.font = std::move(font);
        t.color = color;
        t.baseline = e.baseline;
        if (halo) {
            t.halo = style_.label_halo;
            t.halo_width = px(style_.label_halo_width);
        }
        return t;
    }

    FontSpec font(double size, bool bold = false, bool italic = false) const {
        return {style_.font_family, px(size), bold, italic};
    }

    Layer sea_layer() const {
        Layer layer = map_layer("sea");
        const BBox& f = view_.frame();
        PathItem rect;
        rect.rings.push_back({{f.min_x, f.min_y}, {f.max_x, f.min_y}, {f.max_x, f.max_y}, {f.min_x, f.max_y}});
        rect.fill = style_.sea;
        layer.items.push_back(rect);
        return layer;
    }

    // The lon/lat range visible in the frame, from its projected edges.
    BBox visible_lonlat() const {
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

    Layer graticule_layer() const {
        Layer layer = map_layer("graticule");
        BBox ll = visible_lonlat();
        double step = style_.graticule_step_deg;
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
            std::string s = fmt::format("{:g}°E", lon);
            TextExtent e = measure_text(s, f);
            if (x - e.width / 2 < fr.min_x + px(60) || x + e.width / 2 > fr.max_x - px(4)) continue;
            layer.items.push_back(text(s, {x - e.width / 2, fr.max_y - e.height - px(3)}, f, style_.muted_text, true));
        }
        for (double lat = std::ceil(ll.min_y / step) * step; lat <= ll.max_y; lat += step) {
            double y = -1;
            for (int i = 0; i <= 60; ++i) {
                XY a = page({ll.min_x + ll.width() * i / 60.0, lat});
                if (a.x >= fr.min_x) { y = a.y; break; }
            }
            std::string s = fmt::format("{:g}°N", lat);
            TextExtent e = measure_text(s, f);
            if (y < 0 || y - e.height / 2 < fr.min_y + px(4) || y + e.height / 2 > fr.max_y - px(40)) continue;
            layer.items.push_back(text(s, {fr.min_x + px(4), y - e.height / 2}, f, style_.muted_text, true));
        }
        return layer;
    }

    Layer land_layer() const {
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

    // Without a scenario: disputed land in the highlight colour. With one: in the accent of the
    // party holding it under the scenario, split territories piece by piece.
    Layer disputed_layer() const {
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

    Layer zone_layer(const char* id, std::vector<Polygon> PartyOverlay::*zone, Rgba PartyStyle::*color) const {
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

    PathItem line_item(const std::vector<Ring>& lines, Rgba color, const std::vector<double>& dash) const {
        PathItem path;
        path.closed = false;
        for (const Ring& l : lines) path.rings.push_back(page_ring(l));
        path.stroke = color;
        path.stroke_width = px(style_.median_width);
        for (double d : dash) path.dash.push_back(px(d));
        return path;
    }

    Layer boundaries_layer() const {
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

    Hatch hatch() const { return {style_.hatch, px(style_.hatch_spacing), px(style_.hatch_width), 45}; }

    Layer changes_layer() const {
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

    // A small table of the figures behind the map, top right inside the frame.
    Layer figures_layer() const {
        Layer layer;
        layer.id = "figures";
        auto km2 = [](double v) {
            if (std::abs(v) < 0.05) return std::string("0");
            std::string s = fmt::format("{:+.0f}", v);
            for (long i = static_cast<long>(s.size()) - 3; i > 1; i -= 3) s.insert(static_cast<size_t>(i), ",");
            return s;
        };
        std::vector<std::array<std::string, 4>> rows = {{"", "Land", "Territorial sea", "EEZ"}};
        for (const GainOverlay& g : *in_.gains)
            rows.push_back({party_name(g.party), km2(g.land_km2), km2(g.territorial_sea_km2), km2(g.eez_km2)});
        FontSpec head = font(style_.legend_size, true), body = font(style_.legend_size);
        std::array<double, 4> widths{};
        for (size_t r = 0; r < rows.size(); ++r)
            for (size_t c = 0; c < 4; ++c)
                widths[c] = std::max(widths[c], measure_text(rows[r][c], r == 0 || c == 0 ? head : body).width);
        FontSpec title_font = font(style_.legend_size, true);
        std::string heading = in_.gains_title;
        std::string note = "km², on the WGS 84 ellipsoid";
        double gap = px(14), pad = px(10), row_h = measure_text("Ag", body).height + px(3);
        double table_w = widths[0] + widths[1] + widths[2] + widths[3] + 3 * gap;
        double w = std::max({table_w, measure_text(heading, title_font).width, measure_text(note, font(style_.small_size)).width}) + 2 * pad;
        double h = pad * 2 + row_h * (rows.size() + 1) + measure_text(note, font(style_.small_size)).height;
        const BBox& fr = view_.frame();
        double x = fr.max_x - w - px(12), y = fr.min_y + px(12);
        PathItem box;
        box.rings.push_back({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}});
        box.fill = Rgba{style_.page.r, style_.page.g, style_.page.b, 0.92};
        box.stroke = style_.frame;
        box.stroke_width = px(0.8);
        layer.items.push_back(box);
        double ty = y + pad;
        layer.items.push_back(text(heading, {x + pad, ty}, title_font, style_.text, false));
        ty += row_h;
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
        layer.items.push_back(text(note, {x + pad, ty}, font(style_.small_size), style_.muted_text, false));
        return layer;
    }

    // English names as used by each side (identical ones once), then Japanese and Russian.
    static std::string english(const Place& p) {
        return p.en_ja == p.en_ru ? p.en_ja : p.en_ja + " / " + p.en_ru;
    }

    static BBox box_of(const PathItem& path) {
        BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const auto& ring : path.rings)
            for (const XY& p : ring)
                b = {std::min(b.min_x, p.x), std::min(b.min_y, p.y), std::max(b.max_x, p.x), std::max(b.max_y, p.y)};
        return b;
    }

    static bool overlaps(const BBox& a, const BBox& b) {
        return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
    }

    // Labels of places; one that would sit under a legend or table box is left out, except the
    // disputed territories, which are never dropped.
    Layer labels_layer(const std::vector<BBox>& occupied) const {
        Layer layer = map_layer("labels");
        const BBox& fr = view_.frame();
        for (const Place& place : in_.gazetteer.places) {
            XY anchor = page(place.label);
            if (anchor.x < fr.min_x || anchor.x > fr.max_x || anchor.y < fr.min_y || anchor.y > fr.max_y) continue;
            bool sea = place.kind == "sea";
            bool territory = place.kind == "territory";
            double size = sea ? style_.sea_label_size : territory ? style_.territory_label_size : style_.island_label_size;
            Rgba color = sea ? style_.sea_label : style_.label_text;
            FontSpec main = font(size, territory, sea);
            FontSpec second = font(size * 0.8, false, false);
            std::string line1 = english(place), line2 = place.ja + " · " + place.ru;
            TextExtent e1 = measure_text(line1, main), e2 = measure_text(line2, second);
            double h = e1.height + e2.height;
            double top = anchor.y - h / 2;
            double half_w = std::max(e1.width, e2.width) / 2;
            BBox label_box{anchor.x - half_w, top, anchor.x + half_w, top + h};
            if (!territory && std::any_of(occupied.begin(), occupied.end(), [&](const BBox& b) { return overlaps(b, label_box); }))
                continue;
            if (place.leader_to) {
                XY target = page(*place.leader_to);
                // Leader from the label box's nearest vertical edge to the feature.
                double w = std::max(e1.width, e2.width);
                XY from{target.x < anchor.x ? anchor.x - w / 2 - px(3) : anchor.x + w / 2 + px(3),
                        std::clamp(target.y, top, top + h)};
                PathItem leader;
                leader.closed = false;
                leader.rings.push_back({from, target});
                leader.stroke = style_.leader;
                leader.stroke_width = px(1.0);
                layer.items.push_back(leader);
                PathItem dot;
                const double r = px(2.2);
                std::vector<XY> circle;
                for (int i = 0; i < 16; ++i)
                    circle.push_back({target.x + r * std::cos(i * M_PI / 8), target.y + r * std::sin(i * M_PI / 8)});
                dot.rings.push_back(circle);
                dot.fill = style_.leader;
                layer.items.push_back(dot);
            }
            layer.items.push_back(text(line1, {anchor.x - e1.width / 2, top}, main, color, true));
            layer.items.push_back(text(line2, {anchor.x - e2.width / 2, top + e1.height}, second, color, true));
        }
        return layer;
    }

    Layer frame_layer() const {
        Layer layer;
        layer.id = "frame";
        const BBox& f = view_.frame();
        PathItem rect;
        rect.rings.push_back({{f.min_x, f.min_y}, {f.max_x, f.min_y}, {f.max_x, f.max_y}, {f.min_x, f.max_y}});
        rect.stroke = style_.frame;
        rect.stroke_width = px(1.2);
        layer.items.push_back(rect);
        return layer;
    }

    // A bar of a round length, measured on the ellipsoid along the parallel at the map centre.
    Layer scale_bar_layer() const {
        Layer layer;
        layer.id = "scale-bar";
        const BBox& fr = view_.frame();
        XY c{(fr.min_x + fr.max_x) / 2, (fr.min_y + fr.max_y) / 2};
        const double probe = 100;  // pixels
        LonLat a = proj_.inverse(view_.to_projected({c.x - probe / 2, c.y}));
        LonLat b = proj_.inverse(view_.to_projected({c.x + probe / 2, c.y}));
        double metres_per_px = geodesic_distance_m(a, b) / probe;
        double target_m = fr.width() * 0.18 * metres_per_px;
        double nice = 1;
        for (double base = 1; base < 1e8; base *= 10)
            for (double f : {1.0, 2.0, 5.0})
                if (base * f <= target_m) nice = base * f;
        double bar_px = nice / metres_per_px;
        double x0 = fr.min_x + px(16), y0 = fr.max_y - px(44);  // clear of the degree labels
        double h = px(6);
        for (int i = 0; i < 4; ++i) {
            PathItem seg;
            double xa = x0 + bar_px * i / 4, xb = x0 + bar_px * (i + 1) / 4;
            seg.rings.push_back({{xa, y0}, {xb, y0}, {xb, y0 + h}, {xa, y0 + h}});
            seg.fill = i % 2 ? style_.page : style_.text;
            seg.stroke = style_.text;
            seg.stroke_width = px(0.8);
            layer.items.push_back(seg);
        }
        FontSpec f = font(style_.small_size);
        std::string label = nice >= 1000 ? fmt::format("{:g} km", nice / 1000) : fmt::format("{:g} m", nice);
        TextExtent e0 = measure_text("0", f), e1 = measure_text(label, f);
        layer.items.push_back(text("0", {x0 - e0.width / 2, y0 - e0.height - px(1)}, f, style_.text, true));
        layer.items.push_back(text(label, {x0 + bar_px - e1.width / 2, y0 - e1.height - px(1)}, f, style_.text, true));
        return layer;
    }

    struct LegendEntry {
        std::optional<Rgba> fill, stroke;
        bool line = false;
        std::vector<double> dash;
        std::optional<Hatch> hatch;
        std::string label;
    };

    // The legend lists what this map draws, in the words of the case's parties.
    std::vector<LegendEntry> legend_entries() const {
        const CaseConfig& cc = in_.case_config;
        std::vector<LegendEntry> entries;
        if (!in_.scenario) {
            std::string holder;
            for (const LandFeature& f : in_.land.features)
                if (!f.territory.empty()) holder = f.country;
            entries.push_back({style_.disputed_fill, style_.disputed_stroke, false, {}, {},
                               fmt::format("Disputed: held by {}, claimed by {}", party_name(holder), party_name(cc.claimant))});
            for (const Party& p : cc.parties) entries.push_back({style_.land_fill(p.id), style_.coastline, false, {}, {}, "Held by " + p.name});
            return entries;
        }
        for (const Party& p : cc.parties) {
            entries.push_back({style_.party(p.id).accent, style_.disputed_stroke, false, {}, {},
                               "Disputed land, to " + p.name + " in this scenario"});
            entries.push_back({style_.land_fill(p.id), style_.coastline, false, {}, {}, p.name});
            entries.push_back({style_.party(p.id).territorial_sea, std::nullopt, false, {}, {}, p.name + ": territorial sea (12 nm)"});
            entries.push_back({style_.party(p.id).eez, std::nullopt, false, {}, {}, p.name + ": exclusive economic zone (200 nm)"});
        }
        entries.push_back({std::nullopt, style_.median_stroke, true, style_.median_dash, {},
                           "Median line, " + in_.scenario->title});
        if (in_.compare_to) {
            entries.push_back({std::nullopt, style_.compare_stroke, true, style_.compare_dash, {},
                               "Median line, " + in_.compare_to->title});
            entries.push_back({std::nullopt, style_.hatch, false, {}, hatch(), "Changes hands under " + in_.compare_to->title});
        }
        if (!in_.scenario->split_cut.empty())
            entries.push_back({std::nullopt, style_.split_cut, true, {}, {}, "Dividing line on land"});
        return entries;
    }

    Layer legend_layer() const {
        Layer layer;
        layer.id = "legend";
        std::vector<LegendEntry> entries = legend_entries();
        FontSpec f = font(style_.legend_size);
        double sw = px(22), sh = px(14), gap = px(8), pad = px(10), row = std::max(sh, measure_text("Ag", f).height) + px(5);
        double text_w = 0;
        for (const LegendEntry& e : entries) text_w = std::max(text_w, measure_text(e.label, f).width);
        double w = pad * 2 + sw + gap + text_w, h = pad * 2 + row * entries.size() - px(5);
        const BBox& fr = view_.frame();
        double x = fr.max_x - w - px(12), y = fr.max_y - h - px(12);
        PathItem box;
        box.rings.push_back({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}});
        box.fill = Rgba{style_.page.r, style_.page.g, style_.page.b, 0.92};
        box.stroke = style_.frame;
        box.stroke_width = px(0.8);
        layer.items.push_back(box);
        double ry = y + pad;
        for (const LegendEntry& e : entries) {
            TextExtent te = measure_text(e.label, f);
            double sy = ry + (row - px(5) - sh) / 2;
            PathItem swatch;
            if (e.line) {
                swatch.closed = false;
                swatch.rings.push_back({{x + pad, sy + sh / 2}, {x + pad + sw, sy + sh / 2}});
                swatch.stroke_width = px(style_.median_width);
                for (double d : e.dash) swatch.dash.push_back(px(d));
            } else {
                swatch.rings.push_back({{x + pad, sy}, {x + pad + sw, sy}, {x + pad + sw, sy + sh}, {x + pad, sy + sh}});
                swatch.fill = e.fill;
                swatch.hatch = e.hatch;
                swatch.stroke_width = px(1);
            }
            swatch.stroke = e.stroke;
            layer.items.push_back(swatch);
            layer.items.push_back(text(e.label, {x + pad + sw + gap, ry + (row - px(5) - te.height) / 2}, f, style_.text, false));
            ry += row;
        }
        return layer;
    }

    // The font made smaller, down to 60 %, until the text fits the width.
    static FontSpec fitted(const std::string& s, FontSpec f, double width) {
        const double full = f.size_px;
        while (f.size_px > full * 0.6 && measure_text(s, f).width > width) f.size_px *= 0.95;
        return f;
    }

    Layer title_layer() const {
        Layer layer;
        layer.id = "title";
        const double room = o_.width - 2 * m_.margin;
        FontSpec tf = fitted(title(), font(style_.title_size, true), room);
        layer.items.push_back(text(title(), {m_.margin, m_.margin}, tf, style_.text, false));
        std::string sub = subtitle();
        if (!sub.empty()) {
            double y = m_.margin + measure_text(title(), font(style_.title_size, true)).height + px(2);
            layer.items.push_back(text(sub, {m_.margin, y}, fitted(sub, font(style_.subtitle_size), room), style_.muted_text, false));
        }
        return layer;
    }

    Layer credits_layer() const {
        Layer layer;
        layer.id = "credits";
        FontSpec f = font(style_.credits_size);
        double y = view_.frame().max_y + px(7);
        layer.items.push_back(text(in_.case_config.attribution, {m_.margin, y}, f, style_.muted_text, false));
        double y2 = y + measure_text("Ag", f).height + px(1);
        std::string projection = o_.crs ? *o_.crs : in_.case_config.projection_name;
        std::string line2 = "Projection: " + projection + " · Areas and distances on the WGS 84 ellipsoid";
        if (in_.scenario) {
            const BBox& r = in_.case_config.region;
            line2 += fmt::format(" · Sea zones: claimmap's own computation from the coastline (no baselines), within {:g}–{:g}°E, {:g}–{:g}°N",
                                 r.min_x, r.max_x, r.min_y, r.max_y);
        }
        line2 += " · Made with claimmap " CLAIMMAP_VERSION;
        layer.items.push_back(text(line2, {m_.margin, y2}, f, style_.muted_text, false));
        return layer;
    }

    const MapInputs& in_;
    const MapOptions& o_;
    const Style& style_;
    PageMetrics m_;
    Projection proj_;
    Viewport view_;
};

}  // namespace

Scene build_map_scene(const MapInputs& in, const MapOptions& options) {
    validate(options);
    return SceneBuilder(in, options).build();
}

MapFrame map_frame(const MapInputs& in, const MapOptions& options) {
    validate(options);
    return SceneBuilder(in, options).frame();
}

}  // namespace claimmap
