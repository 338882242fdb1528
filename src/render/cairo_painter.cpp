#include "render/cairo_painter.hpp"

#include <cmath>

#include "render/text.hpp"

namespace claimmap {
namespace {

void set_source(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void paint_path(cairo_t* cr, const PathItem& path) {
    cairo_new_path(cr);
    for (const auto& ring : path.rings) {
        if (ring.empty()) continue;
        cairo_move_to(cr, ring[0].x, ring[0].y);
        for (size_t i = 1; i < ring.size(); ++i) cairo_line_to(cr, ring[i].x, ring[i].y);
        if (path.closed) cairo_close_path(cr);
    }
    if (path.fill) {
        set_source(cr, *path.fill);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        if (path.stroke || path.hatch) cairo_fill_preserve(cr);
        else cairo_fill(cr);
    }
    if (path.hatch) {
        double x0, y0, x1, y1;
        cairo_save(cr);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_clip_preserve(cr);
        cairo_path_t* outline = cairo_copy_path(cr);
        cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
        cairo_new_path(cr);
        // Lines at the hatch angle through the clip box, `spacing` apart.
        double a = path.hatch->angle_deg * M_PI / 180, dx = std::cos(a), dy = std::sin(a);
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, r = std::hypot(x1 - x0, y1 - y0) / 2 + path.hatch->spacing;
        for (double o = -r; o <= r; o += path.hatch->spacing) {
            double px = cx - dy * o, py = cy + dx * o;
            cairo_move_to(cr, px - dx * r, py - dy * r);
            cairo_line_to(cr, px + dx * r, py + dy * r);
        }
        set_source(cr, path.hatch->color);
        cairo_set_line_width(cr, path.hatch->width);
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_stroke(cr);
        cairo_restore(cr);
        cairo_new_path(cr);
        cairo_append_path(cr, outline);
        cairo_path_destroy(outline);
        if (!path.stroke) cairo_new_path(cr);
    }
    if (path.stroke) {
        set_source(cr, *path.stroke);
        cairo_set_line_width(cr, path.stroke_width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, path.dash.data(), static_cast<int>(path.dash.size()), 0);
        cairo_stroke(cr);
    }
}

}  // namespace

void paint_scene(cairo_t* cr, const Scene& scene) {
    set_source(cr, scene.background);
    cairo_paint(cr);
    for (const Layer& layer : scene.layers) {
        cairo_save(cr);
        if (layer.clip) {
            cairo_rectangle(cr, layer.clip->min_x, layer.clip->min_y, layer.clip->width(), layer.clip->height());
            cairo_clip(cr);
        }
        for (const SceneItem& item : layer.items) {
            if (const auto* path = std::get_if<PathItem>(&item)) paint_path(cr, *path);
            else draw_text(cr, std::get<TextItem>(item));
        }
        cairo_restore(cr);
    }
}

}  // namespace claimmap
