#pragma once
// The display list between layout and output: page-space primitives grouped in named layers.
// Layout builds it once; the Cairo painter (PNG, PDF) and the SVG writer both consume it, so the
// formats agree and SVG keeps one group per layer and text as text.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/types.hpp"
#include "render/color.hpp"

namespace claimmap {

// Parallel lines filling a path (drawn over its fill).
struct Hatch {
    Rgba color;
    double spacing = 6, width = 1, angle_deg = 45;
    bool operator==(const Hatch&) const = default;
};

struct PathItem {
    std::vector<std::vector<XY>> rings;  // page coordinates, pixels; closed rings or open lines
    bool closed = true;
    std::optional<Rgba> fill;
    std::optional<Rgba> stroke;
    double stroke_width = 1.0;
    std::vector<double> dash;
    std::optional<Hatch> hatch;
};

struct FontSpec {
    std::string family;
    double size_px = 12;
    bool bold = false;
    bool italic = false;
    // BCP 47 tag of the text's language (the map's); language runs (LangSpan) override it.
    std::string lang;
};

// A run of text in one language (byte offsets into the text, BCP 47 tag), so that shaping picks
// that language's glyph forms (Han characters differ between ja, ko, zh-Hans and zh-Hant).
struct LangSpan {
    size_t begin = 0, end = 0;
    std::string lang;
    bool operator==(const LangSpan&) const = default;
};

// One line of text; `origin` is the top-left corner of its logical box as Pango measures it.
struct TextItem {
    std::string text;
    XY origin;
    FontSpec font;
    Rgba color;
    std::optional<Rgba> halo;
    double halo_width = 0;
    double baseline = 0;  // distance from origin.y to the baseline (for SVG <text>)
    std::vector<LangSpan> langs;  // language runs; text outside them has no language set
};

using SceneItem = std::variant<PathItem, TextItem>;

struct Layer {
    std::string id;  // stable, used as the SVG group id
    std::optional<BBox> clip;
    std::vector<SceneItem> items;
};

struct Scene {
    int width = 0, height = 0;  // pixels
    double dpi = 96;            // for page sizes in physical units (PDF)
    Rgba background{1, 1, 1, 1};
    std::string title;  // document title (SVG <title>, PDF metadata)
    std::string lang;   // BCP 47 tag of the map's words (SVG xml:lang); place names carry their own
    std::vector<Layer> layers;
};

}  // namespace claimmap
