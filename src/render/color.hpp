#pragma once
#include <string>
#include <vector>

namespace claimmap {

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Rgba&) const = default;
};

// Parses "#rrggbb" or "#rrggbbaa"; returns false on anything else.
bool parse_color(const std::string& text, Rgba& out);
// "#rrggbb" (alpha is written separately in SVG as *-opacity).
std::string to_hex(const Rgba& c);
// WCAG 2 contrast ratio of two colours (1 to 21), from their relative luminance.
double contrast_ratio(const Rgba& a, const Rgba& b);

}  // namespace claimmap

namespace claimmap {

// CIE L*a*b* (D65) of an sRGB colour, and back (out-of-gamut results clamped to sRGB).
struct Lab {
    double l = 0, a = 0, b = 0;
};
Lab to_lab(const Rgba& c);
Rgba from_lab(const Lab& lab, double alpha = 1);
// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005): about 1 is just noticeable side by side;
// thin lines on a map need far more to be told apart.
double delta_e(const Lab& x, const Lab& y);
double delta_e(const Rgba& x, const Rgba& y);

// What a line must keep clear of: other lines' colours by `min_delta_e`, the grounds it is drawn on
// (sea, the legend's panel) by a WCAG contrast of `min_contrast` and by `min_delta_e`.
struct Distinctness {
    double min_delta_e = 20, min_contrast = 3;
};
// `wanted` itself when it is distinct from every colour of `others` and stands out on every one of
// `grounds`; else the first candidate that is, in a fixed order that tries small changes first: its
// Lab lightness moved in growing steps (its hue kept), then its hue turned by 30°, 60°, ... with the
// lightness moves again. The first that passes, not the one of smallest ΔE from `wanted`: a hue
// turned 30° at once may be nearer than a large lightness move. When nothing meets every rule, the
// candidate that comes nearest to meeting them.
Rgba distinct_colour(const Rgba& wanted, const std::vector<Rgba>& others, const std::vector<Rgba>& grounds, const Distinctness& rules = {});

}  // namespace claimmap
