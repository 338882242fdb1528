// SceneBuilder: place labels in both languages, and where they go (clear of each other, of the
// furniture and of disputed land).
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

namespace claimmap::layout_detail {

bool SceneBuilder::LabelLine::holds(const std::string& piece) const {
    // Whole pieces only: "Shikotan" must not count as a repeat inside a longer name.
    for (size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) {
        const bool starts = at == 0 || text.compare(at - 1, 1, " ") == 0;
        const bool ends = at + piece.size() == text.size() || text.compare(at + piece.size(), 1, " ") == 0;
        if (starts && ends) return true;
    }
    return false;
}

void SceneBuilder::LabelLine::add(const std::string& piece, const std::string& lang, const std::string& sep) {
    if (piece.empty() || holds(piece)) return;
    if (!text.empty()) text += sep;
    if (!lang.empty()) langs.push_back({text.size(), text.size() + piece.size(), lang});
    text += piece;
}

std::pair<SceneBuilder::LabelLine, SceneBuilder::LabelLine> SceneBuilder::label_lines(const Place& p) const {
    const CaseConfig& cc = in_.case_config;
    LabelLine first, second;
    auto english = [&](const Party& party) {
        const std::string* n = p.names.find("en", party.id);
        return n ? *n : std::string();
    };
    const Party* viewer = pov_.names_first.empty() ? nullptr : cc.party(pov_.names_first);
    if (!viewer) {
        for (const std::string& n : english_names(p, cc)) first.add(n, "", " / ");  // Latin script: no language run needed
        for (const Party& party : cc.parties)
            if (auto own = own_name(p, party)) second.add(own->name, own->lang, " · ");
        if (first.text.empty()) std::swap(first, second);
        return {first, second};
    }
    if (auto own = own_name(p, *viewer)) first.add(own->name, own->lang, " ");
    first.add(english(*viewer), "", " ");
    for (const Party& party : cc.parties) {
        if (&party == viewer) continue;
        LabelLine piece;
        // A name written the same in two languages (浙江省 in Japanese and both Chinese scripts)
        // stands once, on the first line.
        if (auto own = own_name(p, party); own && !first.holds(own->name)) piece.add(own->name, own->lang, " ");
        if (english(party) != english(*viewer)) piece.add(english(party), "", " ");
        if (piece.text.empty()) continue;
        // The piece's language runs move with it.
        const size_t offset = second.text.empty() ? 0 : second.text.size() + std::string(" · ").size();
        const size_t before = second.text.size();
        second.add(piece.text, "", " · ");
        if (second.text.size() == before) continue;
        for (LangSpan span : piece.langs) second.langs.push_back({span.begin + offset, span.end + offset, span.lang});
    }
    if (first.text.empty()) std::swap(first, second);
    return {first, second};
}

BBox SceneBuilder::box_of(const PathItem& path) {
    BBox b{INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const auto& ring : path.rings)
        for (const XY& p : ring)
            b = {std::min(b.min_x, p.x), std::min(b.min_y, p.y), std::max(b.max_x, p.x), std::max(b.max_y, p.y)};
    return b;
}

BBox SceneBuilder::box_of_layer(const Layer& layer) {
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
    // An inset draws only what its clip box shows.
    if (layer.clip)
        b = {std::max(b.min_x, layer.clip->min_x), std::max(b.min_y, layer.clip->min_y), std::min(b.max_x, layer.clip->max_x),
             std::min(b.max_y, layer.clip->max_y)};
    return b;
}

bool SceneBuilder::overlaps(const BBox& a, const BBox& b) {
    return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
}

XY SceneBuilder::land_point(const std::string& territory) const {
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

bool SceneBuilder::covers_disputed(const BBox& box) const {
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

Layer SceneBuilder::labels_layer(const std::vector<BBox>& occupied) const {
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
        bool territory = place.kind == "territory";
        Rgba color = place.kind == "sea" ? style_.sea_label : style_.label_text;
        // Named copies, not a structured binding: the lambdas below capture w and h, which C++20
        // allows for bindings only from clang 16 on (the fuzz build uses clang 14).
        const PlaceLabel label = place_label(place);
        const FontSpec &main = label.main, &second = label.second;
        const LabelLine &line1 = label.line1, &line2 = label.line2;
        const TextExtent &e1 = label.e1, &e2 = label.e2;
        const double w = label.w, h = label.h;
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
            layer.items.push_back(polyline({{from, target}}, style_.leader, px(1.0)));
            PathItem dot;
            const double r = px(2.2);
            std::vector<XY> circle;
            for (int i = 0; i < 16; ++i)
                circle.push_back({target.x + r * std::cos(i * M_PI / 8), target.y + r * std::sin(i * M_PI / 8)});
            dot.rings.push_back(circle);
            dot.fill = style_.leader;
            layer.items.push_back(dot);
        }
        TextItem t1 = text(line1.text, {c.x - e1.width / 2, top}, main, color, true);
        TextItem t2 = text(line2.text, {c.x - e2.width / 2, top + e1.height}, second, color, true);
        t1.langs = line1.langs;
        t2.langs = line2.langs;
        layer.items.push_back(std::move(t1));
        layer.items.push_back(std::move(t2));
    }
    return layer;
}

}  // namespace claimmap::layout_detail
