#include "layout/map_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "layout/scene_builder.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"

namespace claimmap {
namespace layout_detail {

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


PageMetrics page_metrics(const MapOptions& o, const Style& s, bool timeline, size_t credits_lines) {
    double u = std::min(o.width, o.height) / 1000.0;
    double margin = 24 * u;
    double title_band = margin + (s.title_size + s.subtitle_size) * u * 1.45 + 12 * u;
    const double credits_size = std::max(s.credits_size * u, min_legible_px(o));
    double credits_band = credits_size * 1.5 * static_cast<double>(std::max<size_t>(credits_lines, 2)) + 14 * u;
    double timeline_band = timeline ? (s.legend_size * 2.6 + 40) * u : 0;
    return {u, margin, title_band, credits_band, timeline_band};
}

double min_legible_px(const MapOptions& o) { return 6.0 * o.dpi / 72.0; }

BBox frame_box(const MapOptions& o, const PageMetrics& m, double side_column) {
    return {m.margin, m.title_band, o.width - m.margin - side_column, o.height - m.credits_band - m.timeline_band};
}

const Catalog& catalog_of(const MapInputs& in) { return in.catalog ? *in.catalog : catalog(data_dir(), "en"); }

const CaseText& case_text_of(const MapInputs& in) {
    static const CaseText english;
    return in.case_text ? *in.case_text : english;
}

void validate(const MapOptions& o) {
    if (o.width < 200 || o.height < 150 || o.width > max_image_side || o.height > max_image_side)
        throw Error(fmt::format("image size {}x{} is out of range: width 200..{}, height 150..{} pixels", o.width,
                                o.height, max_image_side, max_image_side));
}

Scene SceneBuilder::build() {
    Scene scene;
    scene.width = o_.width;
    scene.height = o_.height;
    scene.dpi = o_.dpi;
    scene.background = style_.page;
    scene.title = title();
    scene.lang = cat_.lang();
    // Furniture boxes first, so that labels can keep out of them. Each goes where it covers no
    // disputed land and no territory label (placement.cpp); `occupied` collects where they went.
    measure_obstacles();
    settle_lines();
    const bool event_map = in_.events && in_.events->highlight;
    std::optional<Layer> legend, figures, inset, arrow, scale, callout;
    std::vector<BBox> occupied;
    // North and distance vary across a world map: no arrow or bar there. The two keep together in
    // a corner of the frame, bottom left unless that covers what must stay visible.
    if (o_.north_arrow && !in_.world_map) arrow = north_arrow_layer();
    if (o_.scale_bar && !in_.world_map) scale = scale_bar_layer();
    if (arrow || scale) {
        Layer both;
        for (const auto* l : {&arrow, &scale})
            if (*l) both.items.insert(both.items.end(), (*l)->items.begin(), (*l)->items.end());
        BBox before = box_of_layer(both);
        if (place_layer(both, occupied, true)) {
            BBox after = occupied.back();
            for (auto* l : {&arrow, &scale})
                if (*l) translate(**l, after.min_x - before.min_x, after.min_y - before.min_y);
        } else {
            occupied.push_back(before);
        }
    }
    std::vector<Layer*> side;  // boxes that fit nowhere in the frame, for the side column
    if (event_map) {
        callout = placed_callout(occupied);
    }
    if (o_.legend) {
        legend = legend_layer();
        if (!place_layer(*legend, occupied)) side.push_back(&*legend);
    }
    if (!event_map && in_.gains) {
        figures = figures_layer();
        if (!place_layer(*figures, occupied)) side.push_back(&*figures);
    }
    // An inset is shrunk until it fits, and left out when it fits nowhere.
    for (double s : {1.0, 0.8, 0.6, 0.45}) {
        if (event_map && o_.inset && in_.events->world) inset = venue_inset_layer(s);
        else if (!event_map && o_.inset && in_.inset && !in_.world_map) inset = inset_layer(s);
        if (!inset || place_layer(*inset, occupied)) break;
        inset.reset();
    }
    // The side column: the callout on top (placed_callout), then the legend and the table.
    if (!side.empty()) {
        const BBox& fr = view_.frame();
        double y = fr.min_y;
        for (const BBox& b : occupied)
            if (b.min_x > fr.max_x) y = std::max(y, b.max_y + px(12));
        double width = 0;
        for (Layer* l : side) {
            BBox b = box_of_layer(*l);
            width = std::max(width, b.width() + px(12));
            if (side_column_ > 0) {
                translate(*l, fr.max_x + px(12) - b.min_x, y - b.min_y);
                occupied.push_back(box_of_layer(*l));
                y += b.height() + px(12);
            }
        }
        side_column_wanted_ = std::max(side_column_wanted_, width);
    }

    scene.layers.push_back(sea_layer());
    if (in_.scenario) {
        scene.layers.push_back(zone_layer("eez", &PartyOverlay::eez, &PartyStyle::eez));
        scene.layers.push_back(zone_layer("territorial-sea", &PartyOverlay::territorial_sea, &PartyStyle::territorial_sea));
    }
    // Place labels first: the degree labels give way to them, and keep a little off the furniture
    // (a degree figure just under the scale bar reads as one of its distances).
    std::optional<Layer> labels;
    if (!in_.world_map && o_.labels) labels = labels_layer(occupied);
    Layer degree_labels;
    if (o_.graticule) {
        std::vector<BBox> keep_off;
        for (const BBox& b : occupied) keep_off.push_back({b.min_x - px(6), b.min_y - px(6), b.max_x + px(6), b.max_y + px(6)});
        if (labels)
            for (const SceneItem& item : labels->items)
                if (const auto* t = std::get_if<TextItem>(&item)) {
                    TextExtent e = measure_text(t->text, t->font);
                    keep_off.push_back({t->origin.x - px(2), t->origin.y - px(2), t->origin.x + e.width + px(2), t->origin.y + e.height + px(2)});
                }
        keep_off.insert(keep_off.end(), disputed_boxes_.begin(), disputed_boxes_.end());
        // The lines go under the land, the figures over it (land drawn later hid "120°E" on Taiwan).
        Layer lines = graticule_layer(keep_off);
        degree_labels.id = "graticule-labels";
        std::erase_if(lines.items, [&](SceneItem& item) {
            if (!std::holds_alternative<TextItem>(item)) return false;
            degree_labels.items.push_back(std::move(item));
            return true;
        });
        scene.layers.push_back(std::move(lines));
    }
    scene.layers.push_back(land_layer());
    scene.layers.push_back(disputed_layer());
    if (Layer rings = disputed_markers_layer(); !rings.items.empty()) scene.layers.push_back(std::move(rings));
    if (in_.scenario) scene.layers.push_back(boundaries_layer());
    else if (in_.view_boundaries) scene.layers.push_back(view_boundaries_layer());
    if (!in_.case_config.claim_lines.empty() && !in_.world_map) scene.layers.push_back(claim_lines_layer());
    if (in_.gains && in_.compare_to) scene.layers.push_back(changes_layer());
    if (in_.world_map) scene.layers.push_back(venues_layer(occupied));
    else if (labels) scene.layers.push_back(std::move(*labels));
    if (!degree_labels.items.empty()) scene.layers.push_back(std::move(degree_labels));
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

std::string SceneBuilder::title() const {
    if (o_.title) return *o_.title;
    if (in_.events && in_.events->highlight) {
        const Event& e = *in_.events->highlight;
        const Venue* v = in_.events->venues->find(e.place);
        // At the territory itself the title names the place already.
        if (!v || at_the_territory(*v)) return tr("title.event_no_venue", {{"title", pov_.title}, {"date", cat_.date(e.date)}});
        return tr("title.event", {{"title", pov_.title}, {"date", cat_.date(e.date)}, {"venue", venue_name(*v)}});
    }
    if (in_.world_map) return tr("title.timeline", {{"title", pov_.title}});
    if (in_.scenario && in_.compare_to) return tr("title.compare", {{"title", pov_.title}});
    if (in_.scenario)
        return tr("title.scenario", {{"title", pov_.title}, {"scenario", scenario_text(in_.scenario->id, "title", in_.scenario->title)}});
    return pov_.title;
}

std::string SceneBuilder::subtitle() const {
    if (o_.subtitle) return *o_.subtitle;
    // The callout tells what happened; the subtitle says who met.
    if (in_.events && in_.events->highlight) return event_subtitle(*in_.events->highlight);
    if (in_.world_map) {
        const auto& events = in_.events->events->events;
        auto unplaced = std::count_if(events.begin(), events.end(), [](const Event& e) { return e.place.empty(); });
        std::string s = tr("subtitle.timeline", {{"count", cat_.number(double(events.size()), 0)},
                                                 {"first", std::to_string(events.front().date.year)},
                                                 {"last", std::to_string(events.back().date.year)},
                                                 {"from", in_.case_config.wording.from_disputed}});
        if (unplaced) s += tr("subtitle.timeline_unplaced", {{"count", cat_.number(double(unplaced), 0)}});
        return s;
    }
    if (in_.scenario && in_.compare_to)
        return tr("subtitle.compare", {{"scenario", scenario_text(in_.scenario->id, "title", in_.scenario->title)},
                                       {"other", scenario_text(in_.compare_to->id, "title", in_.compare_to->title)}});
    if (in_.scenario) return scenario_text(in_.scenario->id, "description", in_.scenario->description);
    return pov_.subtitle;
}

std::vector<std::string> SceneBuilder::participants(const Event& e) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < e.participants.size(); ++i)
        out.push_back(ct_.get("event." + e.id + ".participants." + std::to_string(i), e.participants[i]));
    return out;
}

std::string SceneBuilder::event_kind(const Event& e, bool inline_word) const {
    return tr(std::string(inline_word ? "event_kind_inline." : "event_kind.") + std::string(to_string(e.kind)));
}

std::string SceneBuilder::event_subtitle(const Event& e) const {
    std::string who;
    const std::vector<std::string> people = participants(e);
    for (size_t i = 0; i < people.size(); ++i) {
        std::string p = people[i];
        // "Name (Country, role)" -> "Name (Country)": the role stays in the callout. Full-width
        // brackets and the ideographic comma are the same marks in Japanese and Chinese text.
        for (auto [open_mark, comma_mark, close_mark] : {std::array<const char*, 3>{" (", ", ", ")"}, {"（", "、", "）"}})
            if (auto comma = p.find(comma_mark), open = p.find(open_mark); open != std::string::npos && comma != std::string::npos && comma > open)
                p = p.substr(0, comma) + close_mark;
        who += (i == 0 ? "" : i + 1 == people.size() ? tr("list.last_separator") : tr("list.separator")) + p;
    }
    return who.empty() ? event_kind(e, false) : tr("subtitle.event", {{"kind", event_kind(e, false)}, {"participants", who}});
}

SceneBuilder::LabelLine SceneBuilder::venue_names(const Venue& v, const std::string& sep) const {
    LabelLine line;
    // The reader's language first when the venue has a name in it, then English and each party's own.
    if (const std::string* own = v.names.find(cat_.lang()); own && cat_.lang() != "en") line.add(*own, cat_.lang(), sep);
    line.add(v.name, "", sep);
    for (const Party& p : in_.case_config.parties)
        if (const std::string* n = v.names.find(p.language(), p.id)) line.add(*n, p.language(), sep);
    return line;
}

bool SceneBuilder::at_the_territory(const Venue& v) const {
    if (!in_.events || !in_.events->case_land) return false;
    // On disputed land, or off its coast by less than a coarse coastline's error. A distance from
    // the territory's centre would not do: a town across a strait (Ulleungdo from the Liancourt
    // Rocks, Nemuro from the Habomai islets) is nearer than a town on the territory's far end.
    constexpr double coast_tolerance_m = 5e3;
    constexpr double tolerance_deg = 0.1;  // > 5 km in longitude below 60° of latitude
    for (const LandFeature& f : in_.events->case_land->features) {
        if (f.territory.empty()) continue;
        const Polygon& land = f.shape;
        const BBox b = bounds(land.outer);
        if (v.lonlat.lon < b.min_x - tolerance_deg || v.lonlat.lon > b.max_x + tolerance_deg || v.lonlat.lat < b.min_y - tolerance_deg ||
            v.lonlat.lat > b.max_y + tolerance_deg)
            continue;
        if (contains(land, v.lonlat)) return true;
        for (const LonLat& q : land.outer)
            if (geodesic_distance_m(q, v.lonlat) < coast_tolerance_m) return true;
    }
    return false;
}

std::string SceneBuilder::venue_name(const Venue& v) const {
    // A visit to the disputed territory itself: each side names it its own way, and a language's
    // name of it is one side's (독도, 竹島); the view's own name of the territory is the point of
    // view's, neutral on the neutral view.
    if (at_the_territory(v)) return pov_.title;
    const std::string* own = v.names.find(cat_.lang());
    return own ? *own : v.name;
}

std::string SceneBuilder::party_name(const std::string& id) const {
    const Party* p = in_.case_config.party(id);
    return p ? p->name : id;
}

std::vector<XY> SceneBuilder::page_ring(const Ring& ring) const {
    std::vector<XY> out;
    out.reserve(ring.size());
    for (const LonLat& p : ring) out.push_back(page(p));
    return thinned(out);
}

void SceneBuilder::add_polygon(PathItem& path, const Polygon& poly) const {
    path.rings.push_back(page_ring(poly.outer));
    for (const Ring& hole : poly.holes) path.rings.push_back(page_ring(hole));
}

Layer SceneBuilder::map_layer(std::string id) const {
    Layer layer;
    layer.id = std::move(id);
    layer.clip = view_.frame();
    return layer;
}

TextItem SceneBuilder::text(const std::string& s, XY origin, FontSpec font, Rgba color, bool halo) const {
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

PathItem SceneBuilder::panel(double x, double y, double w, double h, double opacity) const {
    PathItem box;
    box.rings.push_back({{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}});
    box.fill = Rgba{style_.page.r, style_.page.g, style_.page.b, opacity};
    box.stroke = style_.frame;
    box.stroke_width = px(0.8);
    return box;
}

PathItem SceneBuilder::polyline(std::vector<std::vector<XY>> lines, Rgba color, double width) const {
    PathItem path;
    path.closed = false;
    path.rings = std::move(lines);
    path.stroke = color;
    path.stroke_width = width;
    return path;
}

FontSpec SceneBuilder::font(double size, bool bold, bool italic) const {
    return {style_.font_family, px(size), bold, italic, cat_.lang()};
}

}  // namespace layout_detail

namespace {

// The map laid out; again with a column beside the frame when some box fitted nowhere inside it.
template <typename Result>
Result laid_out(const MapInputs& in, const MapOptions& options, Result (*pick)(layout_detail::SceneBuilder&, Scene&&)) {
    layout_detail::validate(options);
    layout_detail::SceneBuilder first(in, options);
    Scene scene = first.build();
    if (first.side_column_wanted() <= 0) return pick(first, std::move(scene));
    layout_detail::SceneBuilder second(in, options, first.side_column_wanted());
    return pick(second, second.build());
}

}  // namespace

Scene build_map_scene(const MapInputs& in, const MapOptions& options) {
    return laid_out<Scene>(in, options, [](layout_detail::SceneBuilder&, Scene&& s) { return std::move(s); });
}

MapFrame map_frame(const MapInputs& in, const MapOptions& options) {
    return laid_out<MapFrame>(in, options, [](layout_detail::SceneBuilder& b, Scene&&) { return b.frame(); });
}

}  // namespace claimmap
