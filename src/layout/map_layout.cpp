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

// Points nearer than this (pixels) to the last one kept add nothing visible; dropping them makes
// painting and the SVG lighter (the world land has ~10k vertices for a few hundred pixels).
constexpr double min_vertex_gap_px = 0.3;

std::vector<XY> thinned(const std::vector<XY>& points) {
    if (points.size() < 4) return points;
    std::vector<XY> out;
    out.reserve(points.size());
    out.push_back(points.front());
    for (size_t i = 1; i + 1 < points.size(); ++i)
        if (std::abs(points[i].x - out.back().x) + std::abs(points[i].y - out.back().y) >= min_vertex_gap_px)
            out.push_back(points[i]);
    out.push_back(points.back());
    return out;
}

// Page furniture sizes are given for a 1000 px map and scale with the shorter side.
struct PageMetrics {
    double unit, margin, title_band, credits_band, timeline_band;
};

PageMetrics page_metrics(const MapOptions& o, const Style& s, bool timeline) {
    double u = std::min(o.width, o.height) / 1000.0;
    double margin = 24 * u;
    double title_band = margin + (s.title_size + s.subtitle_size) * u * 1.45 + 12 * u;
    double credits_band = s.credits_size * u * 1.5 * 2 + 14 * u;
    double timeline_band = timeline ? (s.legend_size * 2.6 + 40) * u : 0;
    return {u, margin, title_band, credits_band, timeline_band};
}

BBox frame_box(const MapOptions& o, const PageMetrics& m) {
    return {m.margin, m.title_band, o.width - m.margin, o.height - m.credits_band - m.timeline_band};
}

const char* month_name(int m) {
    static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

// "14 November 2018", or "November 2018" when only the month is known.
std::string long_date(const EventDate& d) {
    if (d.precision == EventDate::Precision::month) return fmt::format("{} {}", month_name(d.month), d.year);
    return fmt::format("{} {} {}", d.day, month_name(d.month), d.year);
}

void validate(const MapOptions& o) {
    if (o.width < 200 || o.height < 150 || o.width > max_image_side || o.height > max_image_side)
        throw Error(fmt::format("image size {}x{} is out of range: width 200..{}, height 150..{} pixels", o.width,
                                o.height, max_image_side, max_image_side));
}

class SceneBuilder {
public:
    SceneBuilder(const MapInputs& in, const MapOptions& o)
        : in_(in), o_(o), style_(in.style), pov_(in.case_config.view(o.pov)), m_(page_metrics(o, in.style, in.events != nullptr)),
          proj_(Projection::cached(o.crs.value_or(in.case_config.crs))),
          view_(in.projected_extent ? *in.projected_extent : proj_.forward_box(o.extent.value_or(in.case_config.extent)),
                frame_box(o, m_)) {
        for (const LandFeature& f : in_.land.features)
            if (!f.territory.empty()) disputed_page_.push_back(page_ring(f.shape.outer));
    }

    Scene build() {
        Scene scene;
        scene.width = o_.width;
        scene.height = o_.height;
        scene.dpi = o_.dpi;
        scene.background = style_.page;
        scene.title = title();
        // Furniture boxes first, so that labels can keep out of them.
        const bool event_map = in_.events && in_.events->highlight;
        std::optional<Layer> legend, figures, inset, arrow, scale, callout;
        if (o_.legend) legend = legend_layer();
        if (event_map) callout = callout_layer();
        else if (in_.gains) figures = figures_layer();
        if (event_map && o_.inset && in_.events->world) inset = venue_inset_layer();
        else if (o_.inset && in_.inset && !in_.world_map) inset = inset_layer();
        // North and distance vary across a world map: no arrow or bar there.
        if (o_.north_arrow && !in_.world_map) arrow = north_arrow_layer();
        if (o_.scale_bar && !in_.world_map) scale = scale_bar_layer();
        std::vector<BBox> occupied;
        for (const auto* l : {&legend, &figures, &inset, &arrow, &scale, &callout})
            if (*l && !(*l)->items.empty()) occupied.push_back(box_of_layer(**l));

        scene.layers.push_back(sea_layer());
        if (in_.scenario) {
            scene.layers.push_back(zone_layer("eez", &PartyOverlay::eez, &PartyStyle::eez));
            scene.layers.push_back(zone_layer("territorial-sea", &PartyOverlay::territorial_sea, &PartyStyle::territorial_sea));
        }
        if (o_.graticule) scene.layers.push_back(graticule_layer(occupied));
        scene.layers.push_back(land_layer());
        scene.layers.push_back(disputed_layer());
        if (in_.scenario) scene.layers.push_back(boundaries_layer());
        else if (in_.view_boundaries) scene.layers.push_back(view_boundaries_layer());
        if (in_.gains && in_.compare_to) scene.layers.push_back(changes_layer());
        if (in_.world_map) scene.layers.push_back(venues_layer(occupied));
        else if (o_.labels) scene.layers.push_back(labels_layer(occupied));
        scene.layers.push_back(frame_layer());
        if (scale) scene.layers.push_back(std::move(*scale));
        if (arrow) scene.layers.push_back(std::move(*arrow));
        if (inset) scene.layers.push_back(std::move(*inset));
        if (legend) scene.layers.push_back(std::move(*legend));
        if (figures) scene.layers.push_back(std::move(*figures));
        if (callout) scene.layers.push_back(std::move(*callout));
        if (in_.events) scene.layers.push_back(timeline_layer());
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
        if (in_.events && in_.events->highlight) {
            const Event& e = *in_.events->highlight;
            const Venue* v = in_.events->venues->find(e.place);
            return pov_.title + ": " + long_date(e.date) + ", " + (v ? v->name : e.place);
        }
        if (in_.world_map) return pov_.title + ": where the talks took place";
        if (in_.scenario && in_.compare_to)
            return pov_.title + ": comparing two scenarios";
        if (in_.scenario) return pov_.title + ": " + in_.scenario->title;
        return pov_.title;
    }
    std::string subtitle() const {
        if (o_.subtitle) return *o_.subtitle;
        // The callout tells what happened; the subtitle says who met.
        if (in_.events && in_.events->highlight) return event_subtitle(*in_.events->highlight);
        if (in_.world_map)
            return fmt::format("{} meetings and statements, {}–{}; lines are great circles from the islands",
                               in_.events->events->events.size(), in_.events->events->events.front().date.year,
                               in_.events->events->events.back().date.year);
        if (in_.scenario && in_.compare_to)
            return "Colours: " + in_.scenario->title + ". Hatched: what changes hands under " + in_.compare_to->title;
        if (in_.scenario) return in_.scenario->description;
        return pov_.subtitle;
    }
    // "Summit: Shinzo Abe (Japan) and Vladimir Putin (Russia)": participants are written
    // "Name (Country, role)"; the role stays in the callout.
    static std::string event_subtitle(const Event& e) {
        static const std::map<EventKind, std::string> kinds{{EventKind::summit, "Summit"},
                                                            {EventKind::ministerial, "Ministerial talks"},
                                                            {EventKind::working_level, "Working-level talks"},
                                                            {EventKind::statement, "Statement"}};
        std::string who;
        for (size_t i = 0; i < e.participants.size(); ++i) {
            std::string p = e.participants[i];
            if (auto comma = p.find(", "), open = p.find(" ("); open != std::string::npos && comma != std::string::npos && comma > open)
                p = p.substr(0, comma) + ")";
            who += (i == 0 ? "" : i + 1 == e.participants.size() ? " and " : ", ") + p;
        }
        return who.empty() ? kinds.at(e.kind) : kinds.at(e.kind) + ": " + who;
    }
    std::string party_name(const std::string& id) const {
        const Party* p = in_.case_config.party(id);
        return p ? p->name : id;
    }

    std::vector<XY> page_ring(const Ring& ring) const {
        std::vector<XY> out;
        out.reserve(ring.size());
        for (const LonLat& p : ring) out.push_back(page(p));
        return thinned(out);
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
        rect.rings.push_back(rectangle(f));
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

    Layer graticule_layer(const std::vector<BBox>& occupied) const {
        Layer layer = map_layer("graticule");
        // A world map spans the seam of its projection: sample around the whole globe instead.
        BBox ll = in_.world_map ? BBox{world_lon0_ - 179.99, -60, world_lon0_ + 179.99, 84} : visible_lonlat();
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
            std::string s = std::abs(wrapped) < 1e-9 ? std::string("0°")
                            : wrapped < 0        ? fmt::format("{:g}°W", -wrapped)
                                                 : fmt::format("{:g}°E", wrapped);
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
            std::string s = lat < 0 ? fmt::format("{:g}°S", -lat) : fmt::format("{:g}°N", lat);
            TextExtent e = measure_text(s, f);
            if (y < 0 || y - e.height / 2 < fr.min_y + px(4) || y + e.height / 2 > fr.max_y - px(4)) continue;
            BBox box{fr.min_x + px(4), y - e.height / 2, fr.min_x + px(4) + e.width, y + e.height / 2};
            if (std::any_of(occupied.begin(), occupied.end(), [&](const BBox& b) { return overlaps(b, box); })) continue;
            layer.items.push_back(text(s, {box.min_x, box.min_y}, f, style_.muted_text, true));
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

    std::vector<double> dash_for(const std::string& line) const {
        if (line == "dashed") return style_.median_dash;
        if (line == "dotted") return style_.compare_dash;
        return {};
    }

    Layer view_boundaries_layer() const {
        Layer layer = map_layer("boundaries");
        for (size_t i = 0; i < pov_.boundaries.size() && i < in_.view_boundaries->size(); ++i)
            layer.items.push_back(line_item((*in_.view_boundaries)[i], style_.median_stroke, dash_for(pov_.boundaries[i].line)));
        return layer;
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

    // The two lines of a label. Neutral: both English usages, then both languages. A party's
    // point of view: its own name and usage first, the other side's on the second line.
    std::pair<std::string, std::string> label_lines(const Place& p) const {
        if (pov_.names_first.empty()) return {english(p), p.ja + " · " + p.ru};
        const Party* first = in_.case_config.party(pov_.names_first);
        bool ja_first = first && first->language == "ja";
        const std::string& native1 = ja_first ? p.ja : p.ru;
        const std::string& en1 = ja_first ? p.en_ja : p.en_ru;
        const std::string& native2 = ja_first ? p.ru : p.ja;
        const std::string& en2 = ja_first ? p.en_ru : p.en_ja;
        return {native1 + " " + en1, en2 == en1 ? native2 : native2 + " " + en2};
    }

    static BBox box_of(const PathItem& path) {
        BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const auto& ring : path.rings)
            for (const XY& p : ring)
                b = {std::min(b.min_x, p.x), std::min(b.min_y, p.y), std::max(b.max_x, p.x), std::max(b.max_y, p.y)};
        return b;
    }

    // The page box of a furniture layer: its paths and its text.
    static BBox box_of_layer(const Layer& layer) {
        BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        auto add = [&](const BBox& o) {
            b = {std::min(b.min_x, o.min_x), std::min(b.min_y, o.min_y), std::max(b.max_x, o.max_x), std::max(b.max_y, o.max_y)};
        };
        for (const SceneItem& item : layer.items) {
            if (const auto* p = std::get_if<PathItem>(&item)) add(box_of(*p));
            else {
                const TextItem& t = std::get<TextItem>(item);
                TextExtent e = measure_text(t.text, t.font);
                add({t.origin.x, t.origin.y, t.origin.x + e.width, t.origin.y + e.height});
            }
        }
        return b;
    }

    static bool overlaps(const BBox& a, const BBox& b) {
        return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
    }

    // Labels of places; one that would sit under a legend or table box is left out, except the
    // disputed territories, which are never dropped.
    // A point on a territory's largest polygon (page coordinates), for leader lines.
    XY land_point(const std::string& territory) const {
        const LandFeature* best = nullptr;
        for (const LandFeature& f : in_.land.features)
            if (f.territory == territory && (!best || f.shape.outer.size() > best->shape.outer.size())) best = &f;
        if (!best) return {0, 0};
        std::vector<XY> ring = page_ring(best->shape.outer);
        XY mean{0, 0};
        for (const XY& p : ring) mean.x += p.x / ring.size(), mean.y += p.y / ring.size();
        // The vertex nearest the mean lies on the land even when the mean does not.
        return *std::min_element(ring.begin(), ring.end(), [&](const XY& a, const XY& b) {
            return std::hypot(a.x - mean.x, a.y - mean.y) < std::hypot(b.x - mean.x, b.y - mean.y);
        });
    }

    // Whether a page box touches disputed land: a vertex of it inside the box, or the box's centre
    // or corners inside a polygon.
    bool covers_disputed(const BBox& box) const {
        for (const auto& poly : disputed_page_) {
            for (const XY& p : poly)
                if (p.x > box.min_x && p.x < box.max_x && p.y > box.min_y && p.y < box.max_y) return true;
            for (XY q : {XY{(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2}, XY{box.min_x, box.min_y},
                         XY{box.max_x, box.min_y}, XY{box.min_x, box.max_y}, XY{box.max_x, box.max_y}}) {
                bool inside = false;
                for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++)
                    if ((poly[i].y > q.y) != (poly[j].y > q.y) &&
                        q.x < (poly[j].x - poly[i].x) * (q.y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x)
                        inside = !inside;
                if (inside) return true;
            }
        }
        return false;
    }

    // Labels of places, territories first. A label goes at its gazetteer position or, when that
    // overlaps another label, a legend/table/inset box or disputed land, at the first free spot
    // around it. A label with no free spot is left out, except a disputed territory's, which is
    // never dropped (it keeps its gazetteer position).
    Layer labels_layer(const std::vector<BBox>& occupied) const {
        Layer layer = map_layer("labels");
        const BBox& fr = view_.frame();
        std::vector<BBox> placed;
        std::vector<const Place*> order;
        for (const std::string kind : {"territory", "island", "region", "sea"})
            for (const Place& place : in_.gazetteer.places)
                if (place.kind == kind) order.push_back(&place);
        for (const Place* place_ptr : order) {
            const Place& place = *place_ptr;
            XY anchor = page(place.label);
            if (anchor.x < fr.min_x || anchor.x > fr.max_x || anchor.y < fr.min_y || anchor.y > fr.max_y) continue;
            bool sea = place.kind == "sea";
            bool territory = place.kind == "territory";
            double size = sea ? style_.sea_label_size : territory ? style_.territory_label_size : style_.island_label_size;
            Rgba color = sea ? style_.sea_label : style_.label_text;
            FontSpec main = font(size, territory, sea);
            FontSpec second = font(size * 0.8, false, false);
            auto [line1, line2] = label_lines(place);
            TextExtent e1 = measure_text(line1, main), e2 = measure_text(line2, second);
            double h = e1.height + e2.height, w = std::max(e1.width, e2.width);
            auto box_at = [&](XY c) { return BBox{c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2}; };
            auto free = [&](const BBox& b) {
                if (b.min_x < fr.min_x || b.max_x > fr.max_x || b.min_y < fr.min_y || b.max_y > fr.max_y) return false;
                auto hit = [&](const BBox& o) { return overlaps(o, b); };
                return std::none_of(occupied.begin(), occupied.end(), hit) && std::none_of(placed.begin(), placed.end(), hit) &&
                       !covers_disputed(b);
            };
            std::optional<XY> centre;
            const double gap = px(4);
            // Rings of candidate spots around the anchor; disputed territories may go further out.
            for (int ring = 1; ring <= (territory ? 3 : 1) && !centre; ++ring)
                for (XY step : {XY{0, 0}, XY{0, -1}, XY{0, 1}, XY{1, 0}, XY{-1, 0}, XY{1, -1}, XY{-1, -1}, XY{1, 1}, XY{-1, 1}}) {
                    if (ring > 1 && step.x == 0 && step.y == 0) continue;
                    XY c{anchor.x + step.x * ring * (w / 2 + gap), anchor.y + step.y * ring * (h + gap)};
                    if (free(box_at(c))) {
                        centre = c;
                        break;
                    }
                }
            if (!centre && !territory) continue;
            XY c = centre.value_or(anchor);
            placed.push_back(box_at(c));
            double top = c.y - h / 2;
            // A territory label pushed away from its spot points back at its land.
            std::optional<XY> leader_target;
            if (place.leader_to) leader_target = page(*place.leader_to);
            else if (territory && std::hypot(c.x - anchor.x, c.y - anchor.y) > w / 2 + h) leader_target = land_point(place.id);
            if (leader_target) {
                XY target = *leader_target;
                // Leader from the nearest edge of the label box to the feature.
                XY from;
                if (target.x > c.x - w / 2 && target.x < c.x + w / 2)
                    from = {target.x, target.y < top ? top - px(2) : top + h + px(2)};
                else
                    from = {target.x < c.x ? c.x - w / 2 - px(3) : c.x + w / 2 + px(3), std::clamp(target.y, top, top + h)};
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
            layer.items.push_back(text(line1, {c.x - e1.width / 2, top}, main, color, true));
            layer.items.push_back(text(line2, {c.x - e2.width / 2, top + e1.height}, second, color, true));
        }
        return layer;
    }

    // Words of `text` in lines no wider than `width`.
    static std::vector<std::string> wrap(const std::string& text, const FontSpec& f, double width) {
        std::vector<std::string> lines;
        std::string line, word;
        auto flush_word = [&] {
            if (word.empty()) return;
            std::string candidate = line.empty() ? word : line + " " + word;
            if (!line.empty() && measure_text(candidate, f).width > width) {
                lines.push_back(line);
                line = word;
            } else {
                line = candidate;
            }
            word.clear();
        };
        for (char ch : text) {
            if (ch == ' ') flush_word();
            else word += ch;
        }
        flush_word();
        if (!line.empty()) lines.push_back(line);
        return lines;
    }

    std::string scenario_words(EventScenario s) const {
        switch (s) {
            case EventScenario::two_island: return "two islands (1956 Joint Declaration)";
            case EventScenario::four_island: return "all four islands";
            case EventScenario::none: break;
        }
        return "no settlement scenario named";
    }

    // The event's callout: date, place, who, what, what was on the table, and the source.
    Layer callout_layer() const {
        Layer layer;
        layer.id = "event-callout";
        const Event& e = *in_.events->highlight;
        const Venue* v = in_.events->venues->find(e.place);
        const BBox& fr = view_.frame();
        const double w = std::min(fr.width() * 0.34, px(430)), pad = px(10);
        FontSpec head = font(style_.legend_size * 1.15, true), body = font(style_.legend_size), small = font(style_.small_size);
        std::vector<std::pair<std::string, FontSpec>> lines;
        lines.push_back({long_date(e.date), head});
        std::string place = v ? v->name + " · " + v->ja + " · " + v->ru : e.place;
        lines.push_back({place + " · " + std::string(to_string(e.kind)), body});
        for (const std::string& p : e.participants)
            for (const std::string& l : wrap("• " + p, body, w - 2 * pad)) lines.push_back({l, body});
        for (const std::string& l : wrap(e.summary, body, w - 2 * pad)) lines.push_back({l, body});
        lines.push_back({"On the table: " + scenario_words(e.scenario), font(style_.legend_size, true)});
        std::string source = "Source: " + e.source.outlet + ", \u201c" + e.source.title + "\u201d, " + e.source.date.str();
        for (const std::string& l : wrap(source, small, w - 2 * pad)) lines.push_back({l, small});
        double h = 2 * pad;
        for (const auto& [t, f] : lines) h += measure_text(t.empty() ? "Ag" : t, f).height + px(2);
        double x = fr.max_x - w - px(12), y = fr.min_y + px(12);
        PathItem box;
        box.rings.push_back({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}});
        box.fill = Rgba{style_.page.r, style_.page.g, style_.page.b, 0.94};
        box.stroke = style_.frame;
        box.stroke_width = px(0.8);
        layer.items.push_back(box);
        double ty = y + pad;
        for (const auto& [t, f] : lines) {
            layer.items.push_back(text(t, {x + pad, ty}, f, style_.text, false));
            ty += measure_text(t.empty() ? "Ag" : t, f).height + px(2);
        }
        return layer;
    }

    // Points along the great circle (geodesic) from a to b, split where a world map's seam cuts it.
    std::vector<std::vector<XY>> great_circle(const Projection& proj, const Viewport& v, LonLat a, LonLat b) const {
        std::vector<std::vector<XY>> parts(1);
        double azimuth = geodesic_azimuth_deg(a, b), length = geodesic_distance_m(a, b);
        XY last{NAN, NAN};
        const double seam_jump = v.frame().width() / 2;
        for (int i = 0; i <= 128; ++i) {
            XY p = v.to_page(proj.forward(geodesic_destination(a, azimuth, length * i / 128)));
            if (!parts.back().empty() && std::abs(p.x - last.x) > seam_jump) parts.emplace_back();
            parts.back().push_back(p);
            last = p;
        }
        return parts;
    }

    // Where the event took place, on a small world map with the great circle from the islands.
    Layer venue_inset_layer() const {
        Layer layer;
        layer.id = "venue-inset";
        const Event& e = *in_.events->highlight;
        const Venue* venue = in_.events->venues->find(e.place);
        const Projection& world = Projection::cached(world_crs());
        BBox projected = world_extent(world, *in_.events->world);
        const BBox& fr = view_.frame();
        double w = fr.width() * 0.3, h = w * projected.height() / projected.width();
        BBox box{fr.min_x + px(12), fr.min_y + px(12), fr.min_x + px(12) + w, fr.min_y + px(12) + h};
        Viewport v(projected, box);
        layer.items.push_back(inset_box(box, true));
        PathItem land;
        for (const LandFeature& f : in_.events->world->features) {
            std::vector<XY> ring;
            for (const LonLat& p : f.shape.outer) ring.push_back(v.to_page(world.forward(p)));
            land.rings.push_back(thinned(ring));
        }
        land.fill = style_.other.land;
        land.stroke = style_.coastline;
        land.stroke_width = px(0.3);
        layer.items.push_back(land);
        if (venue) {
            PathItem route;
            route.closed = false;
            route.rings = great_circle(world, v, in_.events->islands, venue->lonlat);
            route.stroke = style_.disputed_stroke;
            route.stroke_width = px(1.4);
            layer.items.push_back(route);
            layer.items.push_back(dot(v.to_page(world.forward(in_.events->islands)), px(3), style_.disputed_fill));
            XY vp = v.to_page(world.forward(venue->lonlat));
            layer.items.push_back(dot(vp, px(3.2), style_.text));
            FontSpec f = font(style_.small_size, true);
            std::string label = fmt::format("{} · {:.0f} km", venue->name, geodesic_distance_m(in_.events->islands, venue->lonlat) / 1000);
            TextExtent te = measure_text(label, f);
            double lx = std::clamp(vp.x - te.width / 2, box.min_x + px(3), box.max_x - te.width - px(3));
            double ly = vp.y + px(5) + te.height < box.max_y ? vp.y + px(5) : vp.y - px(5) - te.height;
            layer.items.push_back(text(label, {lx, ly}, f, style_.text, true));
        }
        layer.clip = box;
        layer.items.push_back(inset_box(box, false));
        return layer;
    }

    PathItem dot(XY c, double r, Rgba fill) const {
        PathItem d;
        std::vector<XY> circle;
        for (int i = 0; i < 24; ++i) circle.push_back({c.x + r * std::cos(i * M_PI / 12), c.y + r * std::sin(i * M_PI / 12)});
        d.rings.push_back(std::move(circle));
        d.fill = fill;
        d.stroke = style_.page;
        d.stroke_width = px(0.8);
        return d;
    }

    // The timeline map: every venue with its number of events and a great circle to the islands.
    Layer venues_layer(const std::vector<BBox>& occupied) const {
        Layer layer = map_layer("event-venues");
        std::map<std::string, int> count;
        for (const Event& e : in_.events->events->events) ++count[e.place];
        for (const auto& [place, n] : count) {
            const Venue* v = in_.events->venues->find(place);
            if (!v) continue;
            PathItem route;
            route.closed = false;
            route.rings = great_circle(proj_, view_, in_.events->islands, v->lonlat);
            route.stroke = style_.disputed_stroke;
            route.stroke_width = px(1.2);
            layer.items.push_back(route);
        }
        layer.items.push_back(dot(page(in_.events->islands), px(6), style_.disputed_fill));
        std::vector<BBox> placed = occupied;
        for (const auto& [place, n] : count)
            if (const Venue* v = in_.events->venues->find(place)) {
                XY p = page(v->lonlat);
                double r = px(3 + 2.2 * std::sqrt(n));
                placed.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
            }
        const BBox& fr = view_.frame();
        // The islands' own label first, so that venue labels keep clear of it.
        FontSpec fi = font(style_.island_label_size, true);
        XY ip = page(in_.events->islands);
        TextExtent ie = measure_text(pov_.title, fi);
        XY islands_at{ip.x + px(10), ip.y - px(24)};
        placed.push_back({islands_at.x, islands_at.y, islands_at.x + ie.width, islands_at.y + ie.height});
        FontSpec f = font(style_.island_label_size, true), f2 = font(style_.small_size);
        for (const auto& [place, n] : count) {
            const Venue* v = in_.events->venues->find(place);
            if (!v) continue;
            XY p = page(v->lonlat);
            layer.items.push_back(dot(p, px(3 + 2.2 * std::sqrt(n)), style_.text));
            std::string l1 = v->name + " " + (v->ja) + " " + v->ru, l2 = fmt::format("{} event{}", n, n == 1 ? "" : "s");
            TextExtent e1 = measure_text(l1, f), e2 = measure_text(l2, f2);
            double w = std::max(e1.width, e2.width), h = e1.height + e2.height;
            double r = px(3 + 2.2 * std::sqrt(n)) + px(4);
            // Right of the dot, else left, above or below: the first spot free of other labels.
            std::optional<XY> at;
            std::vector<XY> spots;
            for (double k : {1.0, 3.0, 6.0, 10.0, 15.0})
                for (XY o : {XY{k * r, -h / 2}, XY{-k * r - w, -h / 2}, XY{-w / 2, -k * r - h}, XY{-w / 2, k * r},
                             XY{k * r, -h - k * r / 2}, XY{k * r, k * r / 2}, XY{-k * r - w, -h - k * r / 2}, XY{-k * r - w, k * r / 2}})
                    spots.push_back(o);
            for (XY o : spots) {
                if (at) break;
                BBox b{p.x + o.x, p.y + o.y, p.x + o.x + w, p.y + o.y + h};
                bool inside = b.min_x > fr.min_x && b.max_x < fr.max_x && b.min_y > fr.min_y && b.max_y < fr.max_y;
                if (inside && std::none_of(placed.begin(), placed.end(), [&](const BBox& q) { return overlaps(q, b); })) {
                    at = XY{b.min_x, b.min_y};
                    placed.push_back(b);
                }
            }
            if (!at) continue;
            // A label set away from its dot gets a thin leader to it.
            XY nearest{std::clamp(p.x, at->x, at->x + w), std::clamp(p.y, at->y, at->y + h)};
            if (std::hypot(nearest.x - p.x, nearest.y - p.y) > 2 * r) {
                PathItem leader;
                leader.closed = false;
                leader.rings.push_back({p, nearest});
                leader.stroke = style_.leader;
                leader.stroke_width = px(0.8);
                layer.items.push_back(leader);
            }
            layer.items.push_back(text(l1, *at, f, style_.label_text, true));
            layer.items.push_back(text(l2, {at->x, at->y + e1.height}, f2, style_.label_text, true));
        }
        layer.items.push_back(text(pov_.title, islands_at, fi, style_.disputed_stroke, true));
        return layer;
    }

    // All events on a time axis under the map; the event of an event map is highlighted.
    Layer timeline_layer() const {
        Layer layer;
        layer.id = "timeline";
        const auto& events = in_.events->events->events;
        const BBox& fr = view_.frame();
        double x0 = fr.min_x + px(70), x1 = fr.max_x - px(20);
        double y = fr.max_y + m_.timeline_band * 0.42;
        auto t_of = [](const EventDate& d) { return d.year + (d.month - 1) / 12.0 + (d.day > 0 ? (d.day - 1) / 365.0 : 0.0); };
        // Events long before the rest (the 1956 declaration) go left of a break in the axis.
        double first_recent = t_of(events.back().date) - 10;
        std::vector<const Event*> early, recent;
        for (const Event& e : events) (t_of(e.date) < first_recent ? early : recent).push_back(&e);
        double t0 = recent.empty() ? first_recent : std::floor(t_of(recent.front()->date));
        double t1 = std::ceil(t_of(events.back().date) + 0.01);
        auto x_of = [&](double t) { return x0 + (t - t0) / (t1 - t0) * (x1 - x0); };
        PathItem axis;
        axis.closed = false;
        axis.rings.push_back({{x0, y}, {x1, y}});
        axis.stroke = style_.muted_text;
        axis.stroke_width = px(1);
        layer.items.push_back(axis);
        FontSpec f = font(style_.small_size), fb = font(style_.small_size, true);
        for (int year = static_cast<int>(t0); year <= static_cast<int>(t1); ++year) {
            PathItem tick;
            tick.closed = false;
            tick.rings.push_back({{x_of(year), y - px(4)}, {x_of(year), y + px(4)}});
            tick.stroke = style_.muted_text;
            tick.stroke_width = px(1);
            layer.items.push_back(tick);
            std::string label = std::to_string(year);
            TextExtent e = measure_text(label, f);
            layer.items.push_back(text(label, {x_of(year) - e.width / 2, y + px(6)}, f, style_.muted_text, false));
        }
        if (!early.empty()) {
            std::string label;
            for (const Event* e : early) label += (label.empty() ? "" : ", ") + std::to_string(e->date.year);
            label += " //";
            TextExtent e = measure_text(label, fb);
            bool hl = std::any_of(early.begin(), early.end(), [&](const Event* ev) { return ev == in_.events->highlight; });
            layer.items.push_back(text(label, {fr.min_x, y - e.height / 2}, fb, hl ? style_.disputed_stroke : style_.muted_text, false));
        }
        for (const Event* e : recent) {
            bool hl = e == in_.events->highlight;
            layer.items.push_back(dot({x_of(t_of(e->date)), y}, px(hl ? 6 : 3.5), hl ? style_.disputed_fill : style_.text));
        }
        if (in_.events->highlight) {
            const Event& e = *in_.events->highlight;
            if (t_of(e.date) >= first_recent) {
                std::string label = long_date(e.date);
                TextExtent te = measure_text(label, fb);
                double lx = std::clamp(x_of(t_of(e.date)) - te.width / 2, x0, x1 - te.width);
                layer.items.push_back(text(label, {lx, y - px(10) - te.height}, fb, style_.text, true));
            }
        }
        return layer;
    }

    std::string world_crs() const { return fmt::format("+proj=robin +lon_0={:g} +datum=WGS84 +units=m +no_defs", world_lon0_); }

    static BBox world_extent(const Projection& proj, const LandData& world) {
        BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const LandFeature& f : world.features)
            for (const LonLat& p : f.shape.outer) {
                XY q = proj.forward(p);
                b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
            }
        return b;
    }

    XY frame_centre() const {
        const BBox& f = view_.frame();
        return {(f.min_x + f.max_x) / 2, (f.min_y + f.max_y) / 2};
    }

    static std::vector<XY> rectangle(const BBox& b) {
        return {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
    }

    // An inset's sea-filled box (drawn first) or its outline alone (drawn last, over the content).
    PathItem inset_box(const BBox& box, bool filled) const {
        PathItem p;
        p.rings.push_back(rectangle(box));
        if (filled) p.fill = style_.sea;
        p.stroke = style_.frame;
        p.stroke_width = px(1);
        return p;
    }

    // A locator map of the wider region with the main map's frame, top left.
    Layer inset_layer() const {
        Layer layer;
        layer.id = "inset";
        const BBox& fr = view_.frame();
        BBox projected = proj_.forward_box(in_.case_config.inset_extent);
        double w = fr.width() * 0.2, h = w * projected.height() / projected.width();
        BBox box{fr.min_x + px(12), fr.min_y + px(12), fr.min_x + px(12) + w, fr.min_y + px(12) + h};
        Viewport inset_view(projected, box);
        auto to_page = [&](const Ring& ring) {
            std::vector<XY> out;
            for (const LonLat& p : ring) out.push_back(inset_view.to_page(proj_.forward(p)));
            return thinned(out);
        };
        layer.items.push_back(inset_box(box, true));
        PathItem land;
        for (const LandFeature& f : in_.inset->features) {
            land.rings.push_back(to_page(f.shape.outer));
            for (const Ring& hole : f.shape.holes) land.rings.push_back(to_page(hole));
        }
        land.fill = style_.other.land;
        land.stroke = style_.coastline;
        land.stroke_width = px(0.4);
        layer.items.push_back(land);
        // The main map's extent: a rectangle in the shared projection.
        const BBox& e = view_.extent();
        PathItem extent;
        extent.rings.push_back({inset_view.to_page({e.min_x, e.min_y}), inset_view.to_page({e.max_x, e.min_y}),
                                inset_view.to_page({e.max_x, e.max_y}), inset_view.to_page({e.min_x, e.max_y})});
        extent.stroke = style_.disputed_stroke;
        extent.stroke_width = px(1.6);
        layer.items.push_back(extent);
        // The box is clipped to itself, then outlined again on top.
        layer.clip = box;
        layer.items.push_back(inset_box(box, false));
        return layer;
    }

    // An arrow to true north at the map centre (in a conformal projection it turns away from the
    // page's vertical off the central meridian), bottom left above the scale bar.
    Layer north_arrow_layer() const {
        Layer layer;
        layer.id = "north-arrow";
        const BBox& fr = view_.frame();
        XY centre = frame_centre();
        LonLat c = proj_.inverse(view_.to_projected(centre));
        XY north = page({c.lon, c.lat + 0.1});
        double dx = north.x - centre.x, dy = north.y - centre.y, len = std::hypot(dx, dy);
        dx /= len, dy /= len;
        const double L = px(34), half_w = px(8);
        XY anchor{fr.min_x + px(34), fr.max_y - px(80)};
        XY tip{anchor.x + dx * L / 2, anchor.y + dy * L / 2}, tail{anchor.x - dx * L / 2, anchor.y - dy * L / 2};
        XY notch{anchor.x - dx * L * 0.25, anchor.y - dy * L * 0.25};
        XY left{tail.x - dy * half_w, tail.y + dx * half_w}, right{tail.x + dy * half_w, tail.y - dx * half_w};
        PathItem dark, light;
        dark.rings.push_back({tip, notch, left});
        dark.fill = style_.text;
        light.rings.push_back({tip, right, notch});
        light.fill = style_.page;
        for (PathItem* p : {&dark, &light}) {
            p->stroke = style_.text;
            p->stroke_width = px(0.8);
            layer.items.push_back(*p);
        }
        FontSpec f = font(style_.legend_size, true);
        TextExtent e = measure_text("N", f);
        XY label{tip.x + dx * (e.height * 0.6) - e.width / 2, tip.y + dy * (e.height * 0.6) - e.height / 2};
        layer.items.push_back(text("N", label, f, style_.text, true));
        return layer;
    }

    Layer frame_layer() const {
        Layer layer;
        layer.id = "frame";
        const BBox& f = view_.frame();
        PathItem rect;
        rect.rings.push_back(rectangle(f));
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
        XY c = frame_centre();
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
        double x0 = fr.min_x + px(16), y0 = fr.max_y - px(28);
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
        if (in_.world_map) {
            entries.push_back({style_.disputed_fill, style_.page, false, {}, {}, "The disputed islands"});
            entries.push_back({style_.text, style_.page, false, {}, {}, "Venue (larger: more events)"});
            entries.push_back({std::nullopt, style_.disputed_stroke, true, {}, {}, "Great circle from the islands"});
            return entries;
        }
        if (!in_.scenario) {
            std::string holder;
            for (const LandFeature& f : in_.land.features)
                if (!f.territory.empty()) holder = f.country;
            entries.push_back({style_.disputed_fill, style_.disputed_stroke, false, {}, {}, pov_.disputed_label});
            for (const Party& p : cc.parties) entries.push_back({style_.land_fill(p.id), style_.coastline, false, {}, {}, "Held by " + p.name});
            if (in_.view_boundaries)
                for (const ViewBoundary& b : pov_.boundaries)
                    entries.push_back({std::nullopt, style_.median_stroke, true, dash_for(b.line), {}, b.label});
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
        double y = view_.frame().max_y + m_.timeline_band + px(7);
        layer.items.push_back(text(in_.case_config.attribution, {m_.margin, y}, f, style_.muted_text, false));
        double y2 = y + measure_text("Ag", f).height + px(1);
        std::string projection = in_.world_map ? fmt::format("Robinson, centred on {:g}°E", world_lon0_)
                                 : o_.crs              ? *o_.crs
                                                       : in_.case_config.projection_name;
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
    const View& pov_;
    PageMetrics m_;
    const Projection& proj_;
    Viewport view_;
    std::vector<std::vector<XY>> disputed_page_;  // outer rings of disputed land, page coordinates
    static constexpr double world_lon0_ = 150;    // world maps centre on the Pacific; the seam is at 30°W
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
