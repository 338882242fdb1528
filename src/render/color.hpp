#pragma once
#include <string>

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
