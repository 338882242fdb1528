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
        : in_(in), o_(o), style_(in.style), pov_(in.case_config.view(o.pov)), m_(page_metrics(o, in.style)),
          proj_(o.crs.value_or(in.case_config.crs)),
          view_(proj_.forward_box(o.extent.value_or(in.case_config.extent)), frame_box(o, m_)) {
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
        std::optional<Layer> legend, figures, inset, arrow, scale;
        if (o_.legend) legend = legend_layer();
        if (in_.gains) figures = figures_layer();
        if (o_.inset && in_.inset) inset = inset_layer();
        if (o_.north_arrow) arrow = north_arrow_layer();
        if (o_.scale_bar) scale = scale_bar_layer();
        std::vector<BBox> occupied;
        for (const auto* l : {&legend, &figures, &inset, &arrow, &scale})
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
        if (o_.labels) scene.layers.push_back(labels_layer(occupied));
        scene.layers.push_back(frame_layer());
        if (scale) scene.layers.push_back(std::move(*scale));
        if (arrow) scene.layers.push_back(std::move(*arrow));
        if (inset) scene.layers.push_back(std::move(*inset));
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
            return pov_.title + ": comparing two scenarios";
        if (in_.scenario) return pov_.title + ": " + in_.scenario->title;
        return pov_.title;
    }
    std::string subtitle() const {
        if (o_.subtitle) return *o_.subtitle;
        if (in_.scenario && in_.compare_to)
            return "Colours: " + in_.scenario->title + ". Hatched: what changes hands under " + in_.compare_to->title;
        if (in_.scenario) return in_.scenario->description;
        return pov_.subtitle;
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

    Layer graticule_layer(const std::vector<BBox>& occupied) const {
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
            std::string s = fmt::format("{:g}°N", lat);
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
            for (XY offset : {XY{0, 0}, XY{0, -(h + gap)}, XY{0, h + gap}, XY{w / 2 + gap, 0}, XY{-(w / 2 + gap), 0},
                              XY{w / 2 + gap, -(h + gap)}, XY{-(w / 2 + gap), -(h + gap)}, XY{w / 2 + gap, h + gap},
                              XY{-(w / 2 + gap), h + gap}}) {
                XY c{anchor.x + offset.x, anchor.y + offset.y};
                if (free(box_at(c))) {
                    centre = c;
                    break;
                }
            }
            if (!centre && !territory) continue;
            XY c = centre.value_or(anchor);
            placed.push_back(box_at(c));
            double top = c.y - h / 2;
            if (place.leader_to) {
                XY target = page(*place.leader_to);
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
            return out;
        };
        PathItem background;
        background.rings.push_back({{box.min_x, box.min_y}, {box.max_x, box.min_y}, {box.max_x, box.max_y}, {box.min_x, box.max_y}});
        background.fill = style_.sea;
        background.stroke = style_.frame;
        background.stroke_width = px(1);
        layer.items.push_back(background);
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
        PathItem border = background;
        border.fill.reset();
        layer.items.push_back(border);
        return layer;
    }

    // An arrow to true north at the map centre (in a conformal projection it turns away from the
    // page's vertical off the central meridian), bottom left above the scale bar.
    Layer north_arrow_layer() const {
        Layer layer;
        layer.id = "north-arrow";
        const BBox& fr = view_.frame();
        XY centre{(fr.min_x + fr.max_x) / 2, (fr.min_y + fr.max_y) / 2};
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
    const View& pov_;
    PageMetrics m_;
    Projection proj_;
    Viewport view_;
    std::vector<std::vector<XY>> disputed_page_;  // outer rings of disputed land, page coordinates
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
