// SceneBuilder: map furniture: frame, locator inset, north arrow, scale bar, legend, title, credits.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "layout/scene_builder.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"

namespace claimmap::layout_detail {

XY SceneBuilder::frame_centre() const {
    const BBox& f = view_.frame();
    return {(f.min_x + f.max_x) / 2, (f.min_y + f.max_y) / 2};
}

std::vector<XY> SceneBuilder::rectangle(const BBox& b) {
    return {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
}

PathItem SceneBuilder::inset_box(const BBox& box, bool filled) const {
    PathItem p;
    p.rings.push_back(rectangle(box));
    if (filled) p.fill = style_.sea;
    p.stroke = style_.frame;
    p.stroke_width = px(1);
    return p;
}

Layer SceneBuilder::inset_layer(double scale) const {
    Layer layer;
    layer.id = "inset";
    const BBox& fr = view_.frame();
    BBox projected = proj_.forward_box(in_.case_config.inset_extent);
    double w = fr.width() * 0.2 * scale, h = w * projected.height() / projected.width();
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

Layer SceneBuilder::north_arrow_layer() const {
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
    const std::string letter = tr("north_arrow.north");
    TextExtent e = measure_text(letter, f);
    XY label{tip.x + dx * (e.height * 0.6) - e.width / 2, tip.y + dy * (e.height * 0.6) - e.height / 2};
    layer.items.push_back(text(letter, label, f, style_.text, true));
    return layer;
}

Layer SceneBuilder::frame_layer() const {
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

Layer SceneBuilder::scale_bar_layer() const {
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
    std::string label = nice >= 1000 ? tr("units.km", {{"value", cat_.plain(nice / 1000)}}) : tr("units.m", {{"value", cat_.plain(nice)}});
    TextExtent e0 = measure_text("0", f), e1 = measure_text(label, f);
    layer.items.push_back(text("0", {x0 - e0.width / 2, y0 - e0.height - px(1)}, f, style_.text, true));
    layer.items.push_back(text(label, {x0 + bar_px - e1.width / 2, y0 - e1.height - px(1)}, f, style_.text, true));
    return layer;
}

std::vector<SceneBuilder::LegendEntry> SceneBuilder::legend_entries() const {
    const CaseConfig& cc = in_.case_config;
    std::vector<LegendEntry> entries;
    if (in_.world_map) {
        entries.push_back({style_.disputed_fill, style_.page, false, {}, {}, in_.case_config.wording.disputed_legend});
        entries.push_back({style_.text, style_.page, false, {}, {}, tr("legend.venue")});
        entries.push_back({std::nullopt, style_.disputed_stroke, true, {}, {}, tr("legend.great_circle", {{"from", in_.case_config.wording.from_disputed}})});
        return entries;
    }
    // Only parties whose own land is on the map get a land swatch.
    std::set<std::string> land_drawn;
    std::map<std::string, std::string> held_today;  // disputed territory -> its de facto holder (the land data)
    for (const LandFeature& f : in_.land.features) {
        if (f.territory.empty()) land_drawn.insert(f.country);
        else held_today[f.territory] = f.country;
    }
    if (!in_.scenario) {
        entries.push_back({style_.disputed_fill, style_.disputed_stroke, false, {}, {}, pov_.disputed_label});
        for (const Party& p : cc.parties)
            if (land_drawn.count(p.id)) entries.push_back({style_.land_fill(p.id), style_.coastline, false, {}, {}, tr("legend.held_by", {{"party", p.name}})});
        // Only the boundaries drawn: a scenario whose parties' zones never meet has no line.
        if (in_.view_boundaries)
            for (size_t i = 0; i < pov_.boundaries.size() && i < in_.view_boundaries->size(); ++i)
                if (looks_[i].drawn)
                    entries.push_back({std::nullopt, looks_[i].colour, true, looks_[i].dash, {}, pov_.boundaries[i].label});
        claim_line_entries(entries);
        return entries;
    }
    // Disputed land is drawn in the accent of whoever holds it under the scenario: a party that
    // gains land "receives" it, one that only holds what it holds today "keeps" it. When nobody
    // receives anything the map is the status quo, which the view's own words describe.
    std::set<std::string> receives, keeps;
    auto assign = [&](const std::string& territory, const std::string& party) {
        auto today = held_today.find(territory);
        (today != held_today.end() && today->second == party ? keeps : receives).insert(party);
    };
    for (const auto& [territory, party] : in_.scenario->territory_holder)
        if (held_today.count(territory)) assign(territory, party);
    for (const auto& [party, pieces] : in_.scenario->split_pieces)
        if (!pieces.empty()) assign(in_.scenario->split_territory, party);
    const bool status_quo = receives.empty() && keeps.size() == 1;
    for (const Party& p : cc.parties) {
        if (status_quo && keeps.count(p.id))
            entries.push_back({style_.party(p.id).accent, style_.disputed_stroke, false, {}, {}, pov_.disputed_label});
        else if (receives.count(p.id) || keeps.count(p.id))
            entries.push_back({style_.party(p.id).accent, style_.disputed_stroke, false, {}, {},
                               tr(receives.count(p.id) ? "legend.disputed_to" : "legend.disputed_kept", {{"party", p.name}})});
        if (land_drawn.count(p.id))
            entries.push_back({style_.land_fill(p.id), style_.coastline, false, {}, {}, tr("legend.party_land", {{"party", p.name}})});
        if (!cc.sea) continue;  // a land dispute has no zones
        const PartyOverlay* zones = nullptr;
        for (const PartyOverlay& o : in_.scenario->parties)
            if (o.party == p.id) zones = &o;
        if (zones && !zones->territorial_sea.empty())
            entries.push_back({style_.party(p.id).territorial_sea, std::nullopt, false, {}, {}, tr("legend.territorial_sea", {{"party", p.name}})});
        if (zones && !zones->eez.empty())
            entries.push_back({style_.party(p.id).eez, std::nullopt, false, {}, {}, tr("legend.eez", {{"party", p.name}})});
    }
    if (!in_.scenario->median_line.empty())
        entries.push_back({std::nullopt, style_.median_stroke, true, style_.median_dash, {}, median_words(*in_.scenario)});
    claim_line_entries(entries);
    if (in_.compare_to) {
        if (!in_.compare_to->median_line.empty())
            entries.push_back({std::nullopt, style_.compare_stroke, true, style_.compare_dash, {}, median_words(*in_.compare_to)});
        entries.push_back({std::nullopt, style_.hatch, false, {}, hatch(), tr("legend.changes_hands", {{"scenario", scenario_text(in_.compare_to->id, "title", in_.compare_to->title)}})});
    }
    if (!in_.scenario->split_cut.empty())
        entries.push_back({std::nullopt, style_.split_cut, true, {}, {}, tr("legend.dividing_line")});
    return entries;
}

void SceneBuilder::claim_line_entries(std::vector<LegendEntry>& entries) const {
    const auto& lines = in_.case_config.claim_lines;
    for (size_t i = claim_lines_first_; i < looks_.size(); ++i)
        if (looks_[i].drawn) entries.push_back({std::nullopt, looks_[i].colour, true, looks_[i].dash, {}, lines[i - claim_lines_first_].label});
}

std::string SceneBuilder::median_words(const ScenarioOverlay& scenario) const {
    // Two parties: one line, named by the scenario. More: which pairs' lines are drawn.
    const std::string title = scenario_text(scenario.id, "title", scenario.title);
    if (scenario.median_pairs.size() <= 1 && in_.case_config.parties.size() <= 2) return tr("legend.median_line", {{"scenario", title}});
    // "A–B, A–C and B–C": the last pair joined like the end of a list, so that the scenario after
    // the pairs does not read as one more of them.
    std::string pairs;
    for (size_t i = 0; i < scenario.median_pairs.size(); ++i) {
        const auto& [a, b] = scenario.median_pairs[i];
        if (i) pairs += tr(i + 1 == scenario.median_pairs.size() ? "list.last_separator" : "list.separator");
        pairs += tr("legend.party_pair", {{"a", party_name(a)}, {"b", party_name(b)}});
    }
    return tr(scenario.median_pairs.size() == 1 ? "legend.median_line_pair" : "legend.median_lines_pairs", {{"pairs", pairs}, {"scenario", title}});
}

Layer SceneBuilder::legend_layer() const {
    Layer layer;
    layer.id = "legend";
    std::vector<LegendEntry> entries = legend_entries();
    FontSpec f = font(style_.legend_size);
    double sw = px(22), sh = px(14), gap = px(8), pad = px(10), row = std::max(sh, measure_text("Ag", f).height) + px(5);
    // A line's swatch shows its dash pattern twice over, so that a long dash or a dash-dot reads as
    // such beside a plain dash.
    for (const LegendEntry& e : entries)
        if (e.line) {
            double period = 0;
            for (double d : e.dash) period += px(d);
            sw = std::max(sw, 2 * period);
        }
    double text_w = 0;
    for (const LegendEntry& e : entries) text_w = std::max(text_w, measure_text(e.label, f).width);
    double w = pad * 2 + sw + gap + text_w, h = pad * 2 + row * entries.size() - px(5);
    const BBox& fr = view_.frame();
    double x = fr.max_x - w - px(12), y = fr.max_y - h - px(12);
    layer.items.push_back(panel(x, y, w, h, 0.92));
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

FontSpec SceneBuilder::fitted(const std::string& s, FontSpec f, double width, double floor_px) {
    const double full = f.size_px;
    while (f.size_px > full * 0.6 && measure_text(s, f).width > width) f.size_px *= 0.95;
    f.size_px = std::max(f.size_px, std::min(full, floor_px));
    return f;
}

Layer SceneBuilder::title_layer() const {
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

SceneBuilder::CreditsLines SceneBuilder::credits_lines(double unit) const {
    const double centre = in_.case_config.world_centre_lon;
    std::string projection = in_.world_map ? tr("credits.robinson", {{"lon", longitude(centre)}})
                             : o_.crs      ? *o_.crs
                                           : in_.case_config.projection_name;
    // The second line's clauses, each after the catalog's own separator (" · ").
    std::vector<std::string> clauses{tr("credits.projection", {{"projection", projection}})};
    // Zones and median lines are computed only within the case's region: a wide or tall page shows
    // lines that stop in open sea, and this says why.
    const bool lines_drawn = in_.view_boundaries && std::any_of(in_.view_boundaries->begin(), in_.view_boundaries->end(),
                                                                [](const auto& lines) { return !lines.empty(); });
    if ((in_.scenario || lines_drawn) && in_.case_config.sea) {
        const BBox& r = in_.case_config.region;
        // Hemispheres from the numbers: a case west of Greenwich or south of the equator reads "W", "S".
        clauses.push_back(tr("credits.sea_zones", {{"lon_range", longitude_range_text(cat_, r.min_x, r.max_x)},
                                                   {"lat_range", latitude_range_text(cat_, r.min_y, r.max_y)}}));
    }
    clauses.push_back(tr("credits.made_with", {{"version", CLAIMMAP_VERSION}}));
    std::string line2;
    for (const std::string& c : clauses) line2 += c;
    // The style's size, never below the legible minimum; a line too long for the page (Russian
    // runs ~30 % longer, a portrait page is narrow) shrinks a little, to one size for both lines,
    // then wraps, between clauses where it can.
    const double room = o_.width - 2 * page_metrics(o_, style_, false).margin;
    const double legible = min_legible_px(o_);
    CreditsLines out;
    out.font = {style_.font_family, std::max(style_.credits_size * unit, legible), false, false, cat_.lang()};
    const double floor = std::max(out.font.size_px * 0.85, legible);
    double size = out.font.size_px;
    for (const std::string& line : {in_.case_config.attribution, line2}) size = std::min(size, fitted(line, out.font, room, floor).size_px);
    out.font.size_px = size;
    auto add_wrapped = [&](const std::string& text) {
        for (std::string& piece : wrap(text, out.font, room)) out.lines.push_back(std::move(piece));
    };
    add_wrapped(in_.case_config.attribution);
    std::string current;
    for (const std::string& clause : clauses) {
        if (current.empty() || measure_text(current + clause, out.font).width <= room) {
            current += clause;
            continue;
        }
        add_wrapped(current);
        // A clause that starts a line drops the separator that joined it to the one before.
        std::string_view rest = clause;
        for (bool trimmed = true; trimmed;) {
            trimmed = false;
            for (std::string_view sep : {std::string_view(" "), std::string_view("\u00b7")})
                if (rest.starts_with(sep)) rest.remove_prefix(sep.size()), trimmed = true;
        }
        current = rest;
    }
    add_wrapped(current);
    return out;
}

Layer SceneBuilder::credits_layer() const {
    Layer layer;
    layer.id = "credits";
    double y = view_.frame().max_y + m_.timeline_band + px(7);
    const double step = measure_text("Ag", credits_.font).height + px(1);
    for (const std::string& line : credits_.lines) {
        layer.items.push_back(text(line, {m_.margin, y}, credits_.font, style_.muted_text, false));
        y += step;
    }
    return layer;
}

}  // namespace claimmap::layout_detail
