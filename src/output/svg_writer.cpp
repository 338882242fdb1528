#include "output/svg_writer.hpp"

#include <fmt/format.h>

#include "output/xml.hpp"

namespace claimmap {
namespace {

std::string paint_attr(const char* name, const std::optional<Rgba>& c) {
    if (!c) return fmt::format(" {}=\"none\"", name);
    std::string s = fmt::format(" {}=\"{}\"", name, to_hex(*c));
    if (c->a < 1.0) s += fmt::format(" {}-opacity=\"{:.3f}\"", name, c->a);
    return s;
}

// Hatches become <pattern>s, numbered in order of first use.
struct Patterns {
    std::vector<Hatch> hatches;
    size_t id(const Hatch& h) {
        for (size_t i = 0; i < hatches.size(); ++i)
            if (hatches[i] == h) return i;
        hatches.push_back(h);
        return hatches.size() - 1;
    }
};

void write_path(std::string& out, const PathItem& path, Patterns& patterns) {
    std::string d;
    for (const auto& ring : path.rings) {
        for (size_t i = 0; i < ring.size(); ++i)
            d += fmt::format("{}{:.2f} {:.2f}", i == 0 ? "M" : "L", ring[i].x, ring[i].y);
        if (path.closed && !ring.empty()) d += "Z";
    }
    if (d.empty()) return;
    if (path.hatch) {
        if (path.fill) out += "<path d=\"" + d + "\"" + paint_attr("fill", path.fill) + " fill-rule=\"evenodd\" stroke=\"none\"/>\n";
        out += fmt::format("<path d=\"{}\" fill=\"url(#hatch-{})\" fill-rule=\"evenodd\"", d, patterns.id(*path.hatch));
    } else {
        out += "<path d=\"" + d + "\"";
        out += paint_attr("fill", path.fill);
        if (path.fill) out += " fill-rule=\"evenodd\"";
    }
    out += paint_attr("stroke", path.stroke);
    if (path.stroke) {
        out += fmt::format(" stroke-width=\"{:.2f}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"", path.stroke_width);
        if (!path.dash.empty()) {
            out += " stroke-dasharray=\"";
            for (size_t i = 0; i < path.dash.size(); ++i) out += fmt::format("{}{:.2f}", i ? "," : "", path.dash[i]);
            out += "\"";
        }
    }
    out += "/>\n";
}

void write_text(std::string& out, const TextItem& t) {
    out += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" font-family=\"{}\" font-size=\"{:.2f}\"", t.origin.x,
                       t.origin.y + t.baseline, escape_xml(t.font.family), t.font.size_px);
    if (t.font.bold) out += " font-weight=\"bold\"";
    if (t.font.italic) out += " font-style=\"italic\"";
    out += paint_attr("fill", t.color);
    if (t.halo && t.halo_width > 0)
        out += paint_attr("stroke", t.halo) +
               fmt::format(" stroke-width=\"{:.2f}\" stroke-linejoin=\"round\" paint-order=\"stroke\"", t.halo_width * 2);
    out += ">";
    // Language runs as <tspan xml:lang>, so that a renderer picks the same glyph forms.
    size_t at = 0;
    for (const LangSpan& span : t.langs) {
        if (span.begin < at || span.end > t.text.size() || span.begin >= span.end) continue;
        out += escape_xml(t.text.substr(at, span.begin - at));
        out += "<tspan xml:lang=\"" + escape_xml(span.lang) + "\">" + escape_xml(t.text.substr(span.begin, span.end - span.begin)) + "</tspan>";
        at = span.end;
    }
    out += escape_xml(t.text.substr(at)) + "</text>\n";
}

}  // namespace

std::string scene_to_svg(const Scene& scene) {
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"{2} width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n",
        scene.width, scene.height, scene.lang.empty() ? std::string() : " xml:lang=\"" + escape_xml(scene.lang) + "\"");
    out += "<title>" + escape_xml(scene.title) + "</title>\n";
    Patterns patterns;
    for (const Layer& layer : scene.layers)
        for (const SceneItem& item : layer.items)
            if (const auto* path = std::get_if<PathItem>(&item); path && path->hatch) patterns.id(*path->hatch);
    out += "<defs>\n";
    for (size_t i = 0; i < patterns.hatches.size(); ++i) {
        const Hatch& h = patterns.hatches[i];
        out += fmt::format(
            "<pattern id=\"hatch-{}\" patternUnits=\"userSpaceOnUse\" width=\"{:.2f}\" height=\"{:.2f}\" "
            "patternTransform=\"rotate({:.1f})\"><line x1=\"0\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"{} stroke-width=\"{:.2f}\"/>"
            "</pattern>\n",
            i, h.spacing, h.spacing, h.angle_deg, h.spacing / 2, h.spacing, h.spacing / 2, paint_attr("stroke", h.color),
            h.width);
    }
    for (size_t i = 0; i < scene.layers.size(); ++i) {
        if (const auto& clip = scene.layers[i].clip)
            out += fmt::format("<clipPath id=\"clip-{}\"><rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\"/></clipPath>\n",
                               scene.layers[i].id, clip->min_x, clip->min_y, clip->width(), clip->height());
    }
    out += "</defs>\n";
    out += fmt::format("<rect id=\"page\" width=\"{}\" height=\"{}\"{}/>\n", scene.width, scene.height,
                       paint_attr("fill", scene.background));
    for (const Layer& layer : scene.layers) {
        out += "<g id=\"layer-" + escape_xml(layer.id) + "\"";
        if (layer.clip) out += " clip-path=\"url(#clip-" + escape_xml(layer.id) + ")\"";
        out += ">\n";
        for (const SceneItem& item : layer.items) {
            if (const auto* path = std::get_if<PathItem>(&item)) write_path(out, *path, patterns);
            else write_text(out, std::get<TextItem>(item));
        }
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

}  // namespace claimmap
