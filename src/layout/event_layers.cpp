// SceneBuilder: what event maps and the timeline map add: the callout, the venue inset with its
// great circle, the venues of the world map and the timeline strip.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

#include "core/error.hpp"
#include "geometry/geodesic.hpp"
#include "geometry/projection.hpp"
#include "layout/scene_builder.hpp"
#include "layout/viewport.hpp"
#include "render/text.hpp"

namespace claimmap::layout_detail {

namespace {

// The part [t0, t1] of the segment a-b inside the box, if any (Liang-Barsky).
std::optional<std::pair<double, double>> part_inside(XY a, XY b, const BBox& box) {
    double t0 = 0, t1 = 1;
    const double d[2] = {b.x - a.x, b.y - a.y};
    const double lo[2] = {box.min_x - a.x, box.min_y - a.y}, hi[2] = {box.max_x - a.x, box.max_y - a.y};
    for (int k = 0; k < 2; ++k) {
        if (d[k] == 0) {
            if (lo[k] >= 0 || hi[k] <= 0) return std::nullopt;
            continue;
        }
        double u = lo[k] / d[k], v = hi[k] / d[k];
        if (u > v) std::swap(u, v);
        t0 = std::max(t0, u), t1 = std::min(t1, v);
    }
    if (t0 >= t1) return std::nullopt;
    return std::pair{t0, t1};
}

bool crosses(const std::vector<std::vector<XY>>& lines, const BBox& box) {
    for (const auto& line : lines)
        for (size_t i = 0; i + 1 < line.size(); ++i)
            if (part_inside(line[i], line[i + 1], box)) return true;
    return false;
}

// Where a w x h label may go next to a dot (offsets from the dot's centre to the label's top-left
// corner, `r` out from the centre): right, left, above, below, the diagonals, then slid along the
// sides in eighths of the label, still touching the dot's row or column.
std::vector<XY> spots_beside(double w, double h, double r) {
    std::vector<XY> out{{r, -h / 2}, {-r - w, -h / 2}, {-w / 2, -r - h}, {-w / 2, r}, {r, -h - r / 2}, {r, r / 2}, {-r - w, -h - r / 2}, {-r - w, r / 2}};
    for (double f : {0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1.0, -1.0})
        for (XY o : {XY{-w / 2 + f * w / 2, -r - h}, XY{-w / 2 + f * w / 2, r}, XY{r, -h / 2 + f * h / 2}, XY{-r - w, -h / 2 + f * h / 2}})
            out.push_back(o);
    return out;
}

// How much of the lines (page length) runs inside the box.
double length_inside(const std::vector<std::vector<XY>>& lines, const BBox& box) {
    double length = 0;
    for (const auto& line : lines)
        for (size_t i = 0; i + 1 < line.size(); ++i)
            if (auto part = part_inside(line[i], line[i + 1], box))
                length += (part->second - part->first) * std::hypot(line[i + 1].x - line[i].x, line[i + 1].y - line[i].y);
    return length;
}

// Open lines with their parts inside the boxes taken out: a line passing behind a label stops short
// of it and goes on past it (a knock-out, as a newspaper sets a name over a route).
std::vector<std::vector<XY>> knocked_out(const std::vector<std::vector<XY>>& lines, const std::vector<BBox>& boxes) {
    std::vector<std::vector<XY>> out;
    for (const auto& line : lines) {
        std::vector<XY> piece;
        auto flush = [&] {
            if (piece.size() >= 2) out.push_back(piece);
            piece.clear();
        };
        for (size_t i = 0; i + 1 < line.size(); ++i) {
            const XY a = line[i], b = line[i + 1];
            auto at = [&](double t) { return XY{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; };
            std::vector<std::pair<double, double>> hidden;
            for (const BBox& box : boxes)
                if (auto part = part_inside(a, b, box)) hidden.push_back(*part);
            std::sort(hidden.begin(), hidden.end());
            // The visible stretches of the segment, between the hidden ones.
            auto visible = [&](double t0, double t1) {
                if (t1 <= t0) return;
                if (t0 > 0 || piece.empty()) {
                    flush();
                    piece.push_back(at(t0));
                }
                piece.push_back(at(t1));
                if (t1 < 1) flush();
            };
            double t = 0;
            for (const auto& [t0, t1] : hidden) {
                visible(t, t0);
                t = std::max(t, t1);
            }
            visible(t, 1);
        }
        flush();
    }
    return out;
}

}  // namespace

std::vector<std::string> SceneBuilder::wrap(const std::string& text, const FontSpec& f, double width) {
    return wrap_text(text, f, width);
}

std::string SceneBuilder::scenario_words(const std::string& scenario) const {
    for (const Scenario& s : *in_.events->scenarios)
        if (s.id == scenario) {
            // Without words of its own for the callout the scenario is named by its title.
            if (s.on_the_table == s.title) return scenario_text(s.id, "title", s.title);
            return scenario_text(s.id, "on_the_table", s.on_the_table);
        }
    return tr("callout.no_scenario");
}

Layer SceneBuilder::callout_layer(double w, double scale, double max_height) const {
    Layer layer;
    layer.id = "event-callout";
    const Event& e = *in_.events->highlight;
    const Venue* v = in_.events->venues->find(e.place);
    const BBox& fr = view_.frame();
    const double pad = px(10) * scale;
    FontSpec body = font(style_.legend_size * scale), small = font(style_.small_size * scale), bold = font(style_.legend_size * scale, true);
    struct Line {
        std::string text;
        FontSpec font;
        Rgba color;
    };
    auto add = [&](std::vector<Line>& to, const std::string& text, const FontSpec& f, Rgba color) {
        for (const std::string& l : wrap(text, f, w - 2 * pad)) to.push_back({l, f, color});
    };
    // A caption first, in a lighter style, so that it does not read as one more place label: the
    // date, the place by one name in the reader's language (as the title names it) and the kind.
    std::vector<Line> lines;
    const TextArgs caption_args{{"date", cat_.date(e.date)}, {"place", v ? venue_name(*v) : ""}, {"kind", event_kind(e, true)}};
    add(lines, tr(v ? "callout.caption" : "callout.caption_no_place", caption_args), body, style_.muted_text);
    const size_t caption_lines = lines.size();
    for (const std::string& p : participants(e)) add(lines, tr("callout.participant", {{"participant", p}}), body, style_.text);
    add(lines, ct_.get("event." + e.id + ".summary", e.summary), body, style_.text);
    std::vector<Line> tail;
    add(tail, tr("callout.on_the_table", {{"scenario", scenario_words(e.scenario)}}), bold, style_.text);
    // The outlet and a real headline stay as published (a headline is a quotation, in the
    // language's quotation marks); our own description of the piece and the date are the reader's.
    const std::string cited = e.source.headline.empty() ? ct_.get("event." + e.id + ".source_description", e.source.description)
                                                        : tr("callout.headline", {{"headline", e.source.headline}});
    add(tail, tr("callout.source", {{"outlet", e.source.outlet}, {"title", cited}, {"date", cat_.date(e.source.date)}}), small, style_.text);
    auto line_h = [&](const Line& l) { return measure_text(l.text.empty() ? "Ag" : l.text, l.font).height + px(2) * scale; };
    double h = 2 * pad;
    for (const Line& l : lines) h += line_h(l);
    for (const Line& l : tail) h += line_h(l);
    // Too tall for the page even beside the map: the summary is cut, visibly, and the source kept.
    while (h > max_height && lines.size() > caption_lines + 1) {
        h -= line_h(lines.back());
        lines.pop_back();
        lines.back().text += tr("callout.more");
    }
    lines.insert(lines.end(), tail.begin(), tail.end());
    // Drawn top right of the frame, or beside it when there is a side column; placed later.
    double x = side_column_ > 0 ? fr.max_x + px(12) : fr.max_x - w - px(12), y = fr.min_y + (side_column_ > 0 ? 0 : px(12));
    layer.items.push_back(panel(x, y, w, h, 0.94));
    double ty = y + pad;
    for (const Line& l : lines) {
        layer.items.push_back(text(l.text, {x + pad, ty}, l.font, l.color, false));
        ty += line_h(l);
    }
    return layer;
}

std::optional<Layer> SceneBuilder::placed_callout(std::vector<BBox>& taken) {
    const BBox& fr = view_.frame();
    const double full = std::min(fr.width() * 0.34, px(430));
    if (side_column_ > 0) {
        // Beside the frame: as large as the page's height allows.
        const double room = fr.height() + m_.timeline_band;
        std::optional<Layer> fits;
        for (double scale : {1.0, 0.9, 0.8, 0.7, 0.6}) {
            Layer l = callout_layer(side_column_ - px(12), scale);
            if (box_of_layer(l).height() <= room) {
                fits = std::move(l);
                break;
            }
        }
        if (!fits) fits = callout_layer(side_column_ - px(12), 0.6, room);
        taken.push_back(box_of_layer(*fits));
        return fits;
    }
    // Inside the frame: the style's size first, then narrower (taller), then smaller type.
    for (double scale : {1.0, 0.85, 0.72})
        for (double width : {full, full * 0.8, full * 0.62}) {
            Layer l = callout_layer(width * scale, scale);
            if (place_layer(l, taken)) return l;
        }
    side_column_wanted_ = std::max(side_column_wanted_, full + px(12));
    return std::nullopt;
}

std::vector<std::vector<XY>> SceneBuilder::great_circle(const Projection& proj, const Viewport& v, LonLat a, LonLat b) const {
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

Layer SceneBuilder::venue_inset_layer(double scale) const {
    Layer layer;
    layer.id = "venue-inset";
    const Event& e = *in_.events->highlight;
    const Venue* venue = in_.events->venues->find(e.place);
    const Projection& world = Projection::cached(in_.case_config.world_crs());
    BBox projected = world_extent(world, *in_.events->world);
    const BBox& fr = view_.frame();
    double w = fr.width() * 0.3 * scale, h = w * projected.height() / projected.width();
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
        // A venue at the disputed territory itself (a visit to the islands): no line and no
        // distance, which would only measure from the territory's centre ("1 km").
        const double km = geodesic_distance_m(in_.events->islands, venue->lonlat) / 1000;
        const bool on_the_spot = at_the_territory(*venue);
        const std::vector<std::vector<XY>> line = on_the_spot ? std::vector<std::vector<XY>>{} : great_circle(world, v, in_.events->islands, venue->lonlat);
        const XY ip = v.to_page(world.forward(in_.events->islands)), vp = v.to_page(world.forward(venue->lonlat));
        FontSpec f = font(style_.small_size, true);
        std::string label = on_the_spot ? venue_name(*venue)
                                        : tr("inset.venue_distance", {{"venue", venue_name(*venue)}, {"distance", tr("units.km", {{"value", cat_.number(km, 0, {.group = false})}})}});
        TextExtent te = measure_text(label, f);
        // As on the timeline: next to the venue's dot on a side the line does not take; else next
        // to it where it hides the least of the line, which stops short of it.
        const BBox inner{box.min_x + px(3), box.min_y + px(3), box.max_x - px(3), box.max_y - px(3)};
        const BBox islands_dot{ip.x - px(4), ip.y - px(4), ip.x + px(4), ip.y + px(4)};
        std::optional<BBox> at;
        double least_hidden = INFINITY;
        for (XY o : spots_beside(te.width, te.height, px(3.2) + px(4))) {
            const BBox b{vp.x + o.x, vp.y + o.y, vp.x + o.x + te.width, vp.y + o.y + te.height};
            if (b.min_x < inner.min_x || b.max_x > inner.max_x || b.min_y < inner.min_y || b.max_y > inner.max_y || overlaps(b, islands_dot)) continue;
            if (const double hidden = length_inside(line, b); hidden < least_hidden) least_hidden = hidden, at = b;
            if (least_hidden == 0) break;
        }
        if (!at) {  // an inset too small for any spot beside the dot: below it, kept inside
            const double lx = std::clamp(vp.x - te.width / 2, box.min_x + px(3), box.max_x - te.width - px(3));
            const double ly = vp.y + px(5) + te.height < box.max_y ? vp.y + px(5) : vp.y - px(5) - te.height;
            at = BBox{lx, ly, lx + te.width, ly + te.height};
        }
        if (!line.empty()) {
            const BBox gap{at->min_x - px(3), at->min_y - px(2), at->max_x + px(3), at->max_y + px(2)};
            layer.items.push_back(polyline(knocked_out(line, {gap}), style_.disputed_stroke, px(1.4)));
        }
        layer.items.push_back(dot(ip, px(3), style_.disputed_fill));
        layer.items.push_back(dot(vp, px(3.2), style_.text));
        layer.items.push_back(text(label, {at->min_x, at->min_y}, f, style_.text, true));
    } else {
        // No venue to mark: say so rather than leave the reader to guess.
        layer.items.push_back(dot(v.to_page(world.forward(in_.events->islands)), px(3), style_.disputed_fill));
        FontSpec f = font(style_.small_size, true);
        const std::string label = tr("inset.place_unknown");
        TextExtent te = measure_text(label, f);
        layer.items.push_back(text(label, {box.min_x + px(4), box.max_y - te.height - px(3)}, f, style_.text, true));
    }
    layer.clip = box;
    layer.items.push_back(inset_box(box, false));
    return layer;
}

PathItem SceneBuilder::dot(XY c, double r, Rgba fill) const {
    PathItem d;
    std::vector<XY> circle;
    for (int i = 0; i < 24; ++i) circle.push_back({c.x + r * std::cos(i * M_PI / 12), c.y + r * std::sin(i * M_PI / 12)});
    d.rings.push_back(std::move(circle));
    d.fill = fill;
    d.stroke = style_.page;
    d.stroke_width = px(0.8);
    return d;
}

Layer SceneBuilder::venues_layer(const std::vector<BBox>& occupied) const {
    // The disc grows with the number of events at a venue, up to 36 of them: thousands of
    // events must not make one disc cover the map (the label gives the count).
    auto venue_disc_radius = [&](int n) { return px(3 + 2.2 * std::sqrt(std::min(n, 36))); };
    Layer layer = map_layer("event-venues");
    std::map<std::string, int> count;
    for (const Event& e : in_.events->events->events)
        if (!e.place.empty()) ++count[e.place];
    // Events at the disputed territory itself (a visit to the islands) are counted under the
    // islands' own label: a venue label of their own would name the territory a second time, in
    // each side's words.
    int at_islands = 0;
    std::vector<std::pair<const Venue*, int>> elsewhere;  // the other venues, in place-id order
    for (const auto& [place, n] : count)
        if (const Venue* v = in_.events->venues->find(place)) {
            if (at_the_territory(*v)) at_islands += n;
            else elsewhere.push_back({v, n});
        }
    // The lines are drawn first, under everything, once the labels they must not cross are placed.
    std::vector<std::vector<XY>> arcs, leaders;
    std::vector<std::vector<std::vector<XY>>> own_arcs;  // each venue's own, in `elsewhere` order
    for (const auto& [v, n] : elsewhere) {
        own_arcs.push_back(great_circle(proj_, view_, in_.events->islands, v->lonlat));
        for (const auto& piece : own_arcs.back()) arcs.push_back(piece);
    }
    const XY ip = page(in_.events->islands);
    layer.items.push_back(dot(ip, px(6), style_.disputed_fill));
    std::vector<BBox> placed = occupied;
    placed.push_back({ip.x - px(6), ip.y - px(6), ip.x + px(6), ip.y + px(6)});  // the islands' dot, where every line starts
    for (const auto& [v, n] : elsewhere) {
        XY p = page(v->lonlat);
        double r = venue_disc_radius(n);
        placed.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
    }
    // A label nearer another dot than its own would name that one: off the lines is no help then.
    std::vector<XY> dots{ip};
    for (const auto& [v, n] : elsewhere) dots.push_back(page(v->lonlat));
    auto nearer_another_dot = [&](const BBox& b, XY own) {
        auto gap = [&](XY q) { return std::hypot(q.x - std::clamp(q.x, b.min_x, b.max_x), q.y - std::clamp(q.y, b.min_y, b.max_y)); };
        return std::any_of(dots.begin(), dots.end(), [&](XY q) { return (q.x != own.x || q.y != own.y) && gap(q) < gap(own); });
    };
    const BBox& fr = view_.frame();
    // The islands' own label first, so that venue labels keep clear of it.
    FontSpec fi = font(style_.island_label_size, true);
    TextExtent ie = measure_text(pov_.title, fi);
    FontSpec f = font(style_.island_label_size, true), f2 = font(style_.small_size);
    const std::string islands_count = at_islands ? cat_.count("venues.events", at_islands) : "";
    const TextExtent ice = measure_text(islands_count, f2);
    const double iw = std::max(ie.width, ice.width), ih = ie.height + (at_islands ? ice.height : 0);
    // Right of the dot, level with it; else above or below it on the right, or left of it: the
    // first side no great circle takes and no box covers. Every line leaves from this dot, so
    // one may take every side: then it stops short of the label.
    XY islands_at{ip.x + px(10), ip.y - px(24)};
    std::vector<XY> spots{islands_at};
    for (double gap : {8.0, 20.0}) spots.insert(spots.end(), {{ip.x + px(10), ip.y - px(gap) - ih}, {ip.x + px(10), ip.y + px(gap)}});
    spots.push_back({ip.x - px(10) - iw, ip.y - px(24)});
    auto inside_frame = [&](const BBox& b) { return b.min_x > fr.min_x && b.max_x < fr.max_x && b.min_y > fr.min_y && b.max_y < fr.max_y; };
    for (XY at : spots) {
        const BBox b{at.x, at.y, at.x + iw, at.y + ih};
        if (!inside_frame(b) || crosses(arcs, b) || std::any_of(placed.begin(), placed.end(), [&](const BBox& q) { return overlaps(q, b); }))
            continue;
        islands_at = at;
        break;
    }
    placed.push_back({islands_at.x, islands_at.y, islands_at.x + iw, islands_at.y + ih});
    std::vector<BBox> label_boxes{placed.back()};
    for (size_t vi = 0; vi < elsewhere.size(); ++vi) {
        const auto& [v, n] = elsewhere[vi];
        XY p = page(v->lonlat);
        layer.items.push_back(dot(p, venue_disc_radius(n), style_.text));
        const LabelLine names = venue_names(*v, " ");
        std::string l1 = names.text, l2 = cat_.count("venues.events", n);
        TextExtent e1 = measure_text(l1, f, names.langs), e2 = measure_text(l2, f2);
        double w = std::max(e1.width, e2.width), h = e1.height + e2.height;
        double r = venue_disc_radius(n) + px(4);
        // Next to the dot, on a side no line takes: right, left, above, below, the diagonals, then
        // slid along those sides (still touching the dot's column or row). Else next to it all the
        // same, over other venues' lines (which stop short of it) but never over its own, which
        // must be seen to reach its dot. Only when no side is free: further out, with a leader.
        std::optional<XY> at;
        struct Spot {
            XY offset;
            enum { clear, own_line_clear, anywhere } rule;
        };
        const std::vector<XY> beside = spots_beside(w, h, r);
        std::vector<Spot> spots;
        for (auto rule : {Spot::clear, Spot::own_line_clear})
            for (XY o : beside) spots.push_back({o, rule});
        for (double k : {3.0, 6.0, 10.0, 15.0})
            for (XY o : {XY{k * r, -h / 2}, XY{-k * r - w, -h / 2}, XY{-w / 2, -k * r - h}, XY{-w / 2, k * r},
                         XY{k * r, -h - k * r / 2}, XY{k * r, k * r / 2}, XY{-k * r - w, -h - k * r / 2}, XY{-k * r - w, k * r / 2}})
                spots.push_back({o, Spot::anywhere});
        // Of the spots next to the dot over other lines, the one hiding the least of them.
        std::optional<BBox> best_over_lines;
        double least_hidden = INFINITY;
        for (const auto& [o, rule] : spots) {
            if (at) break;
            BBox b{p.x + o.x, p.y + o.y, p.x + o.x + w, p.y + o.y + h};
            if (rule == Spot::anywhere && best_over_lines) {
                at = XY{best_over_lines->min_x, best_over_lines->min_y};
                break;
            }
            if (!inside_frame(b) || std::any_of(placed.begin(), placed.end(), [&](const BBox& q) { return overlaps(q, b); })) continue;
            if (rule == Spot::clear && (crosses(arcs, b) || crosses(leaders, b) || nearer_another_dot(b, p))) continue;
            if (rule == Spot::own_line_clear) {
                if (crosses(own_arcs[vi], b) || crosses(leaders, b) || nearer_another_dot(b, p)) continue;
                if (const double hidden = length_inside(arcs, b); hidden < least_hidden) least_hidden = hidden, best_over_lines = b;
                continue;
            }
            at = XY{b.min_x, b.min_y};
        }
        if (!at && best_over_lines) at = XY{best_over_lines->min_x, best_over_lines->min_y};
        if (at) {
            placed.push_back({at->x, at->y, at->x + w, at->y + h});
            label_boxes.push_back(placed.back());
        }
        if (!at) continue;
        // A label set away from its dot gets a thin leader to it.
        XY nearest{std::clamp(p.x, at->x, at->x + w), std::clamp(p.y, at->y, at->y + h)};
        if (std::hypot(nearest.x - p.x, nearest.y - p.y) > 2 * r) leaders.push_back({p, nearest});
        TextItem t1 = text(l1, *at, f, style_.label_text, true);
        t1.langs = names.langs;
        layer.items.push_back(std::move(t1));
        layer.items.push_back(text(l2, {at->x, at->y + e1.height}, f2, style_.label_text, true));
    }
    layer.items.push_back(text(pov_.title, islands_at, fi, style_.disputed_stroke, true));
    if (at_islands) layer.items.push_back(text(islands_count, {islands_at.x, islands_at.y + ie.height}, f2, style_.label_text, true));
    // A little room between a label and a line that stops short of it.
    for (BBox& b : label_boxes) b = {b.min_x - px(3), b.min_y - px(2), b.max_x + px(3), b.max_y + px(2)};
    std::vector<SceneItem> lines;
    if (!arcs.empty()) lines.push_back(polyline(knocked_out(arcs, label_boxes), style_.disputed_stroke, px(1.2)));
    if (!leaders.empty()) lines.push_back(polyline(knocked_out(leaders, label_boxes), style_.leader, px(0.8)));
    layer.items.insert(layer.items.begin(), lines.begin(), lines.end());
    return layer;
}

Layer SceneBuilder::timeline_layer() const {
    Layer layer;
    layer.id = "timeline";
    const auto& events = in_.events->events->events;
    const BBox& fr = view_.frame();
    double x0 = fr.min_x + px(70), x1 = fr.max_x - px(20);
    double y = fr.max_y + m_.timeline_band * 0.42;
    auto t_of = [](const EventDate& d) { return d.year + (d.month - 1) / 12.0 + (d.day > 0 ? (d.day - 1) / 365.0 : 0.0); };
    // Events long before the rest (an old treaty) go left of a break in the axis: the break is at
    // the widest gap between events when that gap is ten years or more, longer than the span of the
    // events after it, and leaves most events on the axis.
    size_t split = 0;
    double widest = 0;
    for (size_t i = 1; i < events.size(); ++i)
        if (double gap = t_of(events[i].date) - t_of(events[i - 1].date); gap > widest) widest = gap, split = i;
    if (widest < 10 || widest <= t_of(events.back().date) - t_of(events[split].date) || 2 * split > events.size()) split = 0;
    const double first_recent = t_of(events[split].date);
    std::vector<const Event*> early, recent;
    for (size_t i = 0; i < events.size(); ++i) (i < split ? early : recent).push_back(&events[i]);
    FontSpec f = font(style_.small_size), fb = font(style_.small_size, true);
    // The early events' years, each once, left of the break; the axis starts right of them.
    std::optional<TextItem> early_label;
    if (!early.empty()) {
        std::string years;
        int last_year = 0;
        for (const Event* e : early)
            if (e->date.year != last_year) {
                years += (years.empty() ? "" : tr("list.separator")) + std::to_string(e->date.year);
                last_year = e->date.year;
            }
        std::string label = tr("timeline.break", {{"years", years}});
        TextExtent e = measure_text(label, fb);
        bool hl = std::any_of(early.begin(), early.end(), [&](const Event* ev) { return ev == in_.events->highlight; });
        early_label = text(label, {fr.min_x, y - e.height / 2}, fb, hl ? style_.disputed_stroke : style_.muted_text, false);
        x0 = std::max(x0, fr.min_x + e.width + px(16));
    }
    double t0 = recent.empty() ? first_recent : std::floor(t_of(recent.front()->date));
    double t1 = std::ceil(t_of(events.back().date) + 0.01);
    auto x_of = [&](double t) { return x0 + (t - t0) / (t1 - t0) * (x1 - x0); };
    PathItem axis;
    axis.closed = false;
    axis.rings.push_back({{x0, y}, {x1, y}});
    axis.stroke = style_.muted_text;
    axis.stroke_width = px(1);
    layer.items.push_back(axis);
    // A tick every year; a year label every `step` years, so that labels keep apart.
    const double year_px = (x1 - x0) / std::max(1.0, t1 - t0);
    const double label_w = measure_text("0000", f).width + px(8);
    int step = 1;
    for (int s : {1, 2, 5, 10, 20, 50, 100, 200, 500})
        if (step = s; s * year_px >= label_w) break;
    for (int year = static_cast<int>(t0); year <= static_cast<int>(t1); ++year) {
        PathItem tick;
        tick.closed = false;
        tick.rings.push_back({{x_of(year), y - px(4)}, {x_of(year), y + px(4)}});
        tick.stroke = style_.muted_text;
        tick.stroke_width = px(1);
        layer.items.push_back(tick);
        if (year % step != 0) continue;
        std::string label = std::to_string(year);
        TextExtent e = measure_text(label, f);
        // Below the highlighted dot (6 px), not touching it.
        layer.items.push_back(text(label, {x_of(year) - e.width / 2, y + px(7)}, f, style_.muted_text, false));
    }
    if (early_label) layer.items.push_back(std::move(*early_label));
    // Events days apart would share one spot on the axis: a dot that would touch one already drawn
    // is stacked above it, so that every event stays visible.
    struct Placed {
        XY at;
        double r;
    };
    // The highlighted event keeps its place on the axis; the others follow in date order.
    std::vector<const Event*> order = recent;
    std::stable_partition(order.begin(), order.end(), [&](const Event* e) { return e == in_.events->highlight; });
    std::vector<Placed> placed;
    for (const Event* e : order) {
        const double r = px(e == in_.events->highlight ? 6 : 3.5);
        XY at{x_of(t_of(e->date)), y};
        // Up in small steps to the first height where it touches no dot already placed, but never
        // into the map's frame: past that height a crowd of events overlaps at the top of its stack.
        const double highest = fr.max_y + px(1) + r;
        for (int step = 1; std::any_of(placed.begin(), placed.end(), [&](const Placed& p) { return std::hypot(p.at.x - at.x, p.at.y - at.y) < p.r + r + px(0.5); }) &&
                           y - step * px(0.5) >= highest;
             ++step)
            at.y = y - step * px(0.5);
        placed.push_back({at, r});
    }
    for (size_t i = 0; i < order.size(); ++i)
        layer.items.push_back(dot(placed[i].at, placed[i].r, order[i] == in_.events->highlight ? style_.disputed_fill : style_.text));
    if (in_.events->highlight) {
        const Event& e = *in_.events->highlight;
        if (t_of(e.date) >= first_recent) {
            std::string label = cat_.date(e.date);
            TextExtent te = measure_text(label, fb);
            const double x = x_of(t_of(e.date));
            auto free = [&](double lx, double ly) {
                return std::none_of(placed.begin(), placed.end(), [&](const Placed& p) {
                    return p.at.x + p.r + px(1) > lx && p.at.x - p.r - px(1) < lx + te.width && p.at.y + p.r + px(1) > ly &&
                           p.at.y - p.r - px(1) < ly + te.height;
                });
            };
            // Centred above its dot and the stack over it; else beside the dots, just above the axis,
            // to the right, then to the left; in the frame's way or on dots nowhere.
            double lx = std::clamp(x - te.width / 2, x0, x1 - te.width), top = y - px(6);
            for (const Placed& p : placed)
                if (p.at.x + p.r > lx - px(1) && p.at.x - p.r < lx + te.width + px(1)) top = std::min(top, p.at.y - p.r);
            double ly = top - px(4) - te.height;
            if (ly < fr.max_y + px(1) || !free(lx, ly)) {
                ly = std::max(fr.max_y + px(1), y - px(5) - te.height);
                std::optional<double> beside;
                for (double d = px(7); !beside && d < x1 - x0; d += px(2))
                    for (double candidate : {x + d, x - d - te.width})
                        if (!beside && candidate >= x0 && candidate + te.width <= x1 && free(candidate, ly)) beside = candidate;
                lx = beside.value_or(lx);
            }
            layer.items.push_back(text(label, {lx, ly}, fb, style_.text, true));
        }
    }
    return layer;
}

BBox SceneBuilder::world_extent(const Projection& proj, const LandData& world) {
    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const LandFeature& f : world.features)
        for (const LonLat& p : f.shape.outer) {
            XY q = proj.forward(p);
            b = {std::min(b.min_x, q.x), std::min(b.min_y, q.y), std::max(b.max_x, q.x), std::max(b.max_y, q.y)};
        }
    return b;
}

}  // namespace claimmap::layout_detail
