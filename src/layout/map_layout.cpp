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
        if (o_.graticule) scene.layers.push_back(graticule_layer());
        scene.layers.push_back(land_layer());
        scene.layers.push_back(disputed_layer());
        if (o_.labels) scene.layers.push_back(labels_layer());
        scene.layers.push_back(frame_layer());
        if (o_.scale_bar) scene.layers.push_back(scale_bar_layer());
        if (o_.legend) scene.layers.push_back(legend_layer());
        scene.layers.push_back(title_layer());
        scene.layers.push_back(credits_layer());
        return scene;
    }

    MapFrame frame() const { return {view_.frame(), view_.extent(), proj_.crs()}; }

private:
    double px(double size) const { return size * m_.unit; }
    XY page(LonLat p) const { return view_.to_page(proj_.forward(p)); }
    std::string title() const { return o_.title.value_or(in_.case_config.title); }

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

    Layer disputed_layer() const {
        Layer layer = map_layer("disputed");
        for (const std::string& id : in_.case_config.territories) {
            PathItem path;
            for (const LandFeature& f : in_.land.features)
                if (f.territory == id) add_polygon(path, f.shape);
            if (path.rings.empty()) continue;
            path.fill = style_.disputed_fill;
            path.stroke = style_.disputed_stroke;
            path.stroke_width = px(style_.disputed_stroke_width);
            layer.items.push_back(std::move(path));
        }
        return layer;
    }

    // English names as used by each side (identical ones once), then Japanese and Russian.
    static std::string english(const Place& p) {
        return p.en_ja == p.en_ru ? p.en_ja : p.en_ja + " / " + p.en_ru;
    }

    Layer labels_layer() const {
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

    Layer legend_layer() const {
        Layer layer;
        layer.id = "legend";
        const CaseConfig& cc = in_.case_config;
        std::vector<std::pair<Rgba, std::string>> entries;
        std::string holder;
        for (const LandFeature& f : in_.land.features)
            if (!f.territory.empty()) holder = f.country;
        const Party* holder_party = cc.party(holder);
        const Party* claimant = cc.party(cc.claimant);
        entries.push_back({style_.disputed_fill,
                           fmt::format("Disputed: held by {}, claimed by {}",
                                       holder_party ? holder_party->name : holder, claimant->name)});
        for (const Party& p : cc.parties) entries.push_back({style_.land_fill(p.id), "Held by " + p.name});

        FontSpec f = font(style_.legend_size);
        double sw = px(22), sh = px(14), gap = px(8), pad = px(10), row = std::max(sh, measure_text("Ag", f).height) + px(5);
        double text_w = 0;
        for (const auto& [c, label] : entries) text_w = std::max(text_w, measure_text(label, f).width);
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
        for (const auto& [c, label] : entries) {
            TextExtent e = measure_text(label, f);
            double sy = ry + (row - px(5) - sh) / 2;
            PathItem swatch;
            swatch.rings.push_back({{x + pad, sy}, {x + pad + sw, sy}, {x + pad + sw, sy + sh}, {x + pad, sy + sh}});
            swatch.fill = c;
            swatch.stroke = c == style_.disputed_fill ? style_.disputed_stroke : style_.coastline;
            swatch.stroke_width = px(1);
            layer.items.push_back(swatch);
            layer.items.push_back(text(label, {x + pad + sw + gap, ry + (row - px(5) - e.height) / 2}, f, style_.text, false));
            ry += row;
        }
        return layer;
    }

    Layer title_layer() const {
        Layer layer;
        layer.id = "title";
        FontSpec tf = font(style_.title_size, true);
        layer.items.push_back(text(title(), {m_.margin, m_.margin}, tf, style_.text, false));
        std::string sub = o_.subtitle.value_or(in_.case_config.subtitle);
        if (!sub.empty()) {
            double y = m_.margin + measure_text(title(), tf).height + px(2);
            layer.items.push_back(text(sub, {m_.margin, y}, font(style_.subtitle_size), style_.muted_text, false));
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
        std::string line2 = "Projection: " + projection + " · Areas and distances on the WGS 84 ellipsoid · Made with claimmap " CLAIMMAP_VERSION;
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
