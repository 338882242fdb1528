// SceneBuilder: where the furniture boxes (callout, insets, legend, figures table, north arrow and
// scale bar) go. Disputed land and territory labels are never covered: a box goes where it covers
// none of them, measured on their page geometry, preferring the spot the map style gives it and,
// among the rest, the one that covers the least of the other labels and of the land.
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/scene_builder.hpp"
#include "render/text.hpp"

namespace claimmap::layout_detail {

namespace {

// The part of `ring` inside `b` (Sutherland–Hodgman against the box's four sides; the box is
// convex, so this is exact for any simple ring, concave ones included).
double area_in_box(const std::vector<XY>& ring, const BBox& b) {
    std::vector<XY> poly = ring, next;
    auto clip = [&](auto inside, auto cross) {
        next.clear();
        for (size_t i = 0; i < poly.size(); ++i) {
            const XY& p = poly[i];
            const XY& q = poly[(i + 1) % poly.size()];
            bool pin = inside(p), qin = inside(q);
            if (pin) next.push_back(p);
            if (pin != qin) next.push_back(cross(p, q));
        }
        poly.swap(next);
    };
    auto at_x = [](double x) {
        return [x](const XY& p, const XY& q) { return XY{x, p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x)}; };
    };
    auto at_y = [](double y) {
        return [y](const XY& p, const XY& q) { return XY{p.x + (q.x - p.x) * (y - p.y) / (q.y - p.y), y}; };
    };
    clip([&](const XY& p) { return p.x >= b.min_x; }, at_x(b.min_x));
    if (poly.size() >= 3) clip([&](const XY& p) { return p.x <= b.max_x; }, at_x(b.max_x));
    if (poly.size() >= 3) clip([&](const XY& p) { return p.y >= b.min_y; }, at_y(b.min_y));
    if (poly.size() >= 3) clip([&](const XY& p) { return p.y <= b.max_y; }, at_y(b.max_y));
    if (poly.size() < 3) return 0;
    double twice = 0;
    for (size_t i = 0; i < poly.size(); ++i) {
        const XY& p = poly[i];
        const XY& q = poly[(i + 1) % poly.size()];
        twice += p.x * q.y - q.x * p.y;
    }
    return std::abs(twice) / 2;
}

double overlap_area(const BBox& a, const BBox& b) {
    double w = std::min(a.max_x, b.max_x) - std::max(a.min_x, b.min_x);
    double h = std::min(a.max_y, b.max_y) - std::max(a.min_y, b.min_y);
    return w > 0 && h > 0 ? w * h : 0;
}

BBox ring_box(const std::vector<XY>& ring) {
    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const XY& p : ring) b = {std::min(b.min_x, p.x), std::min(b.min_y, p.y), std::max(b.max_x, p.x), std::max(b.max_y, p.y)};
    return b;
}

}  // namespace

SceneBuilder::PlaceLabel SceneBuilder::place_label(const Place& place) const {
    const bool sea = place.kind == "sea", territory = place.kind == "territory";
    double size = sea ? style_.sea_label_size : territory ? style_.territory_label_size : style_.island_label_size;
    PlaceLabel l;
    l.main = font(size, territory, sea);
    l.second = font(size * 0.8, false, false);
    std::tie(l.line1, l.line2) = label_lines(place);
    l.e1 = measure_text(l.line1.text, l.main, l.line1.langs);
    l.e2 = measure_text(l.line2.text, l.second, l.line2.langs);
    l.w = std::max(l.e1.width, l.e2.width);
    l.h = l.e1.height + l.e2.height;
    return l;
}

void SceneBuilder::measure_obstacles() {
    for (const std::vector<XY>& ring : disputed_page_) disputed_boxes_.push_back(ring_box(ring));
    for (const LandFeature& f : in_.land.features)
        if (f.territory.empty()) {
            land_page_.push_back(page_ring(f.shape.outer));
            land_boxes_.push_back(ring_box(land_page_.back()));
        }
    const BBox& fr = view_.frame();
    if (o_.labels && !in_.world_map)
        for (const Place& place : in_.gazetteer.places) {
            XY a = page(place.label);
            if (a.x < fr.min_x || a.x > fr.max_x || a.y < fr.min_y || a.y > fr.max_y) continue;
            PlaceLabel l = place_label(place);
            BBox b{a.x - l.w / 2, a.y - l.h / 2, a.x + l.w / 2, a.y + l.h / 2};
            (place.kind == "territory" ? territory_label_boxes_ : other_label_boxes_).push_back(b);
        }
    // On the world map the disputed islands are a dot and a label by it.
    if (in_.world_map && in_.events) {
        XY p = page(in_.events->islands);
        territory_label_boxes_.push_back({p.x - px(10), p.y - px(30), p.x + px(160), p.y + px(10)});
    }
}

double SceneBuilder::disputed_area_in(const BBox& b) const {
    double area = 0;
    for (size_t i = 0; i < disputed_page_.size(); ++i)
        if (overlaps(disputed_boxes_[i], b)) area += area_in_box(disputed_page_[i], b);
    return area;
}

std::optional<double> SceneBuilder::furniture_cost(const BBox& b) const {
    for (const BBox& t : territory_label_boxes_)
        if (overlaps(t, b)) return std::nullopt;
    if (disputed_area_in(b) > 0) return std::nullopt;
    // Any other label is worth more than the same area of land: a label hidden is a name lost.
    double cost = 0;
    for (const BBox& l : other_label_boxes_) cost += 4 * overlap_area(l, b);
    for (size_t i = 0; i < land_page_.size(); ++i)
        if (overlaps(land_boxes_[i], b)) cost += area_in_box(land_page_[i], b);
    return cost;
}

std::optional<BBox> SceneBuilder::place_box(const BBox& preferred, const std::vector<BBox>& taken, bool corners_only) const {
    const BBox& fr = view_.frame();
    const double w = preferred.width(), h = preferred.height(), inset = px(12), gap = px(6);
    if (w > fr.width() - 2 * inset || h > fr.height() - 2 * inset) return std::nullopt;
    std::vector<XY> spots{{preferred.min_x, preferred.min_y}};
    const double x0 = fr.min_x + inset, x1 = fr.max_x - w - inset, y0 = fr.min_y + inset, y1 = fr.max_y - h - inset;
    // Along the frame's edges: corners first, then the middles of the sides, then in between.
    const int steps = corners_only ? 1 : 8;
    for (int order : {0, 1, 2})
        for (int i = 0; i <= steps; ++i)
            for (int j = 0; j <= steps; ++j) {
                bool edge = i == 0 || i == steps || j == 0 || j == steps;
                bool corner = (i == 0 || i == steps) && (j == 0 || j == steps);
                bool middle = !corner && (2 * i == steps || 2 * j == steps);
                if (!edge || (order == 0) != corner || (order == 1 && !middle) || (order == 2 && (corner || middle))) continue;
                spots.push_back({x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps});
            }
    std::optional<BBox> best;
    double best_cost = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < spots.size(); ++k) {
        BBox b{spots[k].x, spots[k].y, spots[k].x + w, spots[k].y + h};
        if (b.min_x < fr.min_x || b.max_x > fr.max_x || b.min_y < fr.min_y || b.max_y > fr.max_y) continue;
        BBox padded{b.min_x - gap, b.min_y - gap, b.max_x + gap, b.max_y + gap};
        if (std::any_of(taken.begin(), taken.end(), [&](const BBox& t) { return overlaps(t, padded); })) continue;
        std::optional<double> cost = furniture_cost(b);
        if (!cost) continue;
        // The style's own spot stays when no other label's spot is under it (a label merely
        // touched finds room nearby): maps keep a familiar layout.
        auto centre_under = [&](const BBox& l) {
            double cx = (l.min_x + l.max_x) / 2, cy = (l.min_y + l.max_y) / 2;
            return cx > b.min_x && cx < b.max_x && cy > b.min_y && cy < b.max_y;
        };
        if (k == 0 && std::none_of(other_label_boxes_.begin(), other_label_boxes_.end(), centre_under)) return b;
        // A little for leaving the usual spot, so that ties keep the style's layout.
        double c = *cost + (k == 0 ? 0 : px(40) * px(40));
        if (c < best_cost) best_cost = c, best = b;
    }
    return best;
}

void SceneBuilder::translate(Layer& layer, double dx, double dy) {
    for (SceneItem& item : layer.items) {
        if (auto* p = std::get_if<PathItem>(&item)) {
            for (auto& ring : p->rings)
                for (XY& q : ring) q.x += dx, q.y += dy;
        } else {
            TextItem& t = std::get<TextItem>(item);
            t.origin.x += dx, t.origin.y += dy;
        }
    }
    if (layer.clip) *layer.clip = {layer.clip->min_x + dx, layer.clip->min_y + dy, layer.clip->max_x + dx, layer.clip->max_y + dy};
}

bool SceneBuilder::place_layer(Layer& layer, std::vector<BBox>& taken, bool corners_only) const {
    BBox now = box_of_layer(layer);
    std::optional<BBox> at = place_box(now, taken, corners_only);
    if (!at) return false;
    translate(layer, at->min_x - now.min_x, at->min_y - now.min_y);
    taken.push_back(*at);
    return true;
}

}  // namespace claimmap::layout_detail
